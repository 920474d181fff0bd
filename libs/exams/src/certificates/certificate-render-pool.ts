import { Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { AppConfig } from '@peixun/core';
import { extname, join } from 'node:path';
import { Worker } from 'node:worker_threads';
import { renderCertificate, type CertificateContent } from './certificate-pdf';
import type { RenderReply, RenderRequest } from './certificate-render.thread';

interface Task {
  id: number;
  content: CertificateContent;
  resolve: (pdf: Buffer) => void;
  reject: (err: Error) => void;
}
interface Slot {
  thread: Worker;
  task?: Task;
  /** Settles once the thread has loaded and parsed its fonts (or is gone). */
  ready: Promise<void>;
}

/** The thread's entry beside this file: `.js` in production (dist), `.ts` in dev and tests. */
const ENTRY = join(__dirname, `certificate-render.thread${extname(__filename)}`);

/**
 * Renders certificates on a pool of `worker_threads` (RENDER_THREADS, default: one per CPU;
 * 0: in the calling thread), so that the worker process's main thread keeps the database and
 * queue work while PDFKit runs on the other cores. The job hands over the content (plain data)
 * and gets the bytes back: the same bytes as rendering inline (deterministic). The threads
 * start with the worker process (start(), each parsing the fonts before the first job) or on
 * the first render — an API process never starts them; they keep the process alive only while
 * they render, and a thread that dies is replaced (its render fails with the error). On
 * shutdown the pool lets the renders in progress finish, stops its threads, and renders
 * inline after that.
 */
@Injectable()
export class CertificateRenderPool implements OnApplicationShutdown {
  private readonly logger = new Logger('CertificateRenderPool');
  private readonly size: number;
  private readonly slots: Slot[] = [];
  private readonly queue: Task[] = [];
  private nextId = 1;
  private closed = false;

  constructor(private readonly config: AppConfig) {
    this.size = config.documents.renderThreads;
  }

  /** Threads running now (0 before the first render and after shutdown). */
  get threads(): number {
    return this.slots.length;
  }

  /**
   * Starts the threads now (the worker process, at boot: each parses the fonts before the
   * first job); otherwise the first render does.
   */
  async start(): Promise<void> {
    if (this.closed) return;
    while (this.slots.length < this.size) this.slots.push(this.spawn());
    await Promise.all(this.slots.map((s) => s.ready));
  }

  render(content: CertificateContent): Promise<Buffer> {
    if (this.size === 0 || this.closed) return renderCertificate(content);
    while (this.slots.length < this.size) this.slots.push(this.spawn());
    return new Promise<Buffer>((resolve, reject) => {
      this.queue.push({ id: this.nextId++, content, resolve, reject });
      this.pump();
    });
  }

  private spawn(): Slot {
    const ts = ENTRY.endsWith('.ts');
    const thread = new Worker(ENTRY, {
      // dev and Jest run the sources: the thread compiles them as the process does
      execArgv: ts ? ['-r', '@swc-node/register'] : [],
      stdout: false,
      stderr: false,
    });
    thread.unref();
    let ready = (): void => undefined;
    const slot: Slot = { thread, ready: new Promise<void>((r) => (ready = r)) };
    thread.on('message', (m: RenderReply) => {
      if ('ready' in m) return ready();
      const task = slot.task;
      if (!task || task.id !== m.id) return;
      slot.task = undefined;
      thread.unref();
      if ('pdf' in m) task.resolve(Buffer.from(m.pdf.buffer, m.pdf.byteOffset, m.pdf.byteLength));
      else task.reject(Object.assign(new Error(m.error.message), m.error));
      this.pump();
    });
    const lost = (err: Error): void => {
      ready();
      const i = this.slots.indexOf(slot);
      if (i < 0) return;
      this.slots.splice(i, 1);
      const task = slot.task;
      slot.task = undefined;
      if (task) task.reject(err);
      if (this.closed) return;
      this.logger.warn(`render thread lost (${err.message}); starting another`);
      this.slots.push(this.spawn());
      this.pump();
    };
    thread.on('error', lost);
    thread.on('exit', (code) =>
      lost(new Error(`证书渲染线程已退出 (render thread exited, code ${code})`)),
    );
    return slot;
  }

  private pump(): void {
    for (const slot of this.slots) {
      if (slot.task || !this.queue.length) continue;
      const task = this.queue.shift()!;
      slot.task = task;
      slot.thread.ref(); // a render in progress keeps the process alive
      slot.thread.postMessage({ id: task.id, content: task.content } satisfies RenderRequest);
    }
  }

  /** Lets the renders in progress finish (up to SHUTDOWN_TIMEOUT_MS) and stops the threads. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // not started yet: rendered here (the process is still finishing its jobs)
    for (const task of this.queue.splice(0))
      renderCertificate(task.content).then(task.resolve, task.reject);
    const busy = this.slots
      .filter((s) => s.task)
      .map(
        (s) =>
          new Promise<void>((r) => {
            const t = s.task!;
            const { resolve, reject } = t;
            t.resolve = (pdf) => (resolve(pdf), r());
            t.reject = (err) => (reject(err), r());
          }),
      );
    if (busy.length) {
      await Promise.race([
        Promise.all(busy),
        new Promise((r) => setTimeout(r, this.config.shutdownTimeoutMs).unref()),
      ]);
    }
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((s) => s.thread.terminate()));
    for (const s of slots) s.task?.reject(new Error('证书渲染线程已停止 (render pool closed)'));
  }

  async onApplicationShutdown(): Promise<void> {
    await this.close();
  }
}
