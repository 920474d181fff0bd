import { Injectable, OnModuleInit } from '@nestjs/common';
import { Account, AppConfig, FileStore, localDate, zonedDateTime } from '@peixun/core';
import {
  ClassesService,
  ClassProblem,
  ClassSession,
  ClassType,
  hoursProblems,
  overlapProblems,
  roomKey,
  sessionMinutes,
  settingsProblems,
  TrainingClass,
} from '@peixun/classes';
import {
  DemoSeedContext,
  DemoSeedService,
  OrgUnit,
  regionOfUnit,
  Worker,
  WorkerAssessment,
} from '@peixun/org';
import {
  AnnualPlan,
  filingNumber,
  InstitutionDocument,
  InstitutionProfile,
  InstitutionReview,
  Method,
  PlanProject,
  PlanSession,
  ProjectPlan,
  Teacher,
} from '@peixun/planning';
import {
  courseMinimumHours,
  enrolmentRules,
  mayNominate,
  payer,
  TrainingPolicy,
  TrainingType,
  workerMayBeCharged,
} from '@peixun/policy';
import { EntityManager, In } from 'typeorm';
import { Enrollment, Nomination } from '../enrollment.entity';
import { eligibility, HeldPlace } from '../enrollment.rules';
import { addDays, demoDays, DemoBooking, fillTimetable, mondayOf } from './demo-schedule';

const NOTE = '演示数据 (demo)';

/** A class of the demo that comes from a project plan of 东城区 run by the demo institution. */
interface PlanClassSpec {
  key: 'post' | 'induction' | 'continuing' | 'elective';
  type: TrainingType;
  projectTitle: string;
  title: string;
  /** Sessions: on this many consecutive days of the current week, one of them today. */
  days: number;
  startTime: string;
  halfHours: number;
  teacher: '王老师' | '张老师';
  topics: string[];
  methods: Method[];
  capacity: number;
  feeFen: number;
}

/**
 * The demo's plan classes. Their times never overlap for one worker (post in the morning,
 * continuing in the afternoon, the street class and the elective in the evening), so
 * worker.li can hold a place in each, and each teacher teaches one class at a time.
 */
const PLAN_CLASSES: PlanClassSpec[] = [
  {
    key: 'post',
    type: 'post',
    projectTitle: '社区工作者岗位培训',
    title: '东城区社区工作者岗位培训',
    days: 5,
    startTime: '08:00',
    halfHours: 16,
    teacher: '王老师',
    topics: [
      '社区治理与居民自治',
      '社区服务与民生保障政策',
      '矛盾纠纷排查与人民调解实务',
      '社区应急管理与安全生产',
      '社区工作者职业道德与廉洁自律',
    ],
    methods: ['lecture', 'case_teaching'],
    capacity: 60,
    feeFen: 0,
  },
  {
    key: 'induction',
    type: 'induction',
    projectTitle: '新任社区工作者初任培训',
    title: '东城区新任社区工作者初任培训',
    days: 3,
    startTime: '08:00',
    halfHours: 16,
    teacher: '张老师',
    topics: ['社区工作者的角色与职责', '社区组织体系与工作制度', '入户走访与群众工作方法'],
    methods: ['lecture', 'simulation'],
    capacity: 40,
    feeFen: 0,
  },
  {
    key: 'continuing',
    type: 'continuing',
    projectTitle: '社会工作者继续教育',
    title: '东城区社会工作者继续教育培训',
    days: 3,
    startTime: '14:30',
    halfHours: 8,
    teacher: '王老师',
    topics: ['社会工作伦理与专业反思', '个案管理与资源链接', '社区社会组织培育'],
    methods: ['case_teaching'],
    capacity: 40,
    feeFen: 0,
  },
  {
    key: 'elective',
    type: 'elective',
    projectTitle: '职称类培训：社会工作者职业水平考试辅导',
    title: '社会工作者职业水平考试辅导班（职称类）',
    days: 2,
    startTime: '19:45',
    halfHours: 6,
    teacher: '张老师',
    topics: ['社会工作综合能力（中级）', '社会工作实务（中级）'],
    methods: ['lecture'],
    capacity: 30,
    feeFen: 48_000,
  },
];

