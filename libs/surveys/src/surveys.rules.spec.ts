import {
  checkAnswers,
  decodeCode,
  encodeAnswers,
  optionCode,
  RESPONDENT_CODE,
} from './answers/answers.rules';
import { bigramsOf, extractTerms } from './answers/terms';
import { dueReminders, effectiveStatus, windowProblems } from './campaigns/campaign.rules';
import { invitationId } from './campaigns/invitation-id';
import { idRanges } from './campaigns/population.sql';
import { normalizeQuestion, questionnaireProblems } from './questionnaires/questionnaire.rules';
import { STANDARD_QUESTIONNAIRE } from './questionnaires/standard-questionnaire';
import { sheetName } from './reports/report-xlsx';
import { buildReport, competitionRanks, CodeRow, suppressedGroups } from './reports/report.rules';

const questions = STANDARD_QUESTIONNAIRE.questions.map(normalizeQuestion);
const H = 3_600_000;

describe('needs-survey rules', () => {
  it('the standard questionnaire is well-formed', () => {
    expect(questionnaireProblems(questions)).toEqual([]);
  });

  it('answers are checked against the questionnaire; a draft may be incomplete, a submission not', () => {
    const bad = checkAnswers(
      questions,
      [
        { question: 'nope', options: ['x'] },
        { question: 'methods', options: ['lecture', 'online', 'simulation', 'discussion'] },
        { question: 'days', options: ['weekday', 'weekday'] },
      ],
      'submit',
    );
    const fields = bad.problems.map((p) => p.field);
    expect(fields).toEqual(
      expect.arrayContaining([
        'answers[0].question',
        'answers[1].options',
        'answers[2].options',
        'training_types',
      ]),
    );
    const draft = checkAnswers(questions, [{ question: 'days', options: ['weekend'] }], 'draft');
    expect(draft.problems).toEqual([]);
    expect(draft.answers).toEqual([{ question: 'days', options: ['weekend'] }]);
  });

  it('encodes chosen options (with ranked places) as integer codes that decode back', () => {
    const { answers } = checkAnswers(
      questions,
      [
        { question: 'training_types', options: ['post', 'advanced'] },
        { question: 'topics', options: ['digital', 'mediation'] },
        { question: 'suggestions', text: '希望增加矛盾调解的案例教学' },
      ],
      'draft',
    );
    const enc = encodeAnswers(questions, answers);
    expect(enc.choiceCodes[0]).toBe(RESPONDENT_CODE);
    expect(enc.breakdownCodes).toEqual([1, 2]);
    const digital = questions[1].options!.findIndex((o) => o.key === 'digital');
    expect(enc.choiceCodes).toContain(optionCode(1, digital, 1));
    expect(decodeCode(optionCode(1, digital, 1))).toEqual({
      kind: 'option',
      question: 1,
      option: digital,
      place: 1,
    });
    expect(enc.terms.every((t) => t.startsWith('7:'))).toBe(true);
    expect(enc.terms.length).toBeGreaterThan(0);
  });

  it('free-text terms leave out stop words and single characters', () => {
    const terms = extractTerms('希望培训多安排矛盾调解');
    expect(terms).not.toContain('希望');
    expect(terms).not.toContain('培训');
    expect(terms.join()).toMatch(/矛盾|调解/);
    expect(bigramsOf('矛盾调解')).toEqual(['矛盾', '盾调', '调解']);
  });

  it('small groups are suppressed, and so is the smallest other group that would give them away', () => {
    expect([
      ...suppressedGroups(
        [
          { group: 'a', respondents: 10 },
          { group: 'b', respondents: 9 },
        ],
        5,
      ),
    ]).toEqual([]);
    const hidden = suppressedGroups(
      [
        { group: 'a', respondents: 2 },
        { group: 'b', respondents: 6 },
        { group: 'c', respondents: 20 },
      ],
      5,
    );
    expect([...hidden].sort()).toEqual(['a', 'b']);
    expect(competitionRanks([9, 9, 7, 3])).toEqual([1, 1, 3, 4]);
  });

  it('a report with fewer respondents than the threshold shows no counts', () => {
    const codes: CodeRow[] = [
      { dim: 'all', group: null, code: RESPONDENT_CODE, n: 2 },
      { dim: 'all', group: null, code: optionCode(0, 1), n: 2 },
    ];
    const r = buildReport({
      questions,
      codes,
      rates: [
        { level: 'all', districtId: null, streetId: null, invited: 10, submitted: 2, drafts: 0 },
      ],
      terms: [],
      names: new Map(),
      minGroupSize: 5,
      meta: {
        campaign: { id: 'c', title: 't', year: 2026, opensAt: '', closesAt: '', population: '' },
        questionnaire: { id: 'q', title: 'q', version: 1 },
        kind: 'interim',
        number: 1,
        asOf: new Date(0).toISOString(),
      },
    });
    expect(r.suppressedAll).toBe(true);
    expect(r.questions[0].options).toEqual([]);
    expect(r.responseRates).toMatchObject({ invited: 10, submitted: 2, rate: 0.2 });
  });

  it('windows, reminders and the status on the clock', () => {
    const opensAt = new Date(0);
    const closesAt = new Date(10 * H);
    expect(windowProblems({ opensAt, closesAt, reminders: [new Date(5 * H)] })).toEqual([]);
    expect(windowProblems({ opensAt, closesAt, reminders: [new Date(11 * H)] })[0].field).toBe(
      'reminders[0]',
    );
    expect(windowProblems({ opensAt: closesAt, closesAt: opensAt, reminders: [] })[0].field).toBe(
      'closesAt',
    );
    expect(dueReminders([new Date(2 * H), new Date(4 * H)], 1, new Date(5 * H))).toEqual([2]);
    const c = { status: 'scheduled' as const, opensAt, closesAt };
    expect(effectiveStatus(c, new Date(H))).toBe('open');
    expect(effectiveStatus(c, new Date(11 * H))).toBe('closed');
  });

  it('invitation ids are stable per campaign and worker; sheet names fit Excel', () => {
    const a = invitationId(
      '6f1c1f3e-0000-4000-8000-000000000001',
      'A0000000-0000-4000-8000-000000000002',
    );
    expect(a).toBe(
      invitationId('6f1c1f3e-0000-4000-8000-000000000001', 'a0000000-0000-4000-8000-000000000002'),
    );
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    const taken = new Set<string>();
    const long = '您对培训还有哪些意见和建议？请尽量详细地写下来，我们会认真研究每一条意见';
    const first = sheetName(7, long, taken);
    const second = sheetName(7, long, taken);
    expect(first.length).toBeLessThanOrEqual(31);
    expect(second).not.toBe(first);
  });
  it('cuts the worker-id space into adjacent parts', () => {
    expect(idRanges(1)).toEqual([{ after: '00000000-0000-0000-0000-000000000000', upto: null }]);
    expect(idRanges(2)).toEqual([
      {
        after: '00000000-0000-0000-0000-000000000000',
        upto: '80000000-0000-0000-0000-000000000000',
      },
      { after: '7fffffff-ffff-ffff-ffff-ffffffffffff', upto: null },
    ]);
  });
});
