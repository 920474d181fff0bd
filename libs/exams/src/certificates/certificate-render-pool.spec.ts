import type { AppConfig } from '@peixun/core';
import type { Worker } from 'node:worker_threads';
import { renderCertificate, type CertificateContent } from './certificate-pdf';
import { CertificateRenderPool } from './certificate-render-pool';

const content = (serial: string, name: string): CertificateContent => ({
  serial,
  holderName: name,
  idNumberMasked: '1101**********1234',
  projectTitle: '东城区社区工作者岗位培训',
  typeLabel: '岗位培训',
  halfHours: 80,
  startDate: '2026-10-12',
  endDate: '2026-10-16',
  institutionName: '北京社区工作者培训学院',
  issuers: ['北京市民政局', '北京市人力资源和社会保障局'],
  issuedOn: '2026-11-02',
  year: 2026,
  verifyUrl: `https://px.example.cn/v/${serial}?c=Ab3_x9Qz`,
  createdAt: new Date('2026-11-02T02:00:00Z'),
});

const poolOf = (renderThreads: number): CertificateRenderPool =>
  new CertificateRenderPool({
    documents: { renderThreads },
    shutdownTimeoutMs: 10_000,
  } as AppConfig);

describe('CertificateRenderPool', () => {
  jest.setTimeout(60_000);
  let pool: CertificateRenderPool;
  afterEach(async () => {
    await pool.close();
  });

  it('renders on its threads the same bytes as rendering inline', async () => {
    pool = poolOf(2);
    const inputs = [1, 2, 3, 4, 5].map((i) => content(`BJPX-2026-00000${i}`, `学员${i}`));
    const pooled = await Promise.all(inputs.map((c) => pool.render(c)));
    expect(pool.threads).toBe(2);
    for (const [i, c] of inputs.entries()) {
      const inline = await renderCertificate(c);
      expect(Buffer.isBuffer(pooled[i])).toBe(true);
      expect(pooled[i].equals(inline)).toBe(true);
    }
  });

  it('a render that throws in a thread fails with its error; the pool goes on', async () => {
    pool = poolOf(1);
    const bad = { ...content('BJPX-2026-000009', '错误'), issuers: null } as never;
    await expect(pool.render(bad)).rejects.toThrow(/join/);
    const good = content('BJPX-2026-000010', '张三');
    expect((await pool.render(good)).equals(await renderCertificate(good))).toBe(true);
  });

  it('a thread that dies fails its render and is replaced', async () => {
    pool = poolOf(1);
    const c = content('BJPX-2026-000011', '李四');
    await pool.render(c); // started and warm
    const first = (pool as unknown as { slots: { thread: Worker }[] }).slots[0].thread;
    const pending = pool.render(c);
    await first.terminate();
    await expect(pending).rejects.toThrow(/render thread exited/);
    expect((await pool.render(c)).equals(await renderCertificate(c))).toBe(true);
    expect(pool.threads).toBe(1);
  });

  it('shutdown lets the render in progress finish, stops the threads, then renders inline', async () => {
    pool = poolOf(2);
    const c = content('BJPX-2026-000012', '王五');
    await pool.render(c);
    const threads = (pool as unknown as { slots: { thread: Worker }[] }).slots.map((s) => s.thread);
    const exited = threads.map((t) => new Promise((r) => t.once('exit', r)));
    const inFlight = pool.render(c);
    await pool.onApplicationShutdown();
    expect((await inFlight).equals(await renderCertificate(c))).toBe(true);
    await Promise.all(exited);
    expect(pool.threads).toBe(0);
    expect((await pool.render(c)).equals(await renderCertificate(c))).toBe(true);
    expect(pool.threads).toBe(0);
  });

  it('RENDER_THREADS=0 renders inline and starts no thread', async () => {
    pool = poolOf(0);
    const c = content('BJPX-2026-000013', '赵六');
    expect((await pool.render(c)).equals(await renderCertificate(c))).toBe(true);
    expect(pool.threads).toBe(0);
  });
});
