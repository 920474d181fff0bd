import { axisScale, chartParts } from './chart';

describe('bar chart arithmetic', () => {
  it.each<[number, number, boolean, number, number]>([
    // largest, max ticks, whole numbers -> axis max, step
    [100, 5, false, 100, 20],
    [87.5, 5, false, 100, 20],
    [42, 5, false, 50, 10],
    [7, 5, true, 8, 2],
    [3, 5, true, 3, 1],
    [1, 5, true, 1, 1],
    [0.3, 5, false, 0.3, 0.1],
    [1234, 5, true, 1250, 250],
    [50000, 4, true, 60000, 20000],
    [0, 5, false, 1, 0.2],
    [-3, 5, false, 1, 0.2],
    [Number.NaN, 5, true, 1, 1],
  ])('largest %d in ≤ %i steps (whole numbers: %s): axis to %d by %d', (v, n, whole, max, step) => {
    const scale = axisScale(v, n, whole);
    expect([scale.max, scale.step]).toEqual([max, step]);
    expect(scale.ticks[0]).toBe(0);
    expect(scale.ticks[scale.ticks.length - 1]).toBe(max);
    expect(scale.ticks.length - 1).toBeLessThanOrEqual(Math.max(n, 1));
    if (Number.isFinite(v) && v > 0) expect(max).toBeGreaterThanOrEqual(v);
  });

  it.each<[number, number, number, string]>([
    // rows, room left on this page, rows per page -> parts
    [5, 10, 30, '0-5'],
    [5, 5, 30, '0-5'],
    [40, 10, 30, '0-10 10-40'],
    [70, 10, 30, '0-10 10-40 40-70'],
    [40, 1, 30, '0-30 30-40'], // one bar alone at the foot of a page: start on the next
    [40, 0, 30, '0-30 30-40'],
    [40, -4, 30, '0-30 30-40'],
    [0, 10, 30, '0-0'],
  ])('%i bars with room for %i and %i per page: %s', (rows, room, per, parts) => {
    expect(
      chartParts(rows, room, per)
        .map((p) => `${p.from}-${p.to}`)
        .join(' '),
    ).toBe(parts);
  });
});
