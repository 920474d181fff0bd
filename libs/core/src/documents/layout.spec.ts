import { resolveColumnWidths, splitIntoParts } from './layout';

describe('document layout', () => {
  it.each<[string, Parameters<typeof resolveColumnWidths>[0], number, number[]]>([
    ['fixed and one flexible', [{ width: 30 }, {}, { width: 70 }], 500, [30, 400, 70]],
    ['flex shares', [{ width: 100 }, { flex: 1 }, { flex: 3 }], 500, [100, 100, 300]],
    ['only flexible', [{}, {}], 300, [150, 150]],
    ['fixed ones too wide: scaled down', [{ width: 300 }, { width: 300 }], 300, [150, 150]],
    ['fixed too wide, flexible gets nothing', [{ width: 400 }, {}], 200, [200, 0]],
    ['all fixed, narrower than the total: kept', [{ width: 100 }, { width: 50 }], 500, [100, 50]],
  ])('column widths: %s', (_case, columns, total, widths) => {
    const got = resolveColumnWidths(columns, total);
    got.forEach((w, i) => expect(w).toBeCloseTo(widths[i], 6));
  });

  it.each<[number, number, Array<[number, number]>]>([
    [12, 12, [[0, 12]]],
    [
      12,
      8,
      [
        [0, 6],
        [6, 12],
      ],
    ],
    [
      13,
      12,
      [
        [0, 7],
        [7, 13],
      ],
    ],
    [
      20,
      12,
      [
        [0, 10],
        [10, 20],
      ],
    ],
    [
      25,
      12,
      [
        [0, 9],
        [9, 17],
        [17, 25],
      ],
    ],
    [1, 12, [[0, 1]]],
    [0, 12, [[0, 0]]],
    [
      5,
      0,
      [
        [0, 1],
        [1, 2],
        [2, 3],
        [3, 4],
        [4, 5],
      ],
    ],
  ])('%i columns with room for %i: parts %j', (count, per, parts) => {
    expect(splitIntoParts(count, per).map((p) => [p.from, p.to])).toEqual(parts);
  });
});
