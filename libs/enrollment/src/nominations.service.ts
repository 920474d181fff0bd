import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  AppConfig,
  AuditService,
  DomainError,
  ErrorCode,
  illegalTransition,
  localYear,
  NotFoundError,
  NotificationKind,
  NotificationsService,
} from '@peixun/core';
import { administers, OrgUnit, regionOfUnit, Worker, WorkerAssessment } from '@peixun/org';
import { mayNominate, PolicyStore, TrainingPolicy } from '@peixun/policy';
import { DataSource, EntityManager, In } from 'typeorm';
import {
  AcceptNominationDto,
  ListNominationsQuery,
  NominateDto,
  NominationDto,
  NominationListDto,
  RejectNominationDto,
} from './dto/enrollment.dto';
import { Nomination, NominationQuota } from './enrollment.entity';
import { EnrollmentService } from './enrollment.service';

const REASONS: Record<string, string> = {
  no_previous_grade: '该社区工作者上一年度没有考核等次，不能推荐 (no grade for the previous year)',
  grade_not_eligible:
    '上一年度考核等次不是优秀，不能推荐进修（第九条）(not rated excellent, Art. 9)',
  quota_full: '本年度全市进修名额已满 (the year’s city-wide quota is full)',
};

/**
 * Advanced-study nominations (进修培训, Art. 9): districts nominate workers rated excellent
 * in the previous year's assessment; the bureau accepts (enrolling the nominee in an advanced
 * class) or rejects with a reason. Acceptances are capped by the policy's city-wide quota
 * with one conditional counter update, so the 101st is refused even at the same instant.
 */
