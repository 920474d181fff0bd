import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Account,
  Actor,
  AppConfig,
  AuditService,
  ConflictError,
  DomainError,
  ErrorCode,
  localDate,
  maskPhone,
  NotFoundError,
  PiiCipher,
} from '@peixun/core';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import {
  CreateTeacherDto,
  GiveConsentDto,
  ListTeachersQuery,
  RecordPaperConsentDto,
  RecordWithdrawalDto,
  TeacherConsentDto,
  TeacherConsentStateDto,
  TeacherDto,
  UpdateTeacherDto,
  WithdrawOwnConsentDto,
} from './teacher.dto';
import { ConsentMethod, TeacherConsent } from './teacher-consent.entity';
import { Teacher, TeacherInstitution } from './teacher.entity';
import { mayJoin, maySeeConsent, maySeeTeacher, TeacherFacts } from './teachers.rules';

/** SQL: whether teacher `t` has a current consent to be listed. */
const CONSENTING_SQL =
  'exists (select 1 from teacher_consent c where c.teacher_id = t.id and c.withdrawn_at is null)';

/**
 * The shared teacher pool: institutions add and link teachers; everyone planning
 * can browse the teachers who consent to be listed (teachers.rules.ts).
 */
@Injectable()
export class TeachersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly cipher: PiiCipher,
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
          phoneEnc: dto.phone ? this.cipher.seal('teacher.phone', dto.phone.trim()) : null,
          phoneMasked: dto.phone ? maskPhone(dto.phone) : null,
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

  /**
   * The pool search: teachers who consent to be listed, plus those the caller
   * already deals with (an institution's own and linked teachers, a teacher's
   * own record; the municipal bureau sees the whole pool).
   */
  async list(actor: Actor, q: ListTeachersQuery): Promise<TeacherDto[]> {
    const qb = this.ds.getRepository(Teacher).createQueryBuilder('t').orderBy('t.name').limit(500);
    if (actor.role === 'institution_staff') {
      qb.andWhere(
        `(${CONSENTING_SQL} or exists (select 1 from teacher_institution mine where mine.teacher_id = t.id and mine.institution_id = :me))`,
        { me: actor.orgId },
      );
    } else if (actor.role === 'teacher') {
      qb.andWhere(`(${CONSENTING_SQL} or t.account_id = :me)`, { me: actor.accountId });
    } else if (actor.role !== 'municipal_admin') {
      qb.andWhere(CONSENTING_SQL);
    }
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
    const ids = teachers.map((t) => t.id);
    const links = ids.length
      ? await this.ds.getRepository(TeacherInstitution).findBy({ teacherId: In(ids) })
      : [];
    const consenting = await this.consentingAmong(this.ds.manager, ids);
    return teachers.map((t) =>
      this.toDto(
        t,
        links.filter((l) => l.teacherId === t.id).map((l) => l.institutionId),
        consenting.has(t.id),
      ),
    );
  }

  /** One teacher, for those who may see it (a teacher who withdrew stays readable where already named). */
  async get(actor: Actor, id: string): Promise<TeacherDto> {
    const t = await this.ds.getRepository(Teacher).findOneBy({ id });
    if (!t) throw new NotFoundError('教师', id);
    const facts = await this.facts(this.ds.manager, t, actor);
    if (!maySeeTeacher(actor, facts)) throw new NotFoundError('教师', id);
    return this.toDto(t, [...facts.institutionIds], facts.consenting);
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
      const teacher = await em.findOne(Teacher, {
        where: { id },
        lock: { mode: 'pessimistic_read' },
      });
      if (!teacher) throw new NotFoundError('教师', id);
      if (!mayJoin(institutionId, await this.facts(em, teacher))) throw notConsenting([id]);
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

  /** Of these teachers, those with a current consent to be listed (for project plans, and the pool). */
  async consentingAmong(em: EntityManager, teacherIds: string[]): Promise<Set<string>> {
    if (!teacherIds.length) return new Set();
    const rows = await em.find(TeacherConsent, {
      select: { teacherId: true },
      where: { teacherId: In(teacherIds), withdrawnAt: IsNull() },
    });
    return new Set(rows.map((r) => r.teacherId));
  }

  // -- consent to be listed ------------------------------------------------------

  /** The consent record of a teacher: for the teacher, the owning institution and the municipal bureau. */
  async consentState(actor: Actor, id: string): Promise<TeacherConsentStateDto> {
    const t = await this.ds.getRepository(Teacher).findOneBy({ id });
    if (!t) throw new NotFoundError('教师', id);
    const facts = await this.facts(this.ds.manager, t, actor);
    if (!maySeeTeacher(actor, facts)) throw new NotFoundError('教师', id);
    if (!maySeeConsent(actor, facts)) {
      throw new DomainError(
        ErrorCode.FORBIDDEN_SCOPE,
        '同意记录仅教师本人、所属机构和市民政局可见 (the teacher, the owning institution and the municipal bureau only)',
        403,
      );
    }
    return this.consentDto(this.ds.manager, id);
  }

  async myConsentState(actor: Actor): Promise<TeacherConsentStateDto> {
    return this.consentDto(this.ds.manager, (await this.ownRecord(this.ds.manager, actor)).id);
  }

  /** The teacher consents through their own account. */
  async giveOwnConsent(actor: Actor, dto: GiveConsentDto): Promise<TeacherConsentStateDto> {
    return this.ds.transaction(async (em) => {
      const t = await this.ownRecord(em, actor, true);
      return this.give(em, actor, t.id, {
        method: 'account',
        signedOn: null,
        reference: null,
        note: dto.note ?? null,
      });
    });
  }

  /** The owning institution records a consent the teacher signed on paper. */
  async recordPaperConsent(
    actor: Actor,
    id: string,
    dto: RecordPaperConsentDto,
  ): Promise<TeacherConsentStateDto> {
    const institutionId = this.ownInstitution(actor);
    if (dto.signedOn > localDate(new Date(), this.config.timezone)) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        'signedOn: 签署日期不能晚于今天 (cannot be in the future)',
        400,
        [{ field: 'signedOn', problems: ['in the future'] }],
      );
    }
    return this.ds.transaction(async (em) => {
      await this.lockOwned(em, id, institutionId);
      return this.give(em, actor, id, {
        method: 'paper',
        signedOn: dto.signedOn,
        reference: dto.reference.trim(),
        note: dto.note ?? null,
      });
    });
  }

  /** The teacher withdraws through their own account; a reason is theirs to give or not. */
  async withdrawOwnConsent(
    actor: Actor,
    dto: WithdrawOwnConsentDto,
  ): Promise<TeacherConsentStateDto> {
    return this.ds.transaction(async (em) => {
      const t = await this.ownRecord(em, actor, true);
      return this.withdraw(em, actor, t.id, 'account', dto.reason ?? null);
    });
  }

  /** The owning institution records a withdrawal the teacher made to it (letter, call): reason required. */
  async recordWithdrawal(
    actor: Actor,
    id: string,
    dto: RecordWithdrawalDto,
  ): Promise<TeacherConsentStateDto> {
    const institutionId = this.ownInstitution(actor);
    return this.ds.transaction(async (em) => {
      await this.lockOwned(em, id, institutionId);
      return this.withdraw(em, actor, id, 'paper', dto.reason);
    });
  }

  private async give(
    em: EntityManager,
    actor: Actor,
    teacherId: string,
    c: {
      method: ConsentMethod;
      signedOn: string | null;
      reference: string | null;
      note: string | null;
    },
  ): Promise<TeacherConsentStateDto> {
    if (await em.findOneBy(TeacherConsent, { teacherId, withdrawnAt: IsNull() })) {
      throw new ConflictError('已有有效的同意记录 (a consent is already current)');
    }
    const consent = await em.save(
      em.create(TeacherConsent, {
        teacherId,
        ...c,
        givenAt: new Date(),
        recordedBy: actor.accountId,
      }),
    );
    await this.audit.record(em, actor, {
      action: 'teacher.consent_given',
      entityType: 'teacher',
      entityId: teacherId,
      data: {
        consentId: consent.id,
        method: c.method,
        signedOn: c.signedOn,
        reference: c.reference,
      },
    });
    return this.consentDto(em, teacherId);
  }

  private async withdraw(
    em: EntityManager,
    actor: Actor,
    teacherId: string,
    method: ConsentMethod,
    reason: string | null,
  ): Promise<TeacherConsentStateDto> {
    const current = await em.findOneBy(TeacherConsent, { teacherId, withdrawnAt: IsNull() });
    if (!current) throw new ConflictError('没有有效的同意可撤回 (no current consent to withdraw)');
    await em.update(
      TeacherConsent,
      { id: current.id },
      {
        withdrawnAt: new Date(),
        withdrawnBy: actor.accountId,
        withdrawalMethod: method,
        withdrawalReason: reason,
      },
    );
    // the reason is free text (possibly personal): it stays in the consent record, not in the audit log
    await this.audit.record(em, actor, {
      action: 'teacher.consent_withdrawn',
      entityType: 'teacher',
      entityId: teacherId,
      data: { consentId: current.id, method },
    });
    return this.consentDto(em, teacherId);
  }

  private async consentDto(em: EntityManager, teacherId: string): Promise<TeacherConsentStateDto> {
    const rows = await em.find(TeacherConsent, {
      where: { teacherId },
      order: { givenAt: 'DESC' },
    });
    const history = rows.map((r): TeacherConsentDto => ({
      id: r.id,
      method: r.method,
      givenAt: r.givenAt,
      signedOn: r.signedOn,
      reference: r.reference,
      note: r.note,
      recordedBy: r.recordedBy,
      withdrawnAt: r.withdrawnAt,
      withdrawnBy: r.withdrawnBy,
      withdrawalMethod: r.withdrawalMethod,
      withdrawalReason: r.withdrawalReason,
    }));
    const current = history.find((h) => !h.withdrawnAt) ?? null;
    return { teacherId, consenting: !!current, current, history };
  }

  /** The pool record linked to a teacher account. */
  private async ownRecord(em: EntityManager, actor: Actor, lock = false): Promise<Teacher> {
    const t =
      actor.role === 'teacher'
        ? await em.findOne(Teacher, {
            where: { accountId: actor.accountId },
            ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
          })
        : null;
    if (!t) throw new NotFoundError('本账号关联的师资记录 (your teacher record)');
    return t;
  }

  private async lockOwned(em: EntityManager, id: string, institutionId: string): Promise<Teacher> {
    const t = await em.findOne(Teacher, {
      where: { id, ownerInstitutionId: institutionId },
      lock: { mode: 'pessimistic_write' },
    });
    if (!t) throw new NotFoundError('本机构添加的教师', id);
    return t;
  }

  /** What the visibility rules need to know about a teacher (and, for a district, its plans). */
  private async facts(em: EntityManager, t: Teacher, viewer?: Actor): Promise<TeacherFacts> {
    const links = await em.findBy(TeacherInstitution, { teacherId: t.id });
    const consenting = (await this.consentingAmong(em, [t.id])).has(t.id);
    let namedInOwnDistrictPlan = false;
    if (!consenting && viewer?.role === 'district_admin' && viewer.districtId) {
      const [row] = await em.query<{ named: boolean }[]>(
        `select exists (select 1 from project_plan where district_id = $1 and teacher_ids ? $2) as named`,
        [viewer.districtId, t.id],
      );
      namedInOwnDistrictPlan = row.named;
    }
    return {
      consenting,
      ownerInstitutionId: t.ownerInstitutionId,
      accountId: t.accountId,
      institutionIds: links.map((l) => l.institutionId),
      namedInOwnDistrictPlan,
    };
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
    const facts = await this.facts(em, t);
    return this.toDto(t, [...facts.institutionIds], facts.consenting);
  }

  private toDto(t: Teacher, institutionIds: string[], consenting: boolean): TeacherDto {
    return {
      id: t.id,
      name: t.name,
      title: t.title,
      subjects: t.subjects,
      qualifications: t.qualifications,
      hasAccount: !!t.accountId,
      institutionIds,
      consenting,
    };
  }
}

/** 409 TEACHER_NOT_CONSENTING: the teachers cannot be newly selected. */
export function notConsenting(teacherIds: string[]): DomainError {
  return new DomainError(
    ErrorCode.TEACHER_NOT_CONSENTING,
    '该教师未同意列入师资库或已撤回同意，不能新选用 (the teacher does not consent to be listed)',
    409,
    { teacherIds },
  );
}