/** The classes the seed made, for the steps after it. */
interface DemoClasses {
  byKey: Map<string, TrainingClass>;
  /** The city plan's project of each plan class (two places in one project are refused). */
  projects: Map<string, string>;
  sessions: Map<string, ClassSession[]>;
  policy: TrainingPolicy;
  municipalityId: string;
  year: number;
}

/**
 * Adds classes and enrolment to the demo (libs/org's DemoSeedService), in the seed's
 * transaction and only when the seed runs (once): for the current week on the region's
 * clock, an open class of every training type with sessions (one of them today), so that
 * a new user can enrol, be refused with a reason, join a waitlist and see a timetable
 * right after `npm start`.
 *
 * - the demo institution is filed, with its two supporting documents (a district may
 *   commission only a filed institution);
 * - the year's city plan (published) with a project per training type;
 * - approved project plans of 东城区 run by the institution, and a class of each with the
 *   plan's sessions: post, induction, continuing, elective (with a fee);
 * - 东华门街道's own training (a street class of 4 places, already full);
 * - the bureau's advanced-study class at the institution (320 class hours);
 * - places held by other demo workers (worker.li holds one in the continuing class);
 * - two pending advanced-study nominations of workers rated excellent last year.
 *
 * Rows are written directly (the services open transactions of their own, which could
 * not see the seed's uncommitted rows), and checked with the same pure rules the
 * services apply: hours, overlapping sessions, window and fee, eligibility, nomination.
 */
@Injectable()
export class EnrollmentDemoSeed implements OnModuleInit {
  private made: DemoClasses | null = null;

  constructor(
    private readonly seeder: DemoSeedService,
    private readonly config: AppConfig,
    private readonly classes: ClassesService,
    private readonly files: FileStore,
  ) {}

  onModuleInit(): void {
    this.seeder.addStep({ name: 'classes', run: (em, ctx) => this.seedClasses(em, ctx) });
    this.seeder.addStep({ name: 'enrolments', run: (em, ctx) => this.seedEnrolments(em, ctx) });
    this.seeder.addStep({ name: 'nominations', run: (em, ctx) => this.seedNominations(em, ctx) });
  }

  // -- classes -----------------------------------------------------------------------------