@Injectable()
export class NominationsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly policies: PolicyStore,
    private readonly enrollment: EnrollmentService,
    private readonly notifications: NotificationsService,
    private readonly config: AppConfig,
  ) {}

  async nominate(actor: Actor, dto: NominateDto): Promise<NominationDto> {
    return this.ds.transaction(async (em) => {
      const w = await em.findOne(Worker, {
        where: { id: dto.workerId },
        lock: { mode: 'for_no_key_update' },
      });
      if (
        !w ||
        actor.role !== 'district_admin' ||
        !administers(actor, { id: '', districtId: w.districtId, streetId: w.streetId })
      ) {
        throw new NotFoundError('社区工作者', dto.workerId);
      }
      if (w.status !== 'active')
        throw new DomainError('WORKER_NOT_ACTIVE', '该社区工作者不在职 (not serving)', 409);
      const { policy, municipalityId } = await this.policyOf(em, w.districtId, dto.year);
      const grade = await em.findOneBy(WorkerAssessment, { workerId: w.id, year: dto.year - 1 });
      const quota = await em.findOneBy(NominationQuota, { municipalityId, year: dto.year });
      const check = mayNominate(policy, grade?.grade ?? null, quota?.accepted ?? 0);
      if (!check.ok) {
        throw new DomainError(
          `NOMINATION_${check.reason!.toUpperCase()}`,
          REASONS[check.reason!],
          409,
          { workerId: w.id },
        );
      }
      if (
        await em.existsBy(Nomination, {
          workerId: w.id,
          year: dto.year,
          status: In(['pending', 'accepted']),
        })
      ) {
        throw new DomainError(
          'ALREADY_NOMINATED',
          '该社区工作者本年度已被推荐 (already nominated this year)',
          409,
        );
      }
      const n = await em.save(
        em.create(Nomination, {
          year: dto.year,
          workerId: w.id,
          districtId: w.districtId,
          municipalityId,
          grade: grade!.grade,
          status: 'pending',
          nominationReason: dto.reason?.trim() ?? null,
          nominatedBy: actor.accountId,
        }),
      );
      await this.audit.record(em, actor, {
        action: 'nomination.created',
        entityType: 'nomination',
        entityId: n.id,
        data: { workerId: w.id, year: dto.year },
      });
      return (await this.present(em, [n]))[0];
    });
  }

  async list(actor: Actor, q: ListNominationsQuery): Promise<NominationListDto> {
    const em = this.ds.manager;
    const qb = em
      .getRepository(Nomination)
      .createQueryBuilder('n')
      .orderBy('n.created_at', 'ASC')
      .limit(5000);
    if (actor.role === 'district_admin') qb.where('n.district_id = :d', { d: actor.districtId });
    else if (actor.role !== 'municipal_admin') return { items: [], accepted: 0, quota: 0 };
    const year = q.year ?? localYear(new Date(), this.config.timezone);
    qb.andWhere('n.year = :year', { year });
    if (q.status) qb.andWhere('n.status = :status', { status: q.status });
    const rows = await qb.getMany();
    const unit = actor.role === 'municipal_admin' ? actor.orgId : actor.districtId;
    const { policy, municipalityId } = await this.policyOf(em, unit, year);
    const quota = await em.findOneBy(NominationQuota, { municipalityId, year });
    return {
      items: await this.present(em, rows),
      accepted: quota?.accepted ?? 0,
      quota: policy.advanced.quotaPerYear,
    };
  }

  /** The bureau accepts: one place of the year's quota, and a place in the advanced class. */
  async accept(actor: Actor, id: string, dto: AcceptNominationDto): Promise<NominationDto> {
    return this.ds.transaction(async (em) => {
      const n = await this.decidable(em, actor, id);
      const { policy } = await this.policyOf(em, n.districtId, n.year);
      const [claimed] = await em.query<{ accepted: number }[]>(
        `with claim as (
           insert into nomination_quota (municipality_id, year, accepted) values ($1, $2, 1)
           on conflict (municipality_id, year) do update set accepted = nomination_quota.accepted + 1
             where nomination_quota.accepted < $3
           returning accepted)
         select accepted from claim`,
        [n.municipalityId, n.year, policy.advanced.quotaPerYear],
      );
      if (!claimed || claimed.accepted > policy.advanced.quotaPerYear) {
        throw new DomainError('NOMINATION_QUOTA_FULL', REASONS.quota_full, 409, {
          quota: policy.advanced.quotaPerYear,
        });
      }
      n.status = 'accepted';
      n.decidedBy = actor.accountId;
      n.decidedAt = new Date();
      n.classId = dto.classId;
      await em.save(n);
      await this.enrollment.enrolNominee(em, actor, dto.classId, n.workerId);
      await this.audit.record(em, actor, {
        action: 'nomination.accepted',
        entityType: 'nomination',
        entityId: n.id,
        data: { workerId: n.workerId, classId: dto.classId, acceptedThisYear: claimed.accepted },
      });
      return (await this.present(em, [n]))[0];
    });
  }

  async reject(actor: Actor, id: string, dto: RejectNominationDto): Promise<NominationDto> {
    return this.ds.transaction(async (em) => {
      const n = await this.decidable(em, actor, id);
      n.status = 'rejected';
      n.decisionReason = dto.reason.trim();
      n.decidedBy = actor.accountId;
      n.decidedAt = new Date();
      await em.save(n);
      await this.notifications.notify(em, {
        to: { workerId: n.workerId },
        kind: NotificationKind.NominationRefused,
        title: `${n.year} 年度进修推荐未获确认`,
        body: `您的 ${n.year} 年度进修培训推荐未获市民政局确认。原因：${n.decisionReason}`,
        data: { nominationId: n.id },
      });
      await this.audit.record(em, actor, {
        action: 'nomination.rejected',
        entityType: 'nomination',
        entityId: n.id,
        data: { workerId: n.workerId },
      });
      return (await this.present(em, [n]))[0];
    });
  }

  /** The district withdraws a nomination the bureau has not decided yet. */
  async withdraw(actor: Actor, id: string): Promise<NominationDto> {
    return this.ds.transaction(async (em) => {
      const n = await em.findOne(Nomination, {
        where: { id },
        lock: { mode: 'pessimistic_write' },
      });
      if (!n || actor.role !== 'district_admin' || n.districtId !== actor.districtId)
        throw new NotFoundError('推荐', id);
      if (n.status !== 'pending') throw illegalTransition('withdraw', n.status);
      n.status = 'withdrawn';
      await em.save(n);
      await this.audit.record(em, actor, {
        action: 'nomination.withdrawn',
        entityType: 'nomination',
        entityId: n.id,
      });
      return (await this.present(em, [n]))[0];
    });
  }

  private async decidable(em: EntityManager, actor: Actor, id: string): Promise<Nomination> {
    const n = await em.findOne(Nomination, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!n || actor.role !== 'municipal_admin') throw new NotFoundError('推荐', id);
    if (n.status !== 'pending') throw illegalTransition('decide', n.status);
    return n;
  }

  private async policyOf(
    em: EntityManager,
    unitId: string | null,
    year: number,
  ): Promise<{ policy: TrainingPolicy; municipalityId: string }> {
    const region = await regionOfUnit(em, unitId);
    const m = await em.findOneBy(OrgUnit, { code: region.municipality.code, kind: 'municipality' });
    if (!m) throw new DomainError(ErrorCode.NOT_FOUND, '市 不存在 (no municipality)', 404);
    return { policy: await this.policies.require(region.region, year, em), municipalityId: m.id };
  }

  private async present(em: EntityManager, rows: Nomination[]): Promise<NominationDto[]> {
    if (!rows.length) return [];
    const names = new Map(
      (
        await em.find(Worker, {
          select: { id: true, name: true },
          where: { id: In(rows.map((r) => r.workerId)) },
        })
      ).map((w) => [w.id, w.name]),
    );
    return rows.map((n) => ({
      id: n.id,
      year: n.year,
      workerId: n.workerId,
      workerName: names.get(n.workerId) ?? '',
      districtId: n.districtId,
      grade: n.grade,
      status: n.status,
      nominationReason: n.nominationReason,
      decisionReason: n.decisionReason,
      classId: n.classId,
      createdAt: n.createdAt,
      decidedAt: n.decidedAt,
    }));
  }
}
