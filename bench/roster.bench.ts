/**
 * Roster benchmarks (issue 3): import of a 50,000-row .xlsx through the API and
 * the worker; a 10,000-row import with one bad row; paging through 50,000
 * workers with the keyset cursor (first page vs last page), against OFFSET.
 *
 *   npm run bench:roster            (embedded PostgreSQL, or DATABASE_URL; Redis as the app finds it)
 *   ROWS=20000 npm run bench:roster
 */
import ExcelJS from 'exceljs';
import request from 'supertest';
import type { App } from 'supertest/types';
import { Account, hashPassword } from '../libs/core/src';
import { makeIdNumber, OrgUnit, ROSTER_COLUMNS } from '../libs/org/src';
import { benchEnv, ms, pct } from './support/bench-env';

const ROWS = Number(process.env.ROWS ?? 50_000);
const PAGE = 100;

async function rosterXlsx(n: number, communities: string[], bad?: number): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('名册');
  sheet.addRow(ROSTER_COLUMNS.map((c) => c.header));
  const surnames = '王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗';
  for (let i = 0; i < n; i++) {
    // a distinct (birth date, sequence) per row: 20,000 birth dates from 1960, then the next sequence number
    const birth = new Date(Date.UTC(1960, 0, 1) + (i % 20_000) * 86_400_000)
      .toISOString()
      .slice(0, 10)
      .replace(/-/g, '');
    const id = makeIdNumber('110101', birth, Math.floor(i / 20_000));
    sheet.addRow([
      `${surnames[i % surnames.length]}${String(i).padStart(6, '0')}`,
      i === bad ? '110105194912310021' : id,
      null,
      null,
      '13900000000',
      communities[i % communities.length],
      null,
      '一般工作人员',
      '社区服务站工作人员',
      i % 3 ? '其他招录' : '全市统一公开招录',
      '2019-04-01',
      '无',
      null,
      null,
      '在职',
    ]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

async function waitJob(
  http: App,
  token: string,
  ref: { queue: string; jobId: string },
): Promise<Record<string, unknown>> {
  for (;;) {
    const res = await request(http)
      .get(`/api/v1/jobs/${ref.queue}/${ref.jobId}`)
      .set('Authorization', `Bearer ${token}`);
    if (res.body.state === 'completed' || res.body.state === 'failed')
      return res.body as Record<string, unknown>;
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function main(): Promise<void> {
  const env = await benchEnv({ worker: true, pgPort: 54369 });
  const { http, ds } = env;
  try {
    const units = ds.getRepository(OrgUnit);
    const city = await units.save({
      kind: 'municipality' as const,
      name: '北京市',
      code: '110000',
    });
    const district = await units.save({
      kind: 'district' as const,
      name: '基准区',
      parentId: city.id,
    });
    const communities: string[] = [];
    for (let s = 0; s < 2; s++) {
      const street = await units.save({
        kind: 'street' as const,
        name: `基准街道${s}`,
        parentId: district.id,
        districtId: district.id,
      });
      for (let c = 0; c < 5; c++) {
        const name = `基准社区${s}-${c}`;
        await units.save({
          kind: 'community' as const,
          name,
          parentId: street.id,
          districtId: district.id,
          streetId: street.id,
        });
        communities.push(name);
      }
    }
    await ds.getRepository(Account).save({
      username: 'bench.district',
      displayName: 'bench',
      role: 'district_admin',
      scopeOrgId: district.id,
      passwordHash: await hashPassword('Bench2026pass'),
    });
    const token = (
      await request(http)
        .post('/api/v1/auth/login')
        .send({ username: 'bench.district', password: 'Bench2026pass' })
    ).body.accessToken as string;

    let t0 = process.hrtime.bigint();
    const file = await rosterXlsx(ROWS, communities);
    const genMs = ms(t0);

    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, process.memoryUsage().rss)), 50);
    t0 = process.hrtime.bigint();
    const up = await request(http)
      .post('/api/v1/rosters/imports')
      .set('Authorization', `Bearer ${token}`)
      .attach('file', file, 'bench.xlsx');
    if (up.status !== 202)
      throw new Error(`upload: ${up.status} ${JSON.stringify(up.body).slice(0, 300)}`);
    await waitJob(http, token, up.body);
    const importMs = ms(t0);
    clearInterval(sampler);
    const status = (
      await request(http)
        .get(`/api/v1/rosters/imports/${up.body.id}`)
        .set('Authorization', `Bearer ${token}`)
    ).body;
    if (status.status !== 'completed' || status.created !== ROWS)
      throw new Error(`import: ${JSON.stringify(status).slice(0, 300)}`);

    t0 = process.hrtime.bigint();
    const again = await request(http)
      .post('/api/v1/rosters/imports')
      .set('Authorization', `Bearer ${token}`)
      .attach('file', file, 'bench.xlsx');
    await waitJob(http, token, again.body);
    const reimportMs = ms(t0);
    const status2 = (
      await request(http)
        .get(`/api/v1/rosters/imports/${again.body.id}`)
        .set('Authorization', `Bearer ${token}`)
    ).body;

    const badFile = await rosterXlsx(10_000, communities, 7_777);
    t0 = process.hrtime.bigint();
    const bad = await request(http)
      .post('/api/v1/rosters/imports')
      .set('Authorization', `Bearer ${token}`)
      .attach('file', badFile, 'bad.xlsx');
    await waitJob(http, token, bad.body);
    const badMs = ms(t0);
    const badStatus = (
      await request(http)
        .get(`/api/v1/rosters/imports/${bad.body.id}`)
        .set('Authorization', `Bearer ${token}`)
    ).body;

    // keyset paging through everything
    const times: number[] = [];
    let cursor: string | null = null;
    let seen = 0;
    do {
      t0 = process.hrtime.bigint();
      const res: request.Response = await request(http)
        .get('/api/v1/workers')
        .query({ limit: PAGE, ...(cursor ? { cursor } : {}) })
        .set('Authorization', `Bearer ${token}`);
      times.push(ms(t0));
      seen += (res.body.items as unknown[]).length;
      cursor = res.body.nextCursor as string | null;
    } while (cursor);
    const lastFive = times.slice(-5);
    const firstFive = times.slice(0, 5);

    // the same last page with OFFSET, for comparison (SQL only)
    const offsetSql = `select * from worker where district_id = $1 order by name, id offset $2 limit ${PAGE}`;
    const offsetTimes: Record<string, number> = {};
    for (const offset of [0, ROWS - PAGE]) {
      const samples: number[] = [];
      for (let i = 0; i < 5; i++) {
        t0 = process.hrtime.bigint();
        await ds.query(offsetSql, [district.id, offset]);
        samples.push(ms(t0));
      }
      offsetTimes[offset === 0 ? 'first' : 'last'] = pct(samples, 0.5);
    }

    const lines = [
      `roster benchmark (${ROWS} rows, district admin, API + worker in one process)`,
      `  generate .xlsx: ${genMs.toFixed(0)} ms, ${(file.length / 1e6).toFixed(1)} MB`,
      `  import ${ROWS} new rows (upload → job completed): ${importMs.toFixed(0)} ms = ${Math.round(ROWS / (importMs / 1000))} rows/s; process RSS peak +${Math.round((rssPeak - rssBefore) / 1e6)} MB`,
      `  re-import same file (all updates): ${reimportMs.toFixed(0)} ms (created ${status2.created}, updated ${status2.updated})`,
      `  10,000 rows with one bad row: ${badMs.toFixed(0)} ms → ${badStatus.status}, ${badStatus.errorCount} error: row ${badStatus.errors?.[0]?.row} ${badStatus.errors?.[0]?.column}`,
      `  keyset paging, ${PAGE}/page, ${times.length} pages, ${seen} workers: first 5 pages median ${pct(firstFive, 0.5).toFixed(1)} ms, last 5 pages median ${pct(lastFive, 0.5).toFixed(1)} ms, all pages p50 ${pct(times, 0.5).toFixed(1)} / p95 ${pct(times, 0.95).toFixed(1)} ms`,
      `  OFFSET for comparison (SQL only): first page ${offsetTimes.first.toFixed(1)} ms, last page ${offsetTimes.last.toFixed(1)} ms`,
    ];
    console.log(lines.join('\n'));
  } finally {
    await env.close();
  }
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
