/** Display width of a string in a terminal (CJK characters take two columns). */
function width(s: string): number {
  let w = 0;
  for (const ch of s)
    w +=
      /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(
        ch,
      )
        ? 2
        : 1;
  return w;
}

/** A boxed text table, aligned for CJK text. */
export function textTable(headers: string[], rows: string[][]): string {
  const widths = headers.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (l: string, m: string, r: string): string =>
    `${l}${widths.map((w) => '─'.repeat(w + 2)).join(m)}${r}`;
  const row = (cells: string[]): string =>
    `│${cells.map((c, i) => ` ${c}${' '.repeat(widths[i] - width(c))} `).join('│')}│`;
  return [
    line('┌', '┬', '┐'),
    row(headers),
    line('├', '┼', '┤'),
    ...rows.map(row),
    line('└', '┴', '┘'),
  ].join('\n');
}
