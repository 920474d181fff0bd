/**
 * Pure layout arithmetic of the document builder (no PDFKit): column widths and how
 * columns that do not fit side by side are split into parts. Table-tested.
 */

/** A column's share of a table's width: fixed points, or a share of what the fixed ones leave. */
export interface ColumnSize {
  /** Width in points (1 pt = 1/72 in, 0.353 mm). */
  width?: number;
  /** Share of the width that the fixed columns leave (default 1 when `width` is not set). */
  flex?: number;
}

/**
 * Widths in points that add up to `total`: fixed columns keep their width, flexible ones share
 * the rest by their `flex`. When the fixed columns alone are wider than `total`, every column is
 * scaled down in proportion (flexible ones then get nothing left: give them a width too); fixed
 * columns alone that are narrower than `total` keep their widths.
 */
export function resolveColumnWidths(columns: readonly ColumnSize[], total: number): number[] {
  const fixed = columns.reduce((s, c) => s + (c.width ?? 0), 0);
  const flexSum = columns.reduce((s, c) => s + (c.width === undefined ? (c.flex ?? 1) : 0), 0);
  if (fixed >= total || flexSum === 0) {
    const scale = fixed > total ? total / fixed : 1;
    return columns.map((c) => (c.width ?? 0) * scale);
  }
  const rest = total - fixed;
  return columns.map((c) => c.width ?? (rest * (c.flex ?? 1)) / flexSum);
}

/** Index ranges `[from, to)` of one part each. */
export interface Part {
  from: number;
  to: number;
}

/**
 * `count` columns split into the fewest parts of at most `perPart` each, as even as possible
 * (12 columns with room for 8 make 6 + 6, not 8 + 4). No columns: one empty part.
 */
export function splitIntoParts(count: number, perPart: number): Part[] {
  if (count <= 0) return [{ from: 0, to: 0 }];
  const per = Math.max(1, Math.floor(perPart));
  const parts = Math.ceil(count / per);
  const base = Math.floor(count / parts);
  const extra = count % parts;
  const out: Part[] = [];
  let from = 0;
  for (let i = 0; i < parts; i++) {
    const to = from + base + (i < extra ? 1 : 0);
    out.push({ from, to });
    from = to;
  }
  return out;
}
