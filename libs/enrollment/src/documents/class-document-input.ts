import { Injectable } from '@nestjs/common';
import { ClassesService, ClassSession, TrainingClass } from '@peixun/classes';
import {
  AppConfig,
  ClassDocumentInput,
  ClassDocumentSession,
  ClassDocumentTrainee,
  DomainError,
  localDate,
  localTime,
} from '@peixun/core';
import { LABELS, OrgUnit, regionOfUnit } from '@peixun/org';
import { InstitutionProfile, METHOD_LABELS, ProjectPlan, Teacher } from '@peixun/planning';
import { typeRule } from '@peixun/policy';
import { EntityManager, In } from 'typeorm';
import { ClassDocumentErrorCode } from './class-documents.errors';
import { ClassDocumentKind, documentInputHash } from './class-documents.rules';

const STREET_TYPE_LABEL = '街道业务培训';
const collator = new Intl.Collator('zh-Hans-CN');

/** The refusal when a class has nothing to put in its documents yet. */
export const noSessions = (): DomainError =>
  new DomainError(
    ClassDocumentErrorCode.CLASS_HAS_NO_SESSIONS,
    '班次还没有安排课次，不能生成培训文书 (the class has no scheduled sessions)',
    409,
  );

/**
 * Builds the input of a class's trainee documents from the database: the same in the API
 * (to hash what a request sees) and in the worker (to render what the class is when the
 * job runs). Each kind gets only what it shows — trainees only for the attendance sheet,
 * the notice's details only for the notice — so that, say, a new enrolment does not make
 * the notice "changed". Nothing here decrypts: ID numbers come masked from the roster.
 */
@Injectable()
export class ClassDocumentInputs {
  constructor(
    private readonly classes: ClassesService,
    private readonly config: AppConfig,
  ) {}

  async build(
    em: EntityManager,
    c: TrainingClass,
    kind: ClassDocumentKind,
  ): Promise<{ input: ClassDocumentInput; hash: string }> {
    const tz = this.config.timezone;
    const sessions = (await this.classes.scheduledSessions(em, [c.id])).get(c.id) ?? [];
    if (!sessions.length) throw noSessions();
    const teacherIds = [
      ...new Set(sessions.map((s) => s.teacherId).filter((t): t is string => !!t)),
    ];
    const teachers = new Map(
      (teacherIds.length
        ? await em.find(Teacher, {
            select: { id: true, name: true, title: true },
            where: { id: In(teacherIds) },
          })
        : []
      ).map((t) => [t.id, `${t.name}${t.title ? `（${t.title}）` : ''}`]),
    );
    const unitIds = [c.institutionId, c.streetId, c.districtId].filter((u): u is string => !!u);
    const units = new Map(
      (
        await em.find(OrgUnit, { select: { id: true, name: true }, where: { id: In(unitIds) } })
      ).map((u) => [u.id, u.name]),
    );
    const plan = c.projectPlanId
      ? await em.findOne(ProjectPlan, {
          select: { id: true, title: true, filingNumber: true },
          where: { id: c.projectPlanId },
        })
      : null;
    const profile = c.institutionId
      ? await em.findOne(InstitutionProfile, {
          select: { orgUnitId: true, address: true },
          where: { orgUnitId: c.institutionId },
        })
      : null;
    const region = await regionOfUnit(em, c.districtId ?? c.institutionId ?? c.municipalityId);
    const typeLabel =
      c.type === 'street'
        ? STREET_TYPE_LABEL
        : typeRule(await this.classes.policyOfClass(em, c), c.type).label;
    const runner = (c.origin === 'street' ? c.streetId : c.institutionId) ?? '';
    const shownSessions: ClassDocumentSession[] = sessions.map((s) => ({
      startsAt: s.startsAt,
      endsAt: s.endsAt,
      topic: s.topic,
      teacher: (s.teacherId && teachers.get(s.teacherId)) || s.speakerName || '',
      method: METHOD_LABELS[s.method] ?? s.method,
      halfHours: s.halfHours,
      room: s.room ?? '',
    }));
    const names = [...new Set(shownSessions.map((s) => s.teacher).filter(Boolean))];
    const targetGroup = [
      c.targetTiers.map((t) => LABELS.tier[t as keyof typeof LABELS.tier] ?? t).join('、'),
      c.targetChannels
        .map((ch) => LABELS.channel[ch as keyof typeof LABELS.channel] ?? ch)
        .join('、'),
    ]
      .filter(Boolean)
      .join('，');
    const input: ClassDocumentInput = {
      timeZone: tz,
      // a stored time, never "now": an unchanged class renders to the same bytes
      issuedAt: c.openedAt ?? c.createdAt,
      authority: region.planAuthority,
      ...(c.origin === 'plan' && c.districtId ? { districtName: units.get(c.districtId) } : {}),
      institution: {
        name: units.get(runner) ?? '',
        ...(profile?.address ? { address: profile.address } : {}),
      },
      class: {
        name: c.title,
        projectTitle: plan?.title ?? c.title,
        typeLabel,
        ...(targetGroup ? { targetGroup } : {}),
        totalHalfHours: sessions.reduce((a, s) => a + s.halfHours, 0),
        startDate: localDate(sessions[0].startsAt, tz),
        endDate: localDate(sessions[sessions.length - 1].startsAt, tz),
        place: c.location,
        capacity: c.capacity,
        filingNumber: plan?.filingNumber ?? null,
        teachers: names,
        feeFen: c.feeFen,
      },
      sessions: shownSessions,
      trainees: kind === 'attendance_sheet' ? await this.trainees(em, c.id) : [],
      ...(kind === 'notice' ? { notice: this.notice(c, sessions[0]) } : {}),
    };
    return { input, hash: documentInputHash(kind, input) };
  }