  private async seedClasses(em: EntityManager, ctx: DemoSeedContext): Promise<number> {
    const tz = this.config.timezone;
    const now = new Date();
    const today = localDate(now, tz);
    const year = Number(today.slice(0, 4));
    const unit = (key: string): OrgUnit => {
      const u = ctx.units.get(key);
      if (!u) throw new Error(`demo unit ${key} is missing`);
      return u;
    };
    const account = (username: string): Promise<Account> =>
      em.findOneByOrFail(Account, { username });
    const bureau = await account('shi.admin');
    const district = await account('dongcheng.admin');
    const street = await account('donghuamen.admin');
    const staff = await account('jigou.staff');
    const inst = unit('inst');
    const municipalityId = unit('bj').id;
    const policy = await this.classes.policyOfClass(em, { municipalityId, year });
    const minutes = enrolmentRules(policy).classHourMinutes;
    const teachers = await em.find(Teacher, {
      where: { ownerInstitutionId: inst.id, name: In(['王老师', '张老师']) },
    });
    const teacher = (name: string): string => {
      const t = teachers.find((x) => x.name === name);
      // the planning lib's demo step (which runs first) adds them, consenting to be listed
      if (!t) throw new Error(`demo teacher ${name} is missing`);
      return t.id;
    };

    await this.fileInstitution(em, inst, year, staff, bureau);

    // the year's city plan, published, with a project per training type
    const region = (await regionOfUnit(em, municipalityId)).region;
    await em.query(
      `insert into annual_plan (region, year, title, status, created_by, published_at)
       values ($1, $2, $3, 'published', $4, now()) on conflict (region, year) do nothing`,
      [region, year, `${year} 年度社区工作者培训计划`, bureau.id],
    );
    const annual = await em.findOneByOrFail(AnnualPlan, { region, year });
    const project = async (
      type: TrainingType,
      title: string,
      plannedPlaces: number,
    ): Promise<PlanProject> =>
      em.save(
        em.create(PlanProject, {
          planId: annual.id,
          type,
          title,
          targetTiers: [],
          targetChannels: [],
          plannedPlaces,
          budgetFen: String(type === 'elective' ? 0 : plannedPlaces * 60_000),
          fundingLevel: payer(policy, type),
        }),
      );

    // the window: from the week's Monday to its end, and open for at least three more days
    const opensAt = new Date(
      Math.min(zonedDateTime(mondayOf(today), '00:00', tz).getTime(), now.getTime() - 3_600_000),
    );
    const closesAt = new Date(
      Math.max(
        zonedDateTime(addDays(mondayOf(today), 7), '00:00', tz).getTime(),
        now.getTime() + 3 * 86_400_000,
      ),
    );

    const byKey = new Map<string, TrainingClass>();
    const projects = new Map<string, string>();
    const sessions = new Map<string, ClassSession[]>();
    const booked: DemoBooking[] = [];
    const open = async (
      key: string,
      fields: Partial<TrainingClass>,
      planned: Omit<
        ClassSession,
        'id' | 'classId' | 'roomKey' | 'status' | 'createdAt' | 'updatedAt'
      >[],
    ): Promise<void> => {
      const c = em.create(TrainingClass, {
        projectPlanId: null,
        institutionId: null,
        streetId: null,
        municipalityId,
        year,
        targetTiers: [],
        targetChannels: [],
        taken: 0,
        enrolOpensAt: opensAt,
        enrolClosesAt: closesAt,
        feeFen: 0,
        status: 'open',
        openedAt: now,
        ...fields,
      });
      const rows = planned.map((s) =>
        em.create(ClassSession, {
          ...s,
          roomKey: roomKey(c.location, s.room),
          status: 'scheduled',
        }),
      );
      this.check(c.title, [
        ...settingsProblems({
          ...c,
          feeAllowed: c.type !== 'street' && workerMayBeCharged(policy, c.type),
        }),
        ...overlapProblems(rows),
        ...hoursProblems(rows, {
          planHalfHours: null,
          policyHours:
            c.type === 'street'
              ? null
              : courseMinimumHours(policy, c.type, {
                  entryChannels: c.targetChannels,
                  positionTiers: c.targetTiers,
                }),
        }),
      ]);
      const saved = await em.save(c);
      for (const r of rows) r.classId = saved.id;
      sessions.set(key, await em.save(rows));
      byKey.set(key, saved);
      for (const r of rows)
        if (r.teacherId)
          booked.push({ teacherId: r.teacherId, startsAt: r.startsAt, endsAt: r.endsAt });
    };

    // plan classes of 东城区, from approved plans, sessions as createFromPlan copies them
    const filed = await this.planFilingNumbers(em, year, PLAN_CLASSES.length);
    for (const [i, spec] of PLAN_CLASSES.entries()) {
      const p = await project(spec.type, spec.projectTitle, spec.type === 'post' ? 30_000 : 5_000);
      projects.set(spec.key, p.id);
      const teacherId = teacher(spec.teacher);
      const planSessions: PlanSession[] = demoDays(today, spec.days).map((date, k) => ({
        date,
        startTime: spec.startTime,
        halfHours: spec.halfHours,
        topic: spec.topics[k % spec.topics.length],
        teacherId,
      }));
      const plan = await em.save(
        em.create(ProjectPlan, {
          year,
          districtId: unit('dc').id,
          planProjectId: p.id,
          institutionId: inst.id,
          title: `${year}年${spec.title}`,
          places: spec.capacity,
          startDate: planSessions[0].date,
          endDate: planSessions[planSessions.length - 1].date,
          place: `${inst.name}（东城教学点）`,
          methods: spec.methods,
          teacherIds: [teacherId],
          materials: '《社区工作实务》《社区工作者培训读本》',
          sessions: planSessions,
          costItems: [
            spec.feeFen > 0
              ? {
                  item: '学费（学员自愿报名、自付）',
                  amountFen: spec.feeFen * spec.capacity,
                  payer: 'worker',
                }
              : { item: '师资及教材费', amountFen: spec.capacity * 60_000, payer: 'district' },
          ],
          status: 'approved',
          submittedAt: now,
          decidedAt: now,
          decidedBy: bureau.id,
          filingNumber: filed[i],
          createdBy: district.id,
        }),
      );
      await open(
        spec.key,
        {
          origin: 'plan',
          projectPlanId: plan.id,
          institutionId: inst.id,
          districtId: plan.districtId,
          type: spec.type,
          title: plan.title,
          targetTiers: p.targetTiers,
          targetChannels: p.targetChannels,
          capacity: spec.capacity,
          location: plan.place,
          feeFen: spec.feeFen,
          createdBy: staff.id,
        },
        planSessions.map((s) => {
          const startsAt = zonedDateTime(s.date, s.startTime, tz);
          return {
            startsAt,
            endsAt: new Date(startsAt.getTime() + sessionMinutes(s.halfHours, minutes) * 60_000),
            halfHours: s.halfHours,
            topic: s.topic,
            method: plan.methods[0],
            teacherId: s.teacherId,
            speakerName: null,
            room: null,
          };
        }),
      );
    }

    // 东华门街道's own business and policy training (Art. 19): small, and filled below
    const dhm = unit('dc-dhm');
    await open(
      'street',
      {
        origin: 'street',
        districtId: dhm.districtId,
        streetId: dhm.id,
        type: 'street' satisfies ClassType,
        title: `${dhm.name}${year}年社区工作业务与政策培训`,
        capacity: 4,
        location: `${dhm.name}办事处`,
        createdBy: street.id,
      },
      demoDays(today, 2).map((date, k) => ({
        startsAt: zonedDateTime(date, '18:00', tz),
        endsAt: zonedDateTime(date, '19:30', tz),
        halfHours: 4,
        topic: ['最低生活保障政策解读', '社区消防安全与隐患排查'][k],
        method: 'lecture',
        teacherId: null,
        speakerName: '刘主任（街道民生保障办）',
        room: '二层会议室',
      })),
    );

    // the bureau's advanced study (Art. 9) at the institution: 320 class hours from today,
    // a full day where a pool teacher is free in the morning, an afternoon otherwise
    await project('advanced', '社区工作者进修培训', policy.advanced.quotaPerYear);
    const advancedHalfHours = (courseMinimumHours(policy, 'advanced') ?? 40) * 2;
    const placed = fillTimetable({
      firstDay: today,
      halfHours: advancedHalfHours,
      slots: [
        { start: '08:00', end: '14:00', halfHours: 16 },
        { start: '14:30', end: '17:30', halfHours: 8 },
      ],
      teacherIds: [teacher('张老师'), teacher('王老师')],
      busy: booked,
      at: (date, time) => zonedDateTime(date, time, tz),
    });
    const advancedTopics = [
      '基层社会治理创新专题',
      '社区规划与参与式治理',
      '社会政策分析',
      '社区项目设计与评估',
      '社区工作案例研讨',
    ];
    await open(
      'advanced',
      {
        origin: 'municipal',
        institutionId: inst.id,
        type: 'advanced',
        title: `${year}年社区工作者进修班`,
        capacity: Math.min(40, policy.advanced.quotaPerYear),
        location: inst.name,
        createdBy: bureau.id,
      },
      placed.map((s, k) => ({
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        halfHours: s.slot.halfHours,
        topic: advancedTopics[k % advancedTopics.length],
        method: k % 5 === 4 ? 'case_teaching' : 'lecture',
        teacherId: s.teacherId,
        speakerName: null,
        room: '进修班教室（主楼 301）',
      })),
    );

    this.made = { byKey, projects, sessions, policy, municipalityId, year };
    return byKey.size;
  }

