import { localDate, localTime } from '@peixun/core';
import {
  AnnualPlan,
  InstitutionProfile,
  PlanProject,
  PlanSession,
  ProjectPlan,
  Teacher,
  TeacherConsent,
  TeacherInstitution,
} from '@peixun/planning';
import { TrainingType } from '@peixun/policy';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { OrgUnit } from '@peixun/org';
import type { TestOrg } from './org.factory';
import { aWorker, TestWorker } from './worker.factory';

const TZ = 'Asia/Shanghai';

/** YYYY-MM-DD, `days` from today on the region's clock. */
export const dayFromNow = (days: number): string =>
  localDate(new Date(Date.now() + days * 86_400_000), TZ);

/** Files the test tree's institution (approved, commissionable). */
export async function aFiledInstitution(ds: DataSource, institutionId: string): Promise<void> {
  await ds.getRepository(InstitutionProfile).save({
    orgUnitId: institutionId,
    status: 'approved',
    filingNumber: `京培备〔2026〕T${randomBytes(3).toString('hex')}号`,
  });
}

/** A pool teacher of the institution who consents to be listed. */
export async function aConsentingTeacher(
  ds: DataSource,
  institutionId: string,
  name = '王老师',
): Promise<Teacher> {
  const t = await ds
    .getRepository(Teacher)
    .save({ name, subjects: ['社区治理'], ownerInstitutionId: institutionId });
  await ds.getRepository(TeacherInstitution).save({ teacherId: t.id, institutionId });
  await ds.getRepository(TeacherConsent).save({
    teacherId: t.id,
    method: 'paper',
    givenAt: new Date(),
    signedOn: dayFromNow(-30),
    reference: `同意书-${t.id.slice(0, 8)}`,
    recordedBy: '00000000-0000-4000-8000-000000000000',
  });
  return t;
}

export interface PlanSpec {
  type?: TrainingType;
  year?: number;
  targetTiers?: string[];
  targetChannels?: string[];
  places?: number;
  teacherIds: string[];
  /** Sessions of the timetable; default: 5 days of 8 class hours (40) from 10 days on. */
  sessions?: PlanSession[];
  title?: string;
  /** Another plan of an existing project of the city plan (two classes of one project). */
  planProjectId?: string;
}

/**
 * An approved, filed project plan of district A run by the institution — written directly
 * (the approval workflow has its own tests), under the year's city plan of the region
 * (one per region and year: shared by the test files of a run).
 */
export async function anApprovedPlan(
  ds: DataSource,
  org: TestOrg,
  spec: PlanSpec,
): Promise<ProjectPlan> {
  const year = spec.year ?? Number(dayFromNow(0).slice(0, 4));
  await ds.query(
    `insert into annual_plan (region, year, title, status, created_by, published_at)
     values ('beijing', $1, $2, 'published', $3, now()) on conflict (region, year) do nothing`,
    [year, `${year} 年度社区工作者培训计划`, '00000000-0000-4000-8000-000000000000'],
  );
  const annual = await ds.getRepository(AnnualPlan).findOneByOrFail({ region: 'beijing', year });
  const type = spec.type ?? 'post';
  const project = spec.planProjectId
    ? await ds.getRepository(PlanProject).findOneByOrFail({ id: spec.planProjectId })
    : await ds.getRepository(PlanProject).save({
        planId: annual.id,
        type,
        title: `${type} 项目 ${randomBytes(2).toString('hex')}`,
        targetTiers: spec.targetTiers ?? [],
        targetChannels: spec.targetChannels ?? [],
        plannedPlaces: 100_000,
        budgetFen: '0',
        fundingLevel:
          type === 'advanced' ? 'municipal' : type === 'elective' ? 'worker' : 'district',
      });
  const t = spec.teacherIds[0] ?? null;
  const sessions =
    spec.sessions ??
    Array.from({ length: 5 }, (_, i) => ({
      date: dayFromNow(10 + i),
      startTime: '09:00',
      halfHours: 16,
      topic: `专题 ${i + 1}：社区治理与服务`,
      teacherId: t,
    }));
  const dates = sessions.map((s) => s.date).sort();
  return ds.getRepository(ProjectPlan).save({
    year,
    districtId: org.districtA.id,
    planProjectId: project.id,
    institutionId: org.institution.id,
    title: spec.title ?? `东城区${type}培训 ${randomBytes(2).toString('hex')}`,
    places: spec.places ?? 2000,
    startDate: dates[0],
    endDate: dates[dates.length - 1],
    place: '东城区社区学院',
    methods: ['lecture'],
    teacherIds: spec.teacherIds,
    materials: '《社区工作实务》',
    sessions,
    costItems: [],
    status: 'approved',
    submittedAt: new Date(),
    decidedAt: new Date(),
    filingNumber: `培计备〔${year}〕T${randomBytes(4).toString('hex')}号`,
    createdBy: '00000000-0000-4000-8000-000000000000',
  });
}

/**
 * A worker holding a place in the class, written directly (enrolment has its own tests):
 * the entry is `enrolled` and the class's counter raised.
 */
export async function anEnrolledWorker(
  ds: DataSource,
  classId: string,
  community: OrgUnit,
): Promise<{ worker: TestWorker; enrollmentId: string }> {
  const worker = await aWorker().inCommunity(community).create(ds);
  const [row] = await ds.query<{ id: string }[]>(
    `insert into enrollment (class_id, worker_id, status, source, enrolled_at) values ($1, $2, 'enrolled', 'bulk', now()) returning id`,
    [classId, worker.id],
  );
  await ds.query(`update training_class set taken = taken + 1 where id = $1`, [classId]);
  return { worker, enrollmentId: row.id };
}

/** Local date and HH:MM on the region's clock, `minutes` from now. */
export function clockFromNow(minutes: number): { date: string; time: string } {
  const at = new Date(Date.now() + minutes * 60_000);
  return { date: localDate(at, TZ), time: localTime(at, TZ) };
}
