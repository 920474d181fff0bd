import { create } from 'qrcode';
import { qrRuns } from './qr';

describe('QR code as vector runs', () => {
  it.each([
    'https://peixun.example.cn/classes/3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b',
    'https://x.cn/c/1',
    '培训通知 2026',
  ])('the runs of %j cover exactly the dark modules of the qrcode matrix', (text) => {
    const { modules } = create(text, { errorCorrectionLevel: 'M' });
    const { size, runs } = qrRuns(text);
    expect(size).toBe(modules.size);
    const drawn = new Uint8Array(size * size);
    for (const r of runs) {
      expect(r.length).toBeGreaterThan(0);
      for (let c = r.col; c < r.col + r.length; c++) {
        expect(drawn[r.row * size + c]).toBe(0); // no overlaps
        drawn[r.row * size + c] = 1;
      }
      // runs are maximal: the modules either side are light
      if (r.col > 0) expect(modules.get(r.row, r.col - 1)).toBe(0);
      if (r.col + r.length < size) expect(modules.get(r.row, r.col + r.length)).toBe(0);
    }
    for (let row = 0; row < size; row++)
      for (let col = 0; col < size; col++)
        expect(drawn[row * size + col]).toBe(modules.get(row, col) ? 1 : 0);
    // fewer rectangles than dark modules
    const dark = Array.from(modules.data).filter(Boolean).length;
    expect(runs.length).toBeLessThan(dark);
  });
});
