/**
 * The stored counts of a report version (`survey_report.data`, JSONB): anonymous — counts and
 * shares of groups with at least `minGroupSize` respondents, terms written by at least as many,
 * never an answer or a respondent.
 */

export const REPORT_SCHEMA = 1;

/** The groups a report breaks answers down by. */
export const DIMENSIONS = ['district', 'tier', 'channel', 'trainingType'] as const;
export type Dimension = (typeof DIMENSIONS)[number];

export interface OptionCount {
  key: string;
  label: string;
  /** Respondents who chose it (a ranking: in any place). */
  count: number;
  /** count / those of the group who answered the question (0..1, four decimals). */
  share: number;
}

/** An option's place in a question's ranking. */
export interface RankedOption extends OptionCount {
  rank: number;
  /** rank questions: Borda points (first place = places ranked, …, last = 1); else the count. */
  score: number;
  /** rank questions: how often it was put first. */
  firstChoices: number;
}

export interface GroupCounts {
  /** District id, tier, channel or training-type key. */
  group: string;
  label: string;
  respondents: number;
  /** Who of them answered this question. */
  answered: number;
  /** Fewer respondents than minGroupSize (or revealed by the others): no counts shown. */
  suppressed: boolean;
  options: { key: string; count: number; share: number }[] | null;
}

export interface TermCount {
  term: string;
  /** Respondents who used it. */
  count: number;
  /** count / those who answered the question. */
  share: number;
}

export interface QuestionReport {
  key: string;
  label: string;
  type: 'single' | 'multi' | 'rank' | 'text';
  answered: number;
  /** Choice questions, in questionnaire order (empty when everything is suppressed). */
  options: OptionCount[];
  /** Choice questions, most wanted first. */
  ranking: RankedOption[];
  breakdowns: Record<Dimension, GroupCounts[]>;
  /** Text questions: the most frequent terms (each written by at least minGroupSize respondents). */
  terms: TermCount[];
}

export interface RateRow {
  id: string;
  name: string;
  invited: number;
  submitted: number;
  drafts: number;
  /** submitted / invited (0..1, four decimals). */
  rate: number;
}

export interface ResponseRates {
  invited: number;
  submitted: number;
  drafts: number;
  rate: number;
  districts: (RateRow & { streets: RateRow[] })[];
}

export interface DemandRow {
  type: string;
  label: string;
  count: number;
  share: number;
  rank: number;
}

/** Demand per training type (the training_types question), city-wide and by district. */
export interface Demand {
  /** The question it comes from (null: the questionnaire has none). */
  question: string | null;
  types: DemandRow[];
  districts: {
    districtId: string;
    name: string;
    respondents: number;
    suppressed: boolean;
    types: DemandRow[];
  }[];
}

export interface SurveyReportData {
  schema: number;
  campaign: {
    id: string;
    title: string;
    year: number;
    opensAt: string;
    closesAt: string;
    population: string;
  };
  questionnaire: { id: string; title: string; version: number };
  kind: 'interim' | 'final';
  number: number;
  asOf: string;
  minGroupSize: number;
  respondents: number;
  /** Fewer respondents than minGroupSize in all: no counts at all. */
  suppressedAll: boolean;
  responseRates: ResponseRates;
  questions: QuestionReport[];
  demand: Demand;
}
