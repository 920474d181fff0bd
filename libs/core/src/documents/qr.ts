import { create, type QRCodeErrorCorrectionLevel } from 'qrcode';

/** A horizontal run of dark modules in one row of a QR symbol. */
export interface QrRun {
  row: number;
  col: number;
  length: number;
}

/** A QR symbol as runs of dark modules, to be drawn as vector rectangles (no bitmap). */
export interface QrRuns {
  /** Modules per side (21 for version 1, +4 per version). */
  size: number;
  runs: QrRun[];
}

/**
 * The QR code of `text` (the `qrcode` package's matrix) as horizontal runs of dark modules:
 * a few hundred rectangles instead of one per module.
 */
export function qrRuns(
  text: string,
  errorCorrectionLevel: QRCodeErrorCorrectionLevel = 'M',
): QrRuns {
  const { modules } = create(text, { errorCorrectionLevel });
  const { size } = modules;
  const runs: QrRun[] = [];
  for (let row = 0; row < size; row++) {
    let start = -1;
    for (let col = 0; col <= size; col++) {
      const dark = col < size && modules.get(row, col) === 1;
      if (dark && start < 0) start = col;
      if (!dark && start >= 0) {
        runs.push({ row, col: start, length: col - start });
        start = -1;
      }
    }
  }
  return { size, runs };
}