  /**
   * Files the demo institution (approved by the bureau, with the supporting documents an
   * application needs), unless it has a profile already. The documents' bytes go to the file
   * store before the rows that name them, as uploads do.
   */
  private async fileInstitution(
    em: EntityManager,
    inst: OrgUnit,
    year: number,
    staff: Account,
    bureau: Account,
  ): Promise<void> {
    if (await em.existsBy(InstitutionProfile, { orgUnitId: inst.id })) return;
    const prefix = (await regionOfUnit(em, inst.id)).filingPrefix;
    const [{ n }] = await em.query<{ n: number }[]>(
      `select count(*)::int as n from institution_profile where filing_number like $1`,
      [`${prefix}培备〔${year}〕%`],
    );
    let seq = n + 1;
    while (await em.existsBy(InstitutionProfile, { filingNumber: filingNumber(prefix, year, seq) }))
      seq++;
    const now = new Date();
    await em.insert(InstitutionProfile, {
      orgUnitId: inst.id,
      status: 'approved',
      legalName: inst.name,
      kind: 'vocational_college',
      address: '北京市东城区（演示地址）',
      contactName: '培训机构教务',
      annualCapacity: 3000,
      description: NOTE,
      filingNumber: filingNumber(prefix, year, seq),
      filedAt: now,
      submittedAt: now,
    });
    for (const [fileName, title] of [
      ['营业执照.pdf', 'Business licence (demo)'],
      ['办学许可证.pdf', 'Licence to run training (demo)'],
    ]) {
      const stored = await this.files.put(
        demoPdf(`${inst.code ?? ''} ${title}`),
        'institution-document',
        {
          fileName,
        },
      );
      await em.insert(InstitutionDocument, {
        institutionId: inst.id,
        fileName,
        mimeType: stored.mime,
        sizeBytes: stored.size,
        fileKey: stored.key,
        fileSha256: stored.sha256,
        uploadedBy: staff.id,
      });
    }
    await em.insert(InstitutionReview, [
      {
        institutionId: inst.id,
        action: 'submit',
        fromStatus: 'draft',
        toStatus: 'pending',
        reason: null,
        actorAccountId: staff.id,
      },
      {
        institutionId: inst.id,
        action: 'approve',
        fromStatus: 'pending',
        toStatus: 'approved',
        reason: NOTE,
        actorAccountId: bureau.id,
      },
    ]);
  }

