import {
  isChoice,
  Problem,
  Question,
  selectionLimit,
  trainingTypesQuestion,
} from '../questionnaires/questionnaire.rules';
import { extractTerms } from './terms';

/**
 * Pure rules of answering: an answer checked against its questionnaire (a draft may be
 * incomplete, a submission may not), and the compact form the reports aggregate in SQL.
 */

/** One answered question: the options chosen (a ranking: in order, first = most wanted), or a text. */
export interface AnswerInput {
  question: string;
  options?: string[] | null;
  text?: string | null;
}

export type AnswerMode = 'draft' | 'submit';

export interface CheckedAnswers {
  problems: Problem[];
  /** The answers in questionnaire order, text trimmed, empty answers dropped. */
  answers: AnswerInput[];
}

/**
 * Checks answers against the questions: every question known and answered once, options of
 * the question, no more than it allows, no option twice, text within its length. A
 * submission must answer every required question; a draft may leave any out.
 */
export function checkAnswers(
  questions: readonly Question[],
  input: readonly AnswerInput[],
  mode: AnswerMode,
): CheckedAnswers {
  const problems: Problem[] = [];
  const byKey = new Map(questions.map((q) => [q.key, q]));
  const given = new Map<string, AnswerInput>();
  input.forEach((a, i) => {
    const f = (name: string): string => `answers[${i}].${name}`;
    const q = byKey.get(a.question);
    if (!q) {
      problems.push({
        field: f('question'),
        message: `没有这个问题 ${a.question} (unknown question)`,
      });
      return;
    }
    if (given.has(q.key)) {
      problems.push({ field: f('question'), message: `问题 ${q.key} 重复作答 (answered twice)` });
      return;
    }
    if (isChoice(q)) {
      if (a.text != null && a.text !== '')
        problems.push({
          field: f('text'),
          message: '选择题不填文字 (a choice question takes options)',
        });
      const options = a.options ?? [];
      const known = new Set((q.options ?? []).map((o) => o.key));
      const unknown = options.filter((o) => !known.has(o));
      if (unknown.length)
        problems.push({
          field: f('options'),
          message: `不是该题的选项：${unknown.join('、')} (not options of ${q.key})`,
        });
      if (new Set(options).size !== options.length)
        problems.push({ field: f('options'), message: '选项重复 (an option twice)' });
      const limit = selectionLimit(q);
      if (options.length > limit)
        problems.push({
          field: f('options'),
          message: `最多选 ${limit} 项 (at most ${limit})`,
        });
      given.set(q.key, { question: q.key, options: [...options] });
    } else {
      if (a.options?.length)
        problems.push({
          field: f('options'),
          message: '文字题没有选项 (a text question takes text)',
        });
      const text = (a.text ?? '').trim();
      const max = q.maxLength ?? 500;
      if ([...text].length > max)
        problems.push({
          field: f('text'),
          message: `不能超过 ${max} 字 (at most ${max} characters)`,
        });
      given.set(q.key, { question: q.key, text });
    }
  });
  const answers: AnswerInput[] = [];
  for (const q of questions) {
    const a = given.get(q.key);
    const empty = !a || (isChoice(q) ? !a.options?.length : !a.text);
    if (empty) {
      if (mode === 'submit' && q.required)
        problems.push({ field: q.key, message: `请回答：${q.label} (required)` });
      continue;
    }
    answers.push(a);
  }
  return { problems, answers };
}

/*
 * The compact form: every chosen option is one integer code, so that the report's counts by
 * question, option, rank and group are one GROUP BY over `unnest(choice_codes)`.
 *
 *   code = (question index + 1) * 4096 + option index * 16 + rank place (0: not ranked)
 *   (question index + 1) * 4096 + 255 * 16  — "answered this question"
 *   0                                       — "is a respondent"
 */
export const RESPONDENT_CODE = 0;
const ANSWERED_OPTION = 255;

export const optionCode = (question: number, option: number, place = 0): number =>
  (question + 1) * 4096 + option * 16 + place;
export const answeredCode = (question: number): number => optionCode(question, ANSWERED_OPTION);

export type DecodedCode =
  | { kind: 'respondent' }
  | { kind: 'answered'; question: number }
  | { kind: 'option'; question: number; option: number; place: number };

export function decodeCode(code: number): DecodedCode {
  if (code === RESPONDENT_CODE) return { kind: 'respondent' };
  const question = Math.floor(code / 4096) - 1;
  const option = Math.floor((code % 4096) / 16);
  if (option === ANSWERED_OPTION) return { kind: 'answered', question };
  return { kind: 'option', question, option, place: code % 16 };
}

export interface EncodedAnswers {
  /** Respondent marker, per answered question its marker, and one code per chosen option. */
  choiceCodes: number[];
  /** Option indexes chosen in the training-types question (the reports' breakdown by type). */
  breakdownCodes: number[];
  /** `<question index + 1>:<term>` for the terms of each text answer. */
  terms: string[];
}

/** Checked answers in their compact form (the answers must have passed checkAnswers). */
export function encodeAnswers(
  questions: readonly Question[],
  answers: readonly AnswerInput[],
  terms: (text: string) => string[] = extractTerms,
): EncodedAnswers {
  const index = new Map(questions.map((q, i) => [q.key, i]));
  const out: EncodedAnswers = { choiceCodes: [RESPONDENT_CODE], breakdownCodes: [], terms: [] };
  const tt = trainingTypesQuestion(questions);
  for (const a of answers) {
    const qi = index.get(a.question);
    if (qi === undefined) continue;
    const q = questions[qi];
    if (isChoice(q)) {
      if (!a.options?.length) continue;
      out.choiceCodes.push(answeredCode(qi));
      const optionIndex = new Map((q.options ?? []).map((o, i) => [o.key, i]));
      a.options.forEach((key, place) => {
        const oi = optionIndex.get(key);
        if (oi === undefined) return;
        out.choiceCodes.push(optionCode(qi, oi, q.type === 'rank' ? place + 1 : 0));
        if (tt?.index === qi) out.breakdownCodes.push(oi);
      });
    } else if (a.text) {
      out.choiceCodes.push(answeredCode(qi));
      for (const t of terms(a.text)) out.terms.push(`${qi + 1}:${t}`);
    }
  }
  return out;
}
