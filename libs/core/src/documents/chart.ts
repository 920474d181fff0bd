/**
 * Pure arithmetic of the documents' bar charts (no PDFKit): a readable axis scale and how the
 * bars of a chart are split over pages. Table-tested; drawn by PdfDocumentBuilder.barChart.
 */

/** An axis from 0 to `max` in steps of `step` (1, 2 or 5 times a power of ten). */
export interface AxisScale {
  max: number;
  step: number;
  ticks: number[];
}

/**
 * The scale of an axis that shows values up to `largest` with at most `maxTicks` steps: the
 * smallest step of 1, 2, 2.5 or 5 × 10ⁿ that needs no more steps, and the axis ends at the first
 * tick at or above the largest value. Nothing to show (0, negative, not a number): 0 to 1.
 * Whole-number data (counts) never gets steps below 1.
 */
export function axisScale(largest: number, maxTicks = 5, wholeNumbers = false): AxisScale {
  const top = Number.isFinite(largest) && largest > 0 ? largest : 1;
  const ticks = Math.max(1, Math.floor(maxTicks));
  const raw = top / ticks;
  const power = 10 ** Math.floor(Math.log10(raw));
  let step = power * 10;
  for (const m of [1, 2, 2.5, 5, 10]) {
    if (power * m >= raw - 1e-9) {
      step = power * m;
      break;
    }
  }
  if (wholeNumbers) step = Math.max(1, Math.ceil(step));
  const count = Math.max(1, Math.ceil(top / step - 1e-9));
  const round = (v: number): number => Number(v.toPrecision(12));
  return {
    max: round(step * count),
    step: round(step),
    ticks: Array.from({ length: count + 1 }, (_, i) => round(step * i)),
  };
}

/**
 * Rows `[from, to)` of a chart that do not all fit on one page: the first part takes what fits
 * in the room left on the current page (`firstRoom` rows; 0: start on a new page), every later
 * part up to `perPage` rows. A part never has fewer than `minRows` rows unless it is the only
 * one (a lone bar at the foot of a page goes to the next one with its neighbours).
 */
export function chartParts(
  rows: number,
  firstRoom: number,
  perPage: number,
  minRows = 2,
): { from: number; to: number }[] {
  const per = Math.max(1, Math.floor(perPage));
  const parts: { from: number; to: number }[] = [];
  let from = 0;
  let room = Math.floor(firstRoom);
  if (rows <= room) return [{ from: 0, to: rows }];
  if (room < Math.min(minRows, rows)) room = 0;
  if (room > 0) {
    parts.push({ from: 0, to: room });
    from = room;
  }
  while (from < rows) {
    const to = Math.min(rows, from + per);
    parts.push({ from, to });
    from = to;
  }
  return parts;
}