  /** Filing numbers of approved project plans, numbered on from the year's (as approval does). */
  private async planFilingNumbers(
    em: EntityManager,
    year: number,
    count: number,
  ): Promise<string[]> {
    const [{ n }] = await em.query<{ n: number }[]>(
      `select count(*)::int as n from project_plan where year = $1 and filing_number is not null`,
      [year],
    );
    const out: string[] = [];
    for (let seq = n + 1; out.length < count; seq++) {
      const number = `培计备〔${year}〕${String(seq).padStart(4, '0')}号`;
      if (!(await em.existsBy(ProjectPlan, { filingNumber: number }))) out.push(number);
    }
    return out;
  }

  // -- enrolments ----------------------------------------------------------------------------

  /**
   * Places held by demo workers: the street class full (4 of 东华门's workers), some of
   * 东城区's workers in the post class (the institution sees a roster), worker.li and two
   * colleagues in the continuing class (worker.li's timetable is not empty). Other workers
   * are left for the district to enrol in bulk.
   */
  private async seedEnrolments(em: EntityManager, ctx: DemoSeedContext): Promise<number> {
    const made = this.requireClasses();
    const tz = this.config.timezone;
    const worker = async (community: string, tier: string): Promise<Worker> =>
      em.findOneByOrFail(Worker, {
        communityId: ctx.units.get(community)!.id,
        positionTier: tier as Worker['positionTier'],
      });
    const li = await em.findOneByOrFail(Account, { username: 'worker.li' });
    const district = await em.findOneByOrFail(Account, { username: 'dongcheng.admin' });
    const street = await em.findOneByOrFail(Account, { username: 'donghuamen.admin' });
    const d1Deputy = await worker('dc-dhm-1', 'deputy');
    const d1Staff = await worker('dc-dhm-1', 'staff');
    const d2Head = await worker('dc-dhm-2', 'head');
    const d2Staff = await worker('dc-dhm-2', 'staff');
    const j1Head = await worker('dc-js-1', 'head');
    const j1Deputy = await worker('dc-js-1', 'deputy');
    const me = await em.findOneByOrFail(Worker, { id: li.workerId! });
    const plan: [string, Worker[], Account][] = [
      ['street', [d1Deputy, d1Staff, d2Head, d2Staff], street],
      ['post', [d1Deputy, d1Staff, d2Head, d2Staff, j1Head, j1Deputy], district],
      ['continuing', [me, d2Head, j1Head], district],
    ];
    const held = new Map<string, HeldPlace[]>();
    const now = new Date();
    let count = 0;
    for (const [key, workers, by] of plan) {
      const c = made.byKey.get(key)!;
      const sessions = made.sessions.get(key)!;
      const planProjectId = made.projects.get(key) ?? null;
      for (const w of workers) {
        // the same rule the service applies to an administrator's enrolment
        const refusal = eligibility(
          w,
          { ...c, planProjectId, sessions },
          {
            now,
            today: localDate(now, tz),
            policy: made.policy,
            rules: enrolmentRules(made.policy),
            inThisClass: false,
            held: held.get(w.id) ?? [],
            inductionDone: false,
            nominationAccepted: false,
            via: 'admin',
            confirmedFeeFen: c.feeFen,
          },
        );
        if (refusal) throw new Error(`demo enrolment of ${w.name} in ${c.title}: ${refusal.code}`);
        // one by one: each takes the next queue position
        await em.insert(Enrollment, {
          classId: c.id,
          workerId: w.id,
          status: 'enrolled',
          source: 'bulk',
          enrolledAt: now,
          feeFen: c.feeFen,
          createdBy: by.id,
        });
        held.set(w.id, [
          ...(held.get(w.id) ?? []),
          { classId: c.id, title: c.title, planProjectId, sessions },
        ]);
        count++;
      }
      await em.update(TrainingClass, { id: c.id }, { taken: workers.length });
    }
    return count;
  }

