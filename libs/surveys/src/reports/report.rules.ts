import { ENTRY_CHANNELS, LABELS, POSITION_TIERS } from '@peixun/org';
import { answeredCode, optionCode, RESPONDENT_CODE } from '../answers/answers.rules';
import { isChoice, Question, trainingTypesQuestion } from '../questionnaires/questionnaire.rules';
import {
  Demand,
  DemandRow,
  Dimension,
  DIMENSIONS,
  GroupCounts,
  OptionCount,
  QuestionReport,
  RankedOption,
  REPORT_SCHEMA,
  ResponseRates,
  SurveyReportData,
  TermCount,
} from './report.types';

/**
 * Pure rules that turn the SQL counts of a campaign into its report: shares, rankings, the
 * anonymity rule (small groups are not shown, nor groups whose counts the others would give
 * away), the digest of terms, response rates and the demand per training type.
 */

/** A count from the aggregation: `dim` `all` has no group; trainingType groups are option indexes. */
export interface CodeRow {
  dim: 'all' | Dimension;
  group: string | null;
  code: number;
  n: number;
}

export interface RateInput {
  level: 'all' | 'district' | 'street';
  districtId: string | null;
  streetId: string | null;
  invited: number;
  submitted: number;
  drafts: number;
}

export interface TermRow {
  /** Question index + 1, as encoded. */
  question: number;
  term: string;
  n: number;
}

export interface ReportInput {
  questions: readonly Question[];
  codes: readonly CodeRow[];
  rates: readonly RateInput[];
  terms: readonly TermRow[];
  /** Names of the districts and streets in the counts. */
  names: ReadonlyMap<string, string>;
  minGroupSize: number;
  meta: Pick<SurveyReportData, 'campaign' | 'questionnaire' | 'kind' | 'number' | 'asOf'>;
}

export const TERMS_PER_QUESTION = 30;

export const ratio = (part: number, whole: number): number =>
  whole > 0 ? Math.round((part / whole) * 10000) / 10000 : 0;

/**
 * The groups of one breakdown not to show: those with fewer than `k` respondents, and — while
 * the hidden ones together have fewer than `k` (the total minus the shown groups would give
 * them away) — the smallest of the others too.
 */
export function suppressedGroups(
  groups: readonly { group: string; respondents: number }[],
  k: number,
): Set<string> {
  const hidden = new Set(groups.filter((g) => g.respondents < k).map((g) => g.group));
  const hiddenSum = (): number =>
    groups.filter((g) => hidden.has(g.group)).reduce((s, g) => s + g.respondents, 0);
  const bySize = [...groups].sort(
    (a, b) => a.respondents - b.respondents || (a.group < b.group ? -1 : 1),
  );
  while (hidden.size > 0 && hiddenSum() < k) {
    const next = bySize.find((g) => !hidden.has(g.group));
    if (!next) break;
    hidden.add(next.group);
  }
  return hidden;
}

/** Competition ranks (1, 1, 3 …) of values already sorted best first. */
export function competitionRanks(sortedScores: readonly number[]): number[] {
  return sortedScores
    .map((s, i) => (i > 0 && s === sortedScores[i - 1] ? -1 : i + 1))
    .reduce<number[]>((out, r, i) => (out.push(r === -1 ? out[i - 1] : r), out), []);
}

type Counts = ReadonlyMap<number, number>;

/** Counts of a question's options in a group (all places of a ranking added up). */
function optionCounts(q: Question, qi: number, counts: Counts): number[] {
  const places = q.type === 'rank' ? (q.maxSelections ?? 3) : 0;
  return (q.options ?? []).map((_, oi) => {
    let n = 0;
    for (let p = 0; p <= places; p++) n += counts.get(optionCode(qi, oi, p)) ?? 0;
    return n;
  });
}

