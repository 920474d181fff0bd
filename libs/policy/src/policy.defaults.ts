import type {
  AttendanceRules,
  EnrolmentRules,
  EvaluationRules,
  ExamRules,
  TrainingPolicy,
} from './policy.types';

/**
 * What applies where a policy version says nothing (the 2012 Measures set no figure for
 * these). A later version may set its own; these are policy data too, kept here and not
 * in the services.
 */
export const POLICY_DEFAULTS: {
  enrolment: EnrolmentRules;
  attendance: AttendanceRules;
  exam: ExamRules;
  evaluation: EvaluationRules;
} = {
  enrolment: {
    // Art. 7: "新从事社区工作的人员" — read as the first year of community work
    inductionWindowMonths: 12,
    offerHours: 48,
    // the usual 学时 of Chinese adult training
    classHourMinutes: 45,
  },
  attendance: {
    // the Measures ask that workers "按时参加…并保证学习时间" (Art. 22) and set no minutes
    lateThresholdMinutes: 15,
    earlyThresholdMinutes: 15,
    beyondThreshold: 'pro_rata',
    checkInOpensMinutesBefore: 30,
    checkOutClosesMinutesAfter: 30,
    checkOutFromMinutes: 180,
    correctionWindowDays: 7,
    offlineSubmitWithinMinutes: 24 * 60,
    tokenPeriodSeconds: 30,
  },
  exam: {
    // the Measures say "组织培训考核，合格者…颁发证书" (Art. 16) and set no figures: the usual
    // hundred-point scale with 60 to pass, and one retake
    maxScore: 100,
    passScore: 60,
    maxRetakes: 1,
  },
  evaluation: {
    // Art. 15 sets no deadline: a week after the session, as for attendance corrections
    postClassDays: 7,
    classroomDays: 7,
  },
};

/** The enrolment rules of a policy version, with the defaults filled in. */
export function enrolmentRules(policy: TrainingPolicy): EnrolmentRules {
  return { ...POLICY_DEFAULTS.enrolment, ...(policy.enrolment ?? {}) };
}

/** The attendance rules of a policy version, with the defaults filled in. */
export function attendanceRules(policy: TrainingPolicy): AttendanceRules {
  return { ...POLICY_DEFAULTS.attendance, ...(policy.attendance ?? {}) };
}

/** The exam rules of a policy version, with the defaults filled in. */
export function examRules(policy: TrainingPolicy): ExamRules {
  return { ...POLICY_DEFAULTS.exam, ...(policy.exam ?? {}) };
}

/** The evaluation rules of a policy version, with the defaults filled in. */
export function evaluationRules(policy: TrainingPolicy): EvaluationRules {
  return { ...POLICY_DEFAULTS.evaluation, ...(policy.evaluation ?? {}) };
}
