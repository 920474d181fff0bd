/** One grade of a region's annual assessment (年度考核评议), best first by rank. */
export interface AssessmentGrade {
  code: string;
  label: string;
  /** 1 is the best grade. */
  rank: number;
}

/**
 * A region's training policy for a range of years. Policy is data: the other
 * libs ask it questions through pure functions instead of hard-coding numbers.
 * (The planning issue adds hours, quotas and grade caps to this shape.)
 */
export interface TrainingPolicy {
  id: string;
  region: string;
  title: string;
  /** First policy year it applies to (inclusive). */
  fromYear: number;
  assessmentGrades: AssessmentGrade[];
}