/** A question's options, most wanted first: Borda points for rankings, else the count. */
export function rankOptions(
  q: Question,
  qi: number,
  counts: Counts,
  answered: number,
): RankedOption[] {
  const places = q.type === 'rank' ? (q.maxSelections ?? 3) : 0;
  const totals = optionCounts(q, qi, counts);
  const rows = (q.options ?? []).map((o, oi) => {
    let score = totals[oi];
    let firstChoices = 0;
    if (q.type === 'rank') {
      score = 0;
      for (let p = 1; p <= places; p++) {
        const n = counts.get(optionCode(qi, oi, p)) ?? 0;
        score += (places - p + 1) * n;
        if (p === 1) firstChoices = n;
      }
    }
    return {
      key: o.key,
      label: o.label,
      count: totals[oi],
      share: ratio(totals[oi], answered),
      score,
      firstChoices,
      index: oi,
    };
  });
  rows.sort((a, b) => b.score - a.score || b.count - a.count || a.index - b.index);
  const ranks = competitionRanks(rows.map((r) => r.score));
  return rows.map(({ index: _index, ...r }, i) => ({ ...r, rank: ranks[i] }));
}

function dimensionLabel(dim: Dimension, group: string, input: ReportInput): string {
  switch (dim) {
    case 'district':
      return input.names.get(group) ?? group;
    case 'tier':
      return LABELS.tier[group as keyof typeof LABELS.tier] ?? group;
    case 'channel':
      return LABELS.channel[group as keyof typeof LABELS.channel] ?? group;
    case 'trainingType': {
      const tt = trainingTypesQuestion(input.questions);
      return tt?.question.options?.[Number(group)]?.label ?? group;
    }
  }
}

/** Groups in reading order: districts by name, tiers and channels as the roster lists them, types as asked. */
function groupOrder(dim: Dimension, groups: string[], input: ReportInput): string[] {
  const order: readonly string[] | null =
    dim === 'tier' ? POSITION_TIERS : dim === 'channel' ? ENTRY_CHANNELS : null;
  return [...groups].sort((a, b) => {
    if (order) return order.indexOf(a) - order.indexOf(b);
    if (dim === 'trainingType') return Number(a) - Number(b);
    return dimensionLabel(dim, a, input).localeCompare(dimensionLabel(dim, b, input), 'zh-CN');
  });
}

function responseRates(input: ReportInput): ResponseRates {
  const all = input.rates.find((r) => r.level === 'all');
  const row = (id: string, r: RateInput) => ({
    id,
    name: input.names.get(id) ?? id,
    invited: r.invited,
    submitted: r.submitted,
    drafts: r.drafts,
    rate: ratio(r.submitted, r.invited),
  });
  const byName = <T extends { name: string }>(a: T, b: T): number =>
    a.name.localeCompare(b.name, 'zh-CN');
  const districts = input.rates
    .filter((r) => r.level === 'district' && r.districtId)
    .map((d) => ({
      ...row(d.districtId!, d),
      streets: input.rates
        .filter((s) => s.level === 'street' && s.districtId === d.districtId && s.streetId)
        .map((s) => row(s.streetId!, s))
        .sort(byName),
    }))
    .sort(byName);
  return {
    invited: all?.invited ?? 0,
    submitted: all?.submitted ?? 0,
    drafts: all?.drafts ?? 0,
    rate: ratio(all?.submitted ?? 0, all?.invited ?? 0),
    districts,
  };
}

