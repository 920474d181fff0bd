import { TRAINING_TYPES } from '@peixun/policy';

/**
 * Pure rules of the needs-survey questionnaire (Art. 11: which projects, what content, which
 * methods and times): question types, limits, and what makes a questionnaire well-formed.
 */

/**
 * single: one option; multi: up to `maxSelections` options; rank: up to `maxSelections`
 * options in order of preference (1st, 2nd, …); text: free text.
 */
export const QUESTION_TYPES = ['single', 'multi', 'rank', 'text'] as const;
export type QuestionType = (typeof QUESTION_TYPES)[number];

/**
 * A question's part in the reports: `training_types` asks which training projects a worker
 * wants (its options are training types, DOMAIN.md): the reports break every other answer
 * down by it, and the plan editor reads the demand per project type from it.
 */
export const QUESTION_ROLES = ['training_types'] as const;
export type QuestionRole = (typeof QUESTION_ROLES)[number];

export interface QuestionOption {
  key: string;
  label: string;
}

export interface Question {
  key: string;
  label: string;
  type: QuestionType;
  required: boolean;
  /** Explanation under the question. */
  hint?: string | null;
  /** Choice questions (single, multi, rank). */
  options?: QuestionOption[];
  /** multi and rank: the most options one may choose (rank: the places ranked). */
  maxSelections?: number | null;
  /** text: the longest answer in characters. */
  maxLength?: number | null;
  role?: QuestionRole | null;
}

export const QUESTIONNAIRE_LIMITS = {
  questions: 40,
  options: 30,
  /** Ranked places are encoded in 4 bits (answers.rules.ts). */
  rankPlaces: 10,
  textLength: 2000,
  defaultTextLength: 500,
} as const;

export const KEY_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

export interface Problem {
  field: string;
  message: string;
}

export const isChoice = (q: Pick<Question, 'type'>): boolean => q.type !== 'text';

/** The most options an answer to a choice question may carry. */
export function selectionLimit(q: Question): number {
  const n = q.options?.length ?? 0;
  if (q.type === 'single') return 1;
  if (q.type === 'rank') return Math.min(q.maxSelections ?? Math.min(3, n), n);
  return Math.min(q.maxSelections ?? n, n);
}

/** Every problem of a questionnaire's questions (empty: it may be saved). */
export function questionnaireProblems(questions: readonly Question[]): Problem[] {
  const out: Problem[] = [];
  const add = (field: string, message: string): void => void out.push({ field, message });
  if (!questions.length) add('questions', '至少需要一个问题 (at least one question)');
  if (questions.length > QUESTIONNAIRE_LIMITS.questions)
    add('questions', `最多 ${QUESTIONNAIRE_LIMITS.questions} 个问题 (too many questions)`);
  const keys = new Set<string>();
  let roles = 0;
  questions.forEach((q, i) => {
    const f = (name: string): string => `questions[${i}].${name}`;
    if (!KEY_PATTERN.test(q.key))
      add(f('key'), '须为小写字母开头的字母、数字或下划线 (lower-case letters, digits, _)');
    else if (keys.has(q.key)) add(f('key'), `问题标识 ${q.key} 重复 (duplicate key)`);
    keys.add(q.key);
    if (!q.label?.trim()) add(f('label'), '问题不能为空 (empty label)');
    if (q.type === 'text') {
      if (q.options?.length) add(f('options'), '文字题没有选项 (a text question has no options)');
      if (q.maxSelections != null)
        add(f('maxSelections'), '文字题不设可选数 (only for choice questions)');
      const max = q.maxLength ?? QUESTIONNAIRE_LIMITS.defaultTextLength;
      if (!Number.isInteger(max) || max < 1 || max > QUESTIONNAIRE_LIMITS.textLength)
        add(f('maxLength'), `须在 1 到 ${QUESTIONNAIRE_LIMITS.textLength} 之间 (1..2000)`);
      if (q.role) add(f('role'), '文字题不能作为培训项目题 (the role needs a choice question)');
      return;
    }
    if (q.maxLength != null) add(f('maxLength'), '选择题不设字数 (only for text questions)');
    const options = q.options ?? [];
    if (options.length < 2 || options.length > QUESTIONNAIRE_LIMITS.options)
      add(f('options'), `选项须为 2 到 ${QUESTIONNAIRE_LIMITS.options} 个 (2..30 options)`);
    const optionKeys = new Set<string>();
    options.forEach((o, j) => {
      if (!KEY_PATTERN.test(o.key))
        add(`${f('options')}[${j}].key`, '须为小写字母开头的字母、数字或下划线');
      else if (optionKeys.has(o.key))
        add(`${f('options')}[${j}].key`, `选项标识 ${o.key} 重复 (duplicate option)`);
      optionKeys.add(o.key);
      if (!o.label?.trim()) add(`${f('options')}[${j}].label`, '选项不能为空 (empty label)');
    });
    if (q.type === 'single' && q.maxSelections != null && q.maxSelections !== 1)
      add(f('maxSelections'), '单选题只能选一项 (single choice)');
    if (q.type !== 'single' && q.maxSelections != null) {
      const cap = q.type === 'rank' ? QUESTIONNAIRE_LIMITS.rankPlaces : options.length;
      if (!Number.isInteger(q.maxSelections) || q.maxSelections < 1 || q.maxSelections > cap)
        add(f('maxSelections'), `须在 1 到 ${cap} 之间 (1..${cap})`);
    }
    if (q.type === 'rank' && options.length && selectionLimit(q) > QUESTIONNAIRE_LIMITS.rankPlaces)
      add(
        f('maxSelections'),
        `排序题最多排 ${QUESTIONNAIRE_LIMITS.rankPlaces} 位 (at most 10 places)`,
      );
    if (q.role === 'training_types') {
      roles += 1;
      if (q.type === 'rank') add(f('role'), '培训项目题须为单选或多选题 (single or multi choice)');
      const unknown = options.filter((o) => !(TRAINING_TYPES as readonly string[]).includes(o.key));
      if (unknown.length)
        add(
          f('options'),
          `培训项目题的选项须为培训类型 ${TRAINING_TYPES.join('/')} (not training types: ${unknown.map((o) => o.key).join(', ')})`,
        );
    }
  });
  if (roles > 1) add('questions', '只能有一个培训项目题 (one training_types question at most)');
  return out;
}

/** The question whose answers are the training types a worker wants, if the questionnaire has one. */
export function trainingTypesQuestion(
  questions: readonly Question[],
): { index: number; question: Question } | null {
  const index = questions.findIndex((q) => q.role === 'training_types');
  return index < 0 ? null : { index, question: questions[index] };
}

/** A question as stored: optional fields that do not apply dropped, defaults made explicit. */
export function normalizeQuestion(q: Question): Question {
  const base = {
    key: q.key,
    label: q.label.trim(),
    type: q.type,
    required: q.required,
    hint: q.hint?.trim() || null,
  };
  if (q.type === 'text')
    return { ...base, maxLength: q.maxLength ?? QUESTIONNAIRE_LIMITS.defaultTextLength };
  return {
    ...base,
    options: (q.options ?? []).map((o) => ({ key: o.key, label: o.label.trim() })),
    maxSelections: selectionLimit(q),
    role: q.role ?? null,
  };
}
