/**
 * Two-way evaluation (Art. 15), pure rules: the forms' items, checking answers against a
 * form, who gets an evaluation, deadlines, and the statistics with the anonymity threshold.
 */

export const DIRECTIONS = ['classroom', 'post_class'] as const;
/** classroom (课堂评价): a session's teacher assesses each trainee; post_class (课后评价): trainees assess the teacher and session. */
export type Direction = (typeof DIRECTIONS)[number];

export const DIRECTION_LABELS: Record<Direction, string> = {
  classroom: '课堂评价',
  post_class: '课后评价',
};

export const ITEM_TYPES = ['likert', 'single', 'multiple', 'text'] as const;
export type ItemType = (typeof ITEM_TYPES)[number];

export interface TemplateItem {
  /** Stable key within the template (`content`, `method` …). */
  key: string;
  type: ItemType;
  label: string;
  /** The choices of a single or multiple choice item. */
  options?: string[];
  required: boolean;
}

export type AnswerValue = number | string | string[];
export interface Answer {
  key: string;
  value: AnswerValue;
}

/** Fewer answers than this in a group: the teacher and the institution see nothing of it. */
export const ANONYMITY_MIN = 5;

/** Marks that count as having attended (present, late, left early); not absent, not on leave. */
export const ATTENDED = ['present', 'late', 'left_early'] as const;
export const attended = (status: string | null | undefined): boolean =>
  !!status && (ATTENDED as readonly string[]).includes(status);

export interface Problem {
  field: string;
  problem: string;
}

/** What is wrong with a template's items (empty: fine). */
export function templateProblems(items: readonly TemplateItem[]): Problem[] {
  const out: Problem[] = [];
  const keys = new Set<string>();
  items.forEach((it, i) => {
    if (keys.has(it.key)) out.push({ field: `items[${i}].key`, problem: '键重复 (duplicate key)' });
    keys.add(it.key);
    const choice = it.type === 'single' || it.type === 'multiple';
    const n = it.options?.length ?? 0;
    if (choice && n < 2)
      out.push({
        field: `items[${i}].options`,
        problem: '选择题至少两个选项 (at least 2 options)',
      });
    if (!choice && n > 0)
      out.push({
        field: `items[${i}].options`,
        problem: '只有选择题有选项 (only choice items have options)',
      });
    if (choice && new Set(it.options).size !== n)
      out.push({ field: `items[${i}].options`, problem: '选项重复 (duplicate options)' });
  });
  if (!items.some((it) => it.type !== 'text'))
    out.push({
      field: 'items',
      problem: '至少一个可统计的题目 (at least one item that is not free text)',
    });
  return out;
}

/**
 * Checks answers against the form's items: every key known and answered once, values of
 * the item's type, required items answered. Returns the answers normalised (in item order,
 * texts trimmed, multiple choices in option order).
 */
export function checkAnswers(
  items: readonly TemplateItem[],
  answers: readonly Answer[],
): { problems: Problem[]; answers: Answer[] } {
  const problems: Problem[] = [];
  const byKey = new Map<string, { a: Answer; i: number }>();
  answers.forEach((a, i) => {
    if (!items.some((it) => it.key === a.key))
      problems.push({ field: `answers[${i}].key`, problem: '表单中没有此题 (no such item)' });
    else if (byKey.has(a.key))
      problems.push({ field: `answers[${i}].key`, problem: '同一题重复作答 (answered twice)' });
    else byKey.set(a.key, { a, i });
  });
  const out: Answer[] = [];
  for (const it of items) {
    const found = byKey.get(it.key);
    if (!found) {
      if (it.required)
        problems.push({ field: `answers.${it.key}`, problem: '必答题未作答 (required)' });
      continue;
    }
    const f = `answers[${found.i}].value`;
    const v = found.a.value;
    switch (it.type) {
      case 'likert':
        if (typeof v !== 'number' || !Number.isInteger(v) || v < 1 || v > 5)
          problems.push({ field: f, problem: '须为 1 到 5 的整数 (an integer from 1 to 5)' });
        else out.push({ key: it.key, value: v });
        break;
      case 'single':
        if (typeof v !== 'string' || !it.options!.includes(v))
          problems.push({ field: f, problem: '须为一个选项 (one of the options)' });
        else out.push({ key: it.key, value: v });
        break;
      case 'multiple': {
        const ok =
          Array.isArray(v) &&
          v.length >= 1 &&
          v.every((x) => typeof x === 'string' && it.options!.includes(x)) &&
          new Set(v).size === v.length;
        if (!ok)
          problems.push({ field: f, problem: '须为不重复的选项列表 (a list of distinct options)' });
        else out.push({ key: it.key, value: it.options!.filter((o) => v.includes(o)) });
        break;
      }
      case 'text': {
        const t = typeof v === 'string' ? v.trim() : null;
        if (t === null || t.length > 1000)
          problems.push({
            field: f,
            problem: '须为 1000 字以内的文字 (text up to 1000 characters)',
          });
        else if (t.length) out.push({ key: it.key, value: t });
        else if (it.required) problems.push({ field: f, problem: '必答题未作答 (required)' });
        break;
      }
    }
  }
  return { problems, answers: out };
}