/** The report of a campaign from its counts (see the module comment). */
export function buildReport(input: ReportInput): SurveyReportData {
  const k = input.minGroupSize;
  const byGroup = new Map<string, Map<number, number>>();
  for (const c of input.codes) {
    const key = `${c.dim}|${c.group ?? ''}`;
    const m = byGroup.get(key) ?? new Map<number, number>();
    m.set(c.code, (m.get(c.code) ?? 0) + c.n);
    byGroup.set(key, m);
  }
  const overall = byGroup.get('all|') ?? new Map<number, number>();
  const respondents = overall.get(RESPONDENT_CODE) ?? 0;
  const suppressedAll = respondents < k;

  // the groups of each breakdown, and which of them stay hidden
  const groups = new Map<Dimension, { group: string; respondents: number; counts: Counts }[]>();
  const hidden = new Map<Dimension, Set<string>>();
  for (const dim of DIMENSIONS) {
    const list = [...byGroup.entries()]
      .filter(([key]) => key.startsWith(`${dim}|`))
      .map(([key, counts]) => ({
        group: key.slice(dim.length + 1),
        respondents: counts.get(RESPONDENT_CODE) ?? 0,
        counts,
      }))
      .filter((g) => g.respondents > 0);
    const ordered = groupOrder(
      dim,
      list.map((g) => g.group),
      input,
    );
    groups.set(
      dim,
      ordered.map((g) => list.find((x) => x.group === g)!),
    );
    hidden.set(dim, suppressedAll ? new Set(list.map((g) => g.group)) : suppressedGroups(list, k));
  }

  const termsOf = (qi: number, answered: number): TermCount[] =>
    suppressedAll
      ? []
      : input.terms
          .filter((t) => t.question === qi + 1 && t.n >= k)
          .sort((a, b) => b.n - a.n || (a.term < b.term ? -1 : 1))
          .slice(0, TERMS_PER_QUESTION)
          .map((t) => ({ term: t.term, count: t.n, share: ratio(t.n, answered) }));

  const questions: QuestionReport[] = input.questions.map((q, qi) => {
    const answered = overall.get(answeredCode(qi)) ?? 0;
    const choice = isChoice(q);
    const breakdowns = Object.fromEntries(
      DIMENSIONS.map((dim) => [
        dim,
        groups.get(dim)!.map((g): GroupCounts => {
          const gAnswered = g.counts.get(answeredCode(qi)) ?? 0;
          const isHidden = hidden.get(dim)!.has(g.group);
          const counts = choice ? optionCounts(q, qi, g.counts) : [];
          return {
            group: g.group,
            label: dimensionLabel(dim, g.group, input),
            respondents: isHidden ? 0 : g.respondents,
            answered: isHidden ? 0 : gAnswered,
            suppressed: isHidden,
            options:
              isHidden || !choice
                ? null
                : (q.options ?? []).map((o, oi) => ({
                    key: o.key,
                    count: counts[oi],
                    share: ratio(counts[oi], gAnswered),
                  })),
          };
        }),
      ]),
    ) as Record<Dimension, GroupCounts[]>;
    const totals = choice && !suppressedAll ? optionCounts(q, qi, overall) : [];
    const options: OptionCount[] = totals.map((n, oi) => ({
      key: q.options![oi].key,
      label: q.options![oi].label,
      count: n,
      share: ratio(n, answered),
    }));
    return {
      key: q.key,
      label: q.label,
      type: q.type,
      answered,
      options,
      ranking: choice && !suppressedAll ? rankOptions(q, qi, overall, answered) : [],
      breakdowns,
      terms: choice ? [] : termsOf(qi, answered),
    };
  });

  return {
    schema: REPORT_SCHEMA,
    ...input.meta,
    minGroupSize: k,
    respondents,
    suppressedAll,
    responseRates: responseRates(input),
    questions,
    demand: demandOf(input.questions, questions),
  };
}

/** Demand per training type, city-wide and by district, from the training_types question. */
export function demandOf(
  questions: readonly Question[],
  reports: readonly QuestionReport[],
): Demand {
  const tt = trainingTypesQuestion(questions);
  if (!tt) return { question: null, types: [], districts: [] };
  const r = reports[tt.index];
  const ranked = (
    rows: { key: string; label: string; count: number; share: number }[],
  ): DemandRow[] => {
    const sorted = [...rows].sort((a, b) => b.count - a.count);
    const ranks = competitionRanks(sorted.map((x) => x.count));
    return sorted.map((x, i) => ({
      type: x.key,
      label: x.label,
      count: x.count,
      share: x.share,
      rank: ranks[i],
    }));
  };
  const labels = new Map((tt.question.options ?? []).map((o) => [o.key, o.label]));
  return {
    question: tt.question.key,
    types: r.ranking.map((x) => ({
      type: x.key,
      label: x.label,
      count: x.count,
      share: x.share,
      rank: x.rank,
    })),
    districts: r.breakdowns.district.map((g) => ({
      districtId: g.group,
      name: g.label,
      respondents: g.respondents,
      suppressed: g.suppressed,
      types: g.options
        ? ranked(g.options.map((o) => ({ ...o, label: labels.get(o.key) ?? o.key })))
        : [],
    })),
  };
}