  // -- nominations ----------------------------------------------------------------------------

  /**
   * Each district nominates one worker rated excellent last year (not worker.li, nobody
   * with a place in the demo's classes): the bureau finds them pending, to accept into the
   * advanced class or reject.
   */
  private async seedNominations(em: EntityManager, ctx: DemoSeedContext): Promise<number> {
    const made = this.requireClasses();
    const communities = [...ctx.units.values()].filter((u) => u.kind === 'community');
    const busy = new Set(
      (await em.find(Enrollment, { select: { workerId: true } })).map((e) => e.workerId),
    );
    const excellent = await em
      .getRepository(Worker)
      .createQueryBuilder('w')
      .innerJoin(WorkerAssessment, 'a', 'a.worker_id = w.id')
      .where('a.year = :year and a.grade = :grade', { year: made.year - 1, grade: 'excellent' })
      .andWhere('w.community_id in (:...communities)', {
        communities: communities.map((c) => c.id),
      })
      .getMany();
    const order = new Map(communities.map((c, i) => [c.id, i]));
    excellent.sort((a, b) => order.get(a.communityId)! - order.get(b.communityId)!);
    let count = 0;
    for (const [districtKey, username] of [
      ['dc', 'dongcheng.admin'],
      ['hd', 'haidian.admin'],
    ]) {
      const by = await em.findOneByOrFail(Account, { username });
      const w = excellent.find(
        (x) => x.districtId === ctx.units.get(districtKey)!.id && !busy.has(x.id),
      );
      if (!w) continue;
      const check = mayNominate(made.policy, 'excellent', 0);
      if (!check.ok) continue; // a policy without advanced study (no quota): no nominations
      await em.insert(Nomination, {
        year: made.year,
        workerId: w.id,
        districtId: w.districtId,
        municipalityId: made.municipalityId,
        grade: 'excellent',
        status: 'pending',
        nominationReason: `上一年度考核优秀，推荐参加${made.year}年进修培训（${NOTE}）`,
        nominatedBy: by.id,
      });
      count++;
    }
    this.made = null;
    return count;
  }

  private requireClasses(): DemoClasses {
    if (!this.made) throw new Error('the demo classes step has not run');
    return this.made;
  }

  private check(what: string, problems: ClassProblem[]): void {
    if (problems.length) {
      throw new Error(`demo class ${what}: ${problems.map((p) => p.code).join(', ')}`);
    }
  }
}

/** A one-page PDF with a line of (ASCII) text: a stand-in for a scanned certificate. */
export function demoPdf(text: string): Buffer {
  const safe = text.replace(/[^\x20-\x7e]/g, '?').replace(/[()\\]/g, '\\$&');
  const content = `BT /F1 18 Tf 72 720 Td (${safe}) Tj ET`;
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(pdf.length);
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = pdf.length;
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const o of offsets) pdf += `${String(o).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}