export interface Deadlines {
  /** Days after a session ends that trainees may evaluate it (课后评价). */
  postClassDays: number;
  /** Days after a session ends that its teacher may assess the trainees (课堂评价). */
  classroomDays: number;
}

/** When the evaluation of a session closes. */
export function closesAt(sessionEndsAt: Date, days: number): Date {
  return new Date(sessionEndsAt.getTime() + days * 86_400_000);
}

export type WindowState = 'not_yet' | 'open' | 'closed';

/** An evaluation opens when the session ends and closes at its deadline. */
export function windowState(now: Date, sessionEndsAt: Date, days: number): WindowState {
  if (now.getTime() < sessionEndsAt.getTime()) return 'not_yet';
  return now.getTime() <= closesAt(sessionEndsAt, days).getTime() ? 'open' : 'closed';
}

// -- statistics ----------------------------------------------------------------------------

export interface ItemStats {
  key: string;
  label: string;
  type: ItemType;
  /** Number of answers to the item. */
  answered: number;
  /** Likert: the mean (2 decimals); otherwise null. */
  average: number | null;
  /** Likert: counts of 1..5; choices: count per option (in option order); text: empty. */
  distribution: { option: string; count: number }[];
}

/** Item averages and distributions over a group of answer sets (one per respondent). */
export function itemStats(items: readonly TemplateItem[], sets: readonly Answer[][]): ItemStats[] {
  return items.map((it) => {
    const values = sets
      .map((s) => s.find((a) => a.key === it.key)?.value)
      .filter((v): v is AnswerValue => v !== undefined);
    const options = it.type === 'likert' ? ['1', '2', '3', '4', '5'] : (it.options ?? []);
    const distribution = options.map((option) => ({
      option,
      count: values.filter((v) => (Array.isArray(v) ? v.includes(option) : String(v) === option))
        .length,
    }));
    const nums = values.filter((v): v is number => typeof v === 'number');
    return {
      key: it.key,
      label: it.label,
      type: it.type,
      answered: values.length,
      average:
        it.type === 'likert' && nums.length
          ? Math.round((nums.reduce((s, n) => s + n, 0) / nums.length) * 100) / 100
          : null,
      distribution: it.type === 'text' ? [] : distribution,
    };
  });
}

/** The free-text answers of a group, sorted (so that their order says nothing of who or when). */
export function comments(items: readonly TemplateItem[], sets: readonly Answer[][]): string[] {
  const keys = new Set(items.filter((i) => i.type === 'text').map((i) => i.key));
  return sets
    .flatMap((s) => s.filter((a) => keys.has(a.key)).map((a) => String(a.value)))
    .sort((a, b) => a.localeCompare(b, 'zh-CN'));
}

/** Answers per expected respondent, in per cent (one decimal); null when none were expected. */
export function responseRate(answered: number, expected: number): number | null {
  return expected > 0 ? Math.round((answered / expected) * 1000) / 10 : null;
}

/**
 * Which groups of a partition a teacher or an institution may see (the parent total shown
 * beside them). A group under ANONYMITY_MIN answers is hidden; and when the parent is shown,
 * the hidden groups together must also hold ANONYMITY_MIN answers at least — else the
 * smallest shown groups are hidden too — so that no hidden group can be worked out by
 * subtracting the shown ones from the total (secondary suppression).
 */
export function visibleGroups(counts: readonly number[], min = ANONYMITY_MIN): boolean[] {
  // a group without answers reveals nothing: it is shown (as empty)
  const visible = counts.map((n) => n === 0 || n >= min);
  const total = counts.reduce((s, n) => s + n, 0);
  if (total < min) return counts.map((n) => n === 0);
  const hiddenSum = (): number => counts.reduce((s, n, i) => s + (visible[i] ? 0 : n), 0);
  while (hiddenSum() > 0 && hiddenSum() < min && visible.some((v, i) => v && counts[i] > 0)) {
    // hide the smallest group still shown
    let pick = -1;
    visible.forEach((v, i) => {
      if (v && counts[i] > 0 && (pick < 0 || counts[i] < counts[pick])) pick = i;
    });
    visible[pick] = false;
  }
  return visible;
}
