import { definePDFJSModule, extractText } from 'unpdf';

/** Reading PDFs back in tests (dev dependency unpdf, pdf.js inside); not part of the API. */

let ready: Promise<void> | undefined;

/** The text of each page, as pdf.js extracts it (what a reader's search and copy see). */
export async function pdfPageTexts(pdf: Buffer): Promise<string[]> {
  // Jest maps this to pdf.js's ES module and compiles it to CommonJS (jest.config.js)
  const pdfjs = 'unpdf/pdfjs';
  ready ??= definePDFJSModule(() => import(pdfjs));
  await ready;
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: false });
  return text;
}

/** Whether the file holds a raster image (an image XObject; PDFKit writes no inline images). */
export function pdfHasImages(pdf: Buffer): boolean {
  return /\/Subtype\s*\/Image/.test(pdf.toString('latin1'));
}

/** Occurrences of `needle` in `haystack`. */
export function count(haystack: string, needle: string): number {
  return haystack.split(needle).length - 1;
}
