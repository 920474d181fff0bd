import type { EnrolmentRules, TrainingPolicy } from './policy.types';

/**
 * What applies where a policy version says nothing (the 2012 Measures set no figure for
 * these). A later version may set its own; these are policy data too, kept here and not
 * in the services.
 */
export const POLICY_DEFAULTS: { enrolment: EnrolmentRules } = {
  enrolment: {
    // Art. 7: "新从事社区工作的人员" — read as the first year of community work
    inductionWindowMonths: 12,
    offerHours: 48,
    // the usual 学时 of Chinese adult training
    classHourMinutes: 45,
  },
};

/** The enrolment rules of a policy version, with the defaults filled in. */
export function enrolmentRules(policy: TrainingPolicy): EnrolmentRules {
  return { ...POLICY_DEFAULTS.enrolment, ...(policy.enrolment ?? {}) };
}
