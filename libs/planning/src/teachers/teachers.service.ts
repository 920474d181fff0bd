import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Account,
  Actor,
  AuditService,
  ConflictError,
  DomainError,
  ErrorCode,
  NotFoundError,
} from '@peixun/core';
import { DataSource, EntityManager, In } from 'typeorm';
import { CreateTeacherDto, ListTeachersQuery, TeacherDto, UpdateTeacherDto } from './teacher.dto';
import { Teacher, TeacherInstitution } from './teacher.entity';

/** The shared teacher pool: institutions add and link teachers; everyone planning can browse it. */
@Injectable()
export class TeachersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async create(actor: Actor, dto: CreateTeacherDto): Promise<TeacherDto> {
    const institutionId = this.ownInstitution(actor);
    return this.ds.transaction(async (em) => {
      if (dto.accountId) {
        const account = await em.findOneBy(Account, { id: dto.accountId });
        if (!account || account.role !== 'teacher' || account.scopeOrgId !== institutionId) {
          throw new DomainError(
            ErrorCode.VALIDATION_FAILED,
            'accountId: 须为本机构的教师账号 (a teacher account of your institution)',
            400,
            [{ field: 'accountId', problems: ['not a teacher account of your institution'] }],
          );
        }
        if (await em.findOneBy(Teacher, { accountId: dto.accountId })) {
          throw new ConflictError('accountId: 该账号已关联其他教师 (account already linked)');
        }
      }
      const teacher = await em.save(
        em.create(Teacher, {
          name: dto.name.trim(),
          title: dto.title ?? null,
          subjects: dto.subjects.map((s) => s.trim()),
          qualifications: dto.qualifications ?? null,
          phone: dto.phone ?? null,
          accountId: dto.accountId ?? null,
          ownerInstitutionId: institutionId,
        }),
      );
      await em.insert(TeacherInstitution, { teacherId: teacher.id, institutionId });
      await this.audit.record(em, actor, {
        action: 'teacher.created',
        entityType: 'teacher',
        entityId: teacher.id,
      });
      return this.present(em, teacher);
    });
  }

  async list(q: ListTeachersQuery): Promise<TeacherDto[]> {
    const qb = this.ds.getRepository(Teacher).createQueryBuilder('t').orderBy('t.name').limit(500);
    if (q.subject)
      qb.andWhere(
        `exists (select 1 from jsonb_array_elements_text(t.subjects) s where s like :s)`,
        { s: `%${q.subject}%` },
      );
    if (q.institutionId) {
      qb.andWhere(
        'exists (select 1 from teacher_institution ti where ti.teacher_id = t.id and ti.institution_id = :i)',
        {
          i: q.institutionId,
        },
      );
    }
    const teachers = await qb.getMany();
    const links = teachers.length
      ? await this.ds
          .getRepository(TeacherInstitution)
          .findBy({ teacherId: In(teachers.map((t) => t.id)) })
      : [];
    return teachers.map((t) =>
      this.toDto(
        t,
        links.filter((l) => l.teacherId === t.id).map((l) => l.institutionId),
      ),
    );
  }

  async get(id: string): Promise<TeacherDto> {
    const t = await this.ds.getRepository(Teacher).findOneBy({ id });
    if (!t) throw new NotFoundError('教师', id);
    return this.present(this.ds.manager, t);
  }

  /** Only the institution that added the teacher updates the shared record. */
  async update(actor: Actor, id: string, dto: UpdateTeacherDto): Promise<TeacherDto> {
    const institutionId = this.ownInstitution(actor);
    return this.ds.transaction(async (em) => {
      const owned = await em.findOneBy(Teacher, { id, ownerInstitutionId: institutionId });
      if (!owned) throw new NotFoundError('本机构添加的教师', id);
      const changes: Partial<Teacher> = {};
      if (dto.title !== undefined) changes.title = dto.title;
      if (dto.subjects !== undefined) changes.subjects = dto.subjects;
      if (dto.qualifications !== undefined) changes.qualifications = dto.qualifications;
      if (Object.keys(changes).length) await em.update(Teacher, { id }, changes);
      await this.audit.record(em, actor, {
        action: 'teacher.updated',
        entityType: 'teacher',
        entityId: id,
      });
      return this.present(em, await em.findOneByOrFail(Teacher, { id }));
    });
  }

  /** A teacher of the pool also teaches for the caller's institution. */
  async join(actor: Actor, id: string): Promise<TeacherDto> {
    const institutionId = this.ownInstitution(actor);
    return this.ds.transaction(async (em) => {
      const teacher = await em.findOneBy(Teacher, { id });
      if (!teacher) throw new NotFoundError('教师', id);
      await em
        .createQueryBuilder()
        .insert()
        .into(TeacherInstitution)
        .values({ teacherId: id, institutionId })
        .orIgnore()
        .execute();
      await this.audit.record(em, actor, {
        action: 'teacher.joined',
        entityType: 'teacher',
        entityId: id,
        data: { institutionId },
      });
      return this.present(em, teacher);
    });
  }

  async leave(actor: Actor, id: string): Promise<void> {
    const institutionId = this.ownInstitution(actor);
    await this.ds.transaction(async (em) => {
      await this.linked(em, id, institutionId);
      await em.delete(TeacherInstitution, { teacherId: id, institutionId });
      await this.audit.record(em, actor, {
        action: 'teacher.left',
        entityType: 'teacher',
        entityId: id,
        data: { institutionId },
      });
    });
  }

  /** For project plans: which of these teachers teach for the institution. */
  async teachingFor(
    em: EntityManager,
    teacherIds: string[],
    institutionId: string,
  ): Promise<Set<string>> {
    if (!teacherIds.length) return new Set();
    const rows = await em.findBy(TeacherInstitution, { teacherId: In(teacherIds), institutionId });
    return new Set(rows.map((r) => r.teacherId));
  }

  private ownInstitution(actor: Actor): string {
    if (actor.role !== 'institution_staff' || !actor.orgId) {
      throw new DomainError(
        ErrorCode.FORBIDDEN_SCOPE,
        '只有培训机构账号可以维护师资 (institution accounts only)',
        403,
      );
    }
    return actor.orgId;
  }

  private async linked(em: EntityManager, id: string, institutionId: string): Promise<void> {
    if (!(await em.findOneBy(TeacherInstitution, { teacherId: id, institutionId })))
      throw new NotFoundError('本机构教师', id);
  }

  private async present(em: EntityManager, t: Teacher): Promise<TeacherDto> {
    const links = await em.findBy(TeacherInstitution, { teacherId: t.id });
    return this.toDto(
      t,
      links.map((l) => l.institutionId),
    );
  }

  private toDto(t: Teacher, institutionIds: string[]): TeacherDto {
    return {
      id: t.id,
      name: t.name,
      title: t.title,
      subjects: t.subjects,
      qualifications: t.qualifications,
      hasAccount: !!t.accountId,
      institutionIds,
    };
  }
}
