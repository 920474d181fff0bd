import { parentPort } from 'node:worker_threads';
import { documentFonts } from '@peixun/core/documents';
import { renderCertificate, type CertificateContent } from './certificate-pdf';

/**
 * A render thread of CertificateRenderPool: takes certificate content (plain data), answers
 * with the PDF's bytes or the error the render threw. Fonts are parsed once per thread.
 */
export interface RenderRequest {
  id: number;
  content: CertificateContent;
}
export type RenderReply =
  | { ready: true }
  | { id: number; pdf: Uint8Array }
  | { id: number; error: { name: string; message: string; stack?: string } };

documentFonts(); // parsed once, before the first request

const port = parentPort;
port?.postMessage({ ready: true } satisfies RenderReply);
port?.on('message', (m: RenderRequest) => {
  renderCertificate(m.content).then(
    (pdf) => {
      // its own memory (not a slice of a shared pool), handed over without a copy
      const own = pdf.byteLength === pdf.buffer.byteLength ? pdf : Buffer.from(pdf);
      port.postMessage({ id: m.id, pdf: own } satisfies RenderReply, [own.buffer]);
    },
    (err: unknown) => {
      const e = err instanceof Error ? err : new Error(String(err));
      port.postMessage({
        id: m.id,
        error: { name: e.name, message: e.message, stack: e.stack },
      } satisfies RenderReply);
    },
  );
});