  /**
   * Trainees enrolled (a place offered from the waitlist is not on the sheet until it is
   * accepted), by street, community and name: the sheet is signed street by street.
   */
  private async trainees(em: EntityManager, classId: string): Promise<ClassDocumentTrainee[]> {
    const rows = await em.query<
      {
        id: string;
        name: string;
        masked: string;
        street: string | null;
        community: string | null;
      }[]
    >(
      `select w.id, w.name, w.id_number_masked as masked, s.name as street, cm.name as community
         from enrollment e
         join worker w on w.id = e.worker_id
         left join org_unit s on s.id = w.street_id
         left join org_unit cm on cm.id = w.community_id
        where e.class_id = $1 and e.status = 'enrolled'`,
      [classId],
    );
    rows.sort(
      (a, b) =>
        collator.compare(a.street ?? '', b.street ?? '') ||
        collator.compare(a.community ?? '', b.community ?? '') ||
        collator.compare(a.name, b.name) ||
        (a.id < b.id ? -1 : a.id > b.id ? 1 : 0),
    );
    return rows.map((r) => ({
      name: r.name,
      street: r.street ?? '',
      ...(r.community ? { community: r.community } : {}),
      idNumberMasked: r.masked,
    }));
  }

  private notice(c: TrainingClass, first: ClassSession): ClassDocumentInput['notice'] {
    const tz = this.config.timezone;
    // a quarter of an hour before the first session, to sign in
    const report = new Date(first.startsAt.getTime() - 15 * 60_000);
    const [, m, d] = localDate(report, tz).split('-').map(Number);
    return {
      // the class's page in the web app: absolute with PUBLIC_BASE_URL (what a phone needs), else a path
      pageUrl: `${this.config.http.publicBaseUrl ?? ''}/classes/${c.id}`,
      reportAt: `${m} 月 ${d} 日 ${localTime(report, tz)} 前到${first.room ?? c.location}签到报到。`,
    };
  }
}
