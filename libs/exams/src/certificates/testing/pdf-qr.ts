import jsQR from 'jsqr';
import { definePDFJSModule, renderPageAsImage } from 'unpdf';

/** Reading a PDF's QR code back in tests (dev dependencies jsqr, @napi-rs/canvas); not part of the API. */

let ready: Promise<void> | undefined;

// pdf.js renders with ArrayBuffer.prototype.transferToFixedLength (ES2024, Node ≥ 21); on
// Node 20 a copy does the same for its use (the old buffer is not read again)
const proto = ArrayBuffer.prototype as ArrayBuffer & {
  transferToFixedLength?: (length?: number) => ArrayBuffer;
};
proto.transferToFixedLength ??= function (this: ArrayBuffer, length?: number): ArrayBuffer {
  const n = length ?? this.byteLength;
  const out = new ArrayBuffer(n);
  new Uint8Array(out).set(new Uint8Array(this, 0, Math.min(n, this.byteLength)));
  return out;
};

/** Renders the first page (pdf.js onto a canvas, 3× scale) and decodes the QR code on it. */
export async function decodeQrOfPdf(pdf: Buffer): Promise<string | null> {
  const pdfjs = 'unpdf/pdfjs';
  ready ??= definePDFJSModule(() => import(pdfjs));
  await ready;
  const canvas = await import('@napi-rs/canvas');
  const png = await renderPageAsImage(new Uint8Array(pdf), 1, {
    canvasImport: () => Promise.resolve(canvas),
    scale: 3,
  });
  const image = await canvas.loadImage(Buffer.from(png));
  const c = canvas.createCanvas(image.width, image.height);
  const ctx = c.getContext('2d');
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, image.width, image.height);
  ctx.drawImage(image, 0, 0);
  const { data, width, height } = ctx.getImageData(0, 0, image.width, image.height);
  return jsQR(new Uint8ClampedArray(data.buffer), width, height)?.data ?? null;
}
