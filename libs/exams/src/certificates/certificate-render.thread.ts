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
/**
 * Certificates rendered and dropped before the thread says it is ready. V8 compiles the hot
 * code of layout, subsetting and compression after some dozens of calls, on helper threads
 * that share the cores with the renders: done at boot, not during the first bulk issue (each
 * thread is its own isolate and compiles for itself). Also fills the shaped-text cache.
 */
const WARM_UP_RENDERS = 40;
async function warmUp(): Promise<void> {
  for (let i = 0; i < WARM_UP_RENDERS; i++) {
    await renderCertificate({
      serial: `BJPX-2000-${String(i).padStart(6, '0')}`,
      holderName: ['张三', '李四', '王五', '赵六'][i % 4],
      idNumberMasked: '1101**********0000',
      projectTitle: '社区工作者岗位培训',
      typeLabel: '岗位培训',
      halfHours: 80 + i,
      startDate: '2000-01-01',
      endDate: '2000-01-05',
      institutionName: '培训学院',
      issuers: ['市民政局', '市人力资源和社会保障局'],
      issuedOn: '2000-01-06',
      year: 2000,
      verifyUrl: `https://example.invalid/v/BJPX-2000-${String(i).padStart(6, '0')}?c=warmup`,
      createdAt: new Date(0),
    });
  }
}
warmUp()
  .catch(() => undefined) // a failed warm-up leaves the thread as it would be without one
  .finally(() => port?.postMessage({ ready: true } satisfies RenderReply));
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
