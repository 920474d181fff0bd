import {
  attended,
  checkAnswers,
  comments,
  itemStats,
  responseRate,
  TemplateItem,
  templateProblems,
  visibleGroups,
  windowState,
} from './evaluations.rules';

const ITEMS: TemplateItem[] = [
  { key: 'content', type: 'likert', label: '内容', required: true },
  { key: 'pace', type: 'single', label: '课时', options: ['偏短', '适中', '偏长'], required: true },
  {
    key: 'gains',
    type: 'multiple',
    label: '收获',
    options: ['政策', '案例', '技能'],
    required: false,
  },
  { key: 'note', type: 'text', label: '建议', required: false },
];

describe('evaluation rules', () => {
  it.each([
    ['present', true],
    ['late', true],
    ['left_early', true],
    ['absent', false],
    ['leave', false],
    [null, false],
  ])('a trainee marked %s attended: %s', (status, yes) => {
    expect(attended(status)).toBe(yes);
  });

  it.each([
    [-1, 'not_yet'],
    [0, 'open'],
    [7 * 24 * 60, 'open'],
    [7 * 24 * 60 + 1, 'closed'],
  ])('%i minutes after the session ended, a 7-day evaluation is %s', (minutes, state) => {
    const end = new Date('2026-05-01T10:00:00Z');
    expect(windowState(new Date(end.getTime() + minutes * 60_000), end, 7)).toBe(state);
  });

  it.each([
    [
      [
        { key: 'content', value: 5 },
        { key: 'pace', value: '适中' },
      ],
      [],
    ],
    [
      [
        { key: 'content', value: 6 },
        { key: 'pace', value: '适中' },
      ],
      ['answers[0].value'],
    ],
    [
      [
        { key: 'content', value: 4.5 },
        { key: 'pace', value: '适中' },
      ],
      ['answers[0].value'],
    ],
    [[{ key: 'content', value: 3 }], ['answers.pace']],
    [
      [
        { key: 'content', value: 3 },
        { key: 'pace', value: '很长' },
      ],
      ['answers[1].value'],
    ],
    [
      [
        { key: 'content', value: 3 },
        { key: 'pace', value: '适中' },
        { key: 'gains', value: ['案例', '案例'] },
      ],
      ['answers[2].value'],
    ],
    [
      [
        { key: 'content', value: 3 },
        { key: 'pace', value: '适中' },
        { key: 'other', value: 1 },
      ],
      ['answers[2].key'],
    ],
    [
      [
        { key: 'content', value: 3 },
        { key: 'content', value: 4 },
        { key: 'pace', value: '适中' },
      ],
      ['answers[1].key'],
    ],
    [
      [
        { key: 'content', value: 3 },
        { key: 'pace', value: '适中' },
        { key: 'note', value: 5 },
      ],
      ['answers[2].value'],
    ],
  ])('answers %j: problems at %j', (answers, fields) => {
    expect(checkAnswers(ITEMS, answers).problems.map((p) => p.field)).toEqual(fields);
  });

  it('normalises answers: item order, trimmed text, choices in option order', () => {
    const { answers } = checkAnswers(ITEMS, [
      { key: 'note', value: '  很好  ' },
      { key: 'gains', value: ['技能', '政策'] },
      { key: 'pace', value: '适中' },
      { key: 'content', value: 4 },
    ]);
    expect(answers).toEqual([
      { key: 'content', value: 4 },
      { key: 'pace', value: '适中' },
      { key: 'gains', value: ['政策', '技能'] },
      { key: 'note', value: '很好' },
    ]);
  });

  it.each([
    [[{ key: 'a', type: 'text', label: 'x', required: true }], ['items']],
    [
      [{ key: 'a', type: 'single', label: 'x', options: ['1'], required: true }],
      ['items[0].options'],
    ],
    [
      [{ key: 'a', type: 'likert', label: 'x', options: ['1', '2'], required: true }],
      ['items[0].options'],
    ],
    [
      [
        { key: 'a', type: 'likert', label: 'x', required: true },
        { key: 'a', type: 'likert', label: 'y', required: true },
      ],
      ['items[1].key'],
    ],
    [ITEMS, []],
  ] as [TemplateItem[], string[]][])('template case %#', (items, fields) => {
    expect(templateProblems(items).map((p) => p.field)).toEqual(fields);
  });

  it('averages, distributions and sorted comments', () => {
    const sets = [
      [
        { key: 'content', value: 5 },
        { key: 'pace', value: '适中' },
        { key: 'note', value: '乙' },
      ],
      [
        { key: 'content', value: 4 },
        { key: 'pace', value: '偏长' },
        { key: 'gains', value: ['政策', '技能'] },
      ],
      [
        { key: 'content', value: 4 },
        { key: 'pace', value: '适中' },
        { key: 'note', value: '甲' },
      ],
    ];
    const [content, pace, gains] = itemStats(ITEMS, sets);
    expect(content.average).toBe(4.33);
    expect(content.distribution.map((d) => d.count)).toEqual([0, 0, 0, 2, 1]);
    expect(pace.distribution).toEqual([
      { option: '偏短', count: 0 },
      { option: '适中', count: 2 },
      { option: '偏长', count: 1 },
    ]);
    expect(gains.answered).toBe(1);
    expect(gains.distribution.map((d) => d.count)).toEqual([1, 0, 1]);
    expect(comments(ITEMS, sets)).toEqual(['甲', '乙'].sort((a, b) => a.localeCompare(b, 'zh-CN')));
    expect(responseRate(2, 3)).toBe(66.7);
    expect(responseRate(0, 0)).toBeNull();
  });

  it.each([
    // every group at 5 or more: all shown
    [
      [5, 7],
      [true, true],
    ],
    // one small group beside a big one: the big one is hidden too (else total − big = small)
    [
      [3, 10],
      [false, false],
    ],
    // two small groups together hold 5: the others stay
    [
      [3, 2, 9],
      [false, false, true],
    ],
    // a small group and two big ones: the smallest big one is hidden with it
    [
      [1, 6, 9],
      [false, false, true],
    ],
    // under 5 in all: nothing shown (a group without answers reveals nothing)
    [
      [2, 1, 0],
      [false, false, true],
    ],
    [
      [0, 6],
      [true, true],
    ],
  ])('groups with %j answers: visible %j', (counts, visible) => {
    expect(visibleGroups(counts)).toEqual(visible);
  });
});
