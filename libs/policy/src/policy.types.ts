/** Training types (DOMAIN.md, Art. 6–10). */
export const TRAINING_TYPES = ['induction', 'post', 'advanced', 'continuing', 'elective'] as const;
export type TrainingType = (typeof TRAINING_TYPES)[number];

export type FundingLevel = 'municipal' | 'district' | 'worker';

/** One grade of a region's annual assessment (年度考核评议), best first by rank. */
export interface AssessmentGrade {
  code: string;
  label: string;
  /** 1 is the best grade. */
  rank: number;
}

/** Minimum class hours (学时) of a training type, possibly by entry channel or tier. */
export interface HoursRule {
  /** Hours when nothing more specific applies; null: no minimum set by this policy. */
  default: number | null;
  byChannel?: Partial<Record<string, number>>;
  byTier?: Partial<Record<string, number>>;
}

/** Who a type is mandatory for. */
export type MandatoryFor =
  | 'new_workers' // induction: workers new to community work
  | 'serving_workers' // post: every serving worker
  | 'qualified_workers' // continuing: holders of a social-work qualification
  | 'nominated' // advanced: by nomination only
  | 'nobody'; // elective

export interface TrainingTypeRule {
  type: TrainingType;
  label: string;
  mandatoryFor: MandatoryFor;
  hours: HoursRule;
  /** Who organises and pays (Art. 23: workers pay only for elective courses). */
  fundedBy: FundingLevel;
}

/** A limit on the annual grade set by the year's training outcome (seed 001: Haidian, Shenyang). */
export interface GradeCapRule {
  /**
   * no_training: no training that year; no_exam: no training exam taken that year (applies
   * only where exam results are known); failed_exam: an exam failed; hours_below: fewer
   * class hours than `hours` in the year.
   */
  when: 'no_training' | 'no_exam' | 'failed_exam' | 'hours_below';
  /** For hours_below: the yearly minimum of class hours. */
  hours?: number;
  /** The best grade still allowed when the rule applies. */
  bestGrade: string;
  source: string;
}

/** A district's own rules on top of its municipality's (identified by its division code). */
export interface PolicyLayer {
  level: 'district';
  /** GB/T 2260 code of the district (110108 海淀区). */
  districtCode: string;
  name: string;
  gradeCaps: GradeCapRule[];
}

/** At most `maxPercent` % of a street's active workers may be given `grade` in a year. */
export interface GradeShareLimit {
  grade: string;
  maxPercent: number;
  per: 'street';
  source: string;
}

/** A worker given `afterGrade` owes training of `type` (the district must enrol them). */
export interface RemedialRule {
  afterGrade: string;
  type: TrainingType;
  label: string;
  source: string;
}

/**
 * A region's training policy for the years from `fromYear` until a later
 * version. Policy is data: the other libs ask it questions through the pure
 * functions of policy.rules.ts instead of hard-coding numbers.
 */
export interface TrainingPolicy {
  id: string;
  region: string;
  title: string;
  /** First policy year it applies to (inclusive). */
  fromYear: number;
  types: TrainingTypeRule[];
  advanced: {
    /** Places per year city-wide (Art. 9: 100). */
    quotaPerYear: number;
    /** Grades of the previous year's assessment that allow a nomination (Art. 9: excellent). */
    nominationGrades: string[];
  };
  assessmentGrades: AssessmentGrade[];
  /** The municipality's own grade caps (they apply to every district). */
  gradeCaps: GradeCapRule[];
  /**
   * Rules a district adds on top of its municipality's (seed 001 part 1: Haidian). Versioned
   * with the policy: a new district rule is a new version of the municipality's policy.
   */
  layers?: PolicyLayer[];
  /** Limits on the share of a grade among a unit's workers (Shenyang Art. 28). */
  shareLimits?: GradeShareLimit[];
  /** Training owed after a grade (Shenyang Art. 32: 告诫 → 专门培训). */
  remedial?: RemedialRule[];
  /** Enrolment settings; absent in older versions (then POLICY_DEFAULTS.enrolment applies). */
  enrolment?: Partial<EnrolmentRules>;
  /** Attendance settings; absent in older versions (then POLICY_DEFAULTS.attendance applies). */
  attendance?: Partial<AttendanceRules>;
  /** Exam settings (Art. 16); absent in older versions (then POLICY_DEFAULTS.exam applies). */
  exam?: Partial<ExamRules>;
  /** Two-way evaluation settings; absent in older versions (then POLICY_DEFAULTS.evaluation applies). */
  evaluation?: Partial<EvaluationRules>;
}

/**
 * The class exam (培训考核, Art. 16): held by the institution under the authority's
 * supervision once the hours are done; who passes receives the certificate.
 */
export interface ExamRules {
  /** Highest score of a scored exam. */
  maxScore: number;
  /** Lowest passing score of a scored exam (pass/fail exams record the verdict itself). */
  passScore: number;
  /** Retakes (补考) a trainee who failed may sit, after the first attempt. */
  maxRetakes: number;
}

/** Deadlines of the two-way evaluation (Art. 15); a class may set its own. */
export interface EvaluationRules {
  /** Trainees may evaluate a session and its teacher (课后评价) for this many days after it ends. */
  postClassDays: number;
  /** A teacher may assess the trainees of a session (课堂评价) for this many days after it ends. */
  classroomDays: number;
}

/**
 * How attendance turns into class hours (issue 10). A class may tighten the late and
 * early thresholds, never loosen them.
 */
export interface AttendanceRules {
  /** Arriving up to this many minutes late still earns the session's full hours. */
  lateThresholdMinutes: number;
  /** Leaving up to this many minutes early still earns the full hours. */
  earlyThresholdMinutes: number;
  /** Beyond a threshold: hours for the minutes attended (`pro_rata`), or none. */
  beyondThreshold: 'pro_rata' | 'none';
  /** Self check-in opens this many minutes before the session starts … */
  checkInOpensMinutesBefore: number;
  /** … and check-out closes this many minutes after it ends. */
  checkOutClosesMinutesAfter: number;
  /** Sessions at least this long ask trainees to check out too. */
  checkOutFromMinutes: number;
  /** Marks may be corrected (with a reason) for this many days after the session ends. */
  correctionWindowDays: number;
  /** A scan made offline is accepted if it reaches the server within this many minutes. */
  offlineSubmitWithinMinutes: number;
  /** The check-in QR code's token changes every this many seconds. */
  tokenPeriodSeconds: number;
}

/** How classes take trainees (issue 9). */
export interface EnrolmentRules {
  /**
   * A worker counts as "new to community work" (induction, Art. 7) for this many months
   * after starting it.
   */
  inductionWindowMonths: number;
  /** How long a worker offered a waitlist place has to accept it. */
  offerHours: number;
  /** Minutes of one class hour (学时), to turn a plan's class hours into a session's length. */
  classHourMinutes: number;
}
