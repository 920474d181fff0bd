import { INestApplicationContext } from '@nestjs/common';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { AuditLog } from '@peixun/core';
import { OrgUnit, Worker, WorkerPostHistory } from '@peixun/org';
import { createWorkerApp } from '../apps/worker/src/bootstrap';
import { anAccount, anOrgTree, anOrgUnit, TEST_PASSWORD, TestOrg } from './factories/org.factory';
import { aRosterRow, rosterCsv, rosterXlsx } from './factories/roster.factory';
import { aWorker } from './factories/worker.factory';
import { bearer, bootApi, login, Session, TestApi } from './support/app';
import { byIdNumber, phoneOf } from './support/pii';
import { waitForJob } from './support/queues';

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void) => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('roster import and export', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: TestOrg;
  let streetA1: Session;
  let districtA: Session;
  let districtB: Session;
  let communityA1b: OrgUnit;

  const session = async (role: 'street_admin' | 'district_admin', unit: OrgUnit) =>
    login(
      api.http,
      (await anAccount().withRole(role).inOrg(unit).create(api.ds)).username,
      TEST_PASSWORD,
    );
  const upload = (s: Session, content: Buffer, name: string) =>
    request(api.http).post('/api/v1/rosters/imports').set(bearer(s)).attach('file', content, name);
  const countIn = (street: OrgUnit) =>
    api.ds.getRepository(Worker).countBy({ streetId: street.id });

  beforeAll(async () => {
    api = await bootApi();
    worker = await createWorkerApp();
    org = await anOrgTree(api.ds);
    communityA1b = await anOrgUnit(api.ds, 'community', '银闸社区', org.streetA1);
    await api.ds.getRepository(OrgUnit).update({ id: communityA1b.id }, { code: `C${Date.now()}` });
    communityA1b = await api.ds.getRepository(OrgUnit).findOneByOrFail({ id: communityA1b.id });
    streetA1 = await session('street_admin', org.streetA1);
    districtA = await session('district_admin', org.districtA);
    districtB = await session('district_admin', org.districtB);
  });
  afterAll(async () => {
    await worker.close();
    await api.close();
  });

  it('offers the template as .xlsx (with notes) and as UTF-8 .csv', async () => {
    const xlsx = await request(api.http)
      .get('/api/v1/rosters/template')
      .set(bearer(streetA1))
      .buffer(true)
      .parse(binary)
      .expect(200)
      .expect('content-type', /spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as Buffer);
    const headers = (wb.worksheets[0].getRow(1).values as string[]).slice(1);
    expect(headers).toEqual(
      expect.arrayContaining(['姓名*', '身份证号*', '所在社区', '岗位层级*', '进入方式*']),
    );
    expect(wb.worksheets[1].name).toBe('填写说明');
    const csv = await request(api.http)
      .get('/api/v1/rosters/template?format=csv')
      .set(bearer(streetA1))
      .expect(200);
    expect(csv.text.startsWith('\uFEFF姓名*,身份证号*')).toBe(true);
    await request(api.http)
      .get('/api/v1/rosters/template?format=pdf')
      .set(bearer(streetA1))
      .expect(400);
  });

  it('imports a small roster at once; a re-upload updates instead of duplicating and keeps history', async () => {
    const rows = [
      aRosterRow({ name: '周一', community: org.communityA1.name }),
      aRosterRow({
        name: '吴二',
        communityCode: communityA1b.code!,
        positionTier: '正职',
        post: '社区党组织书记',
      }),
      aRosterRow({
        name: '郑三',
        community: org.communityA1.name,
        qualification: '助理社会工作师',
        qualificationCertNo: 'Z-1',
        qualificationOn: '2020/5/6',
      }),
    ];
    const before = await countIn(org.streetA1);
    const first = await upload(streetA1, await rosterXlsx(rows), '东华门名册.xlsx').expect(200);
    expect(first.body).toMatchObject({
      status: 'completed',
      totalRows: 3,
      created: 3,
      updated: 0,
      errorCount: 0,
    });
    expect(await countIn(org.streetA1)).toBe(before + 3);
    const zheng = await api.ds
      .getRepository(Worker)
      .findOneByOrFail(byIdNumber(String(rows[2].idNumber)));
    expect(zheng).toMatchObject({
      qualification: 'assistant_social_worker',
      qualificationOn: '2020-05-06',
    });

    rows[0] = {
      ...rows[0],
      community: undefined,
      communityCode: communityA1b.code!,
      phone: '010-88886666',
    };
    const second = await upload(streetA1, rosterCsv(rows), 'again.csv').expect(200);
    expect(second.body).toMatchObject({ status: 'completed', created: 0, updated: 3 });
    expect(await countIn(org.streetA1)).toBe(before + 3);
    const zhou = await api.ds
      .getRepository(Worker)
      .findOneByOrFail(byIdNumber(String(rows[0].idNumber)));
    expect(zhou).toMatchObject({ communityId: communityA1b.id });
    expect(phoneOf(zhou)).toBe('010-88886666');
    const kinds = (await api.ds.getRepository(WorkerPostHistory).findBy({ workerId: zhou.id })).map(
      (h) => h.changeKind,
    );
    expect(kinds.sort()).toEqual(['initial', 'transfer']);
  });

  it('refuses a roster with bad rows, writes nothing, and names each row, column and reason', async () => {
    const outsider = await aWorker().inCommunity(org.communityB1).create(api.ds);
    const dup = aRosterRow({ community: org.communityA1.name });
    const rows = [
      aRosterRow({ community: org.communityA1.name }),
      aRosterRow({ community: org.communityA1.name, idNumber: '110105194912310021' }),
      dup,
      { ...aRosterRow({ community: org.communityA1.name }), idNumber: dup.idNumber },
      aRosterRow({ community: '不存在社区' }),
      aRosterRow({ community: org.communityA1.name, startedOn: '2019-02-30' }),
      aRosterRow({ community: org.communityA1.name, idNumber: Number('110101199003076632') }),
      aRosterRow({ community: org.communityA1.name, idNumber: outsider.idNumber }),
      aRosterRow({ community: org.communityA1.name, positionTier: '组长' }),
    ];
    const before = await countIn(org.streetA1);
    const res = await upload(streetA1, await rosterXlsx(rows), 'bad.xlsx').expect(422);
    expect(res.body.code).toBe('ROSTER_INVALID');
    const errors = res.body.details.errors as { row: number; column: string; reason: string }[];
    const at = (row: number) => errors.filter((e) => e.row === row).map((e) => e.column);
    expect(at(2)).toEqual([]);
    expect(at(3)).toEqual(['身份证号']);
    expect(at(5)).toEqual(['身份证号']);
    expect(errors.find((e) => e.row === 5)!.reason).toContain('第 4 行');
    expect(at(6)).toEqual(['所在社区']);
    expect(at(7)).toEqual(['社区工作起始日期']);
    expect(at(8)).toEqual(['身份证号']);
    expect(errors.find((e) => e.row === 8)!.reason).toContain('文本');
    expect(at(9)).toEqual(['身份证号']);
    // says that the person is registered, not where
    expect(errors.find((e) => e.row === 9)!.reason).toContain('已在本平台登记');
    expect(errors.find((e) => e.row === 9)!.reason).not.toContain(org.communityB1.name);
    expect(at(10)).toEqual(['岗位层级']);
    expect(await countIn(org.streetA1)).toBe(before);
    const status = await request(api.http)
      .get(`/api/v1/rosters/imports/${res.body.details.importId}`)
      .set(bearer(streetA1))
      .expect(200);
    expect(status.body).toMatchObject({ status: 'invalid', errorCount: errors.length, created: 0 });
  });

  it('refuses a file that is not a roster', async () => {
    const res = await upload(streetA1, Buffer.from('hello'), 'notes.txt').expect(400);
    expect(res.body.details[0].field).toBe('file');
    const headers = await upload(streetA1, Buffer.from('名字,号码\n张三,1\n'), 'x.csv').expect(422);
    expect(headers.body.details.errors[0].reason).toContain('缺少必需的列');
    await request(api.http).post('/api/v1/rosters/imports').set(bearer(streetA1)).expect(400);
  });

  it('a 10,000-row roster with one bad row goes to the worker, writes nothing and names the row', async () => {
    const rows = Array.from({ length: 10_000 }, () =>
      aRosterRow({ community: org.communityA2.name }),
    );
    rows[6789] = { ...rows[6789], startedOn: '二〇一九年' };
    const before = await countIn(org.streetA2);
    const res = await upload(districtA, await rosterXlsx(rows), 'big.xlsx').expect(202);
    expect(res.body).toMatchObject({
      queue: 'roster',
      jobId: `roster-import.${res.body.id}`,
      status: 'pending',
    });
    const job = await waitForJob(api.http, districtA, res.body, undefined, 120_000);
    expect(job.state).toBe('completed');
    const status = await request(api.http)
      .get(`/api/v1/rosters/imports/${res.body.id}`)
      .set(bearer(districtA))
      .expect(200);
    expect(status.body).toMatchObject({
      status: 'invalid',
      totalRows: 10_000,
      errorCount: 1,
      created: 0,
    });
    expect(status.body.errors).toEqual([
      { row: 6791, column: '社区工作起始日期', reason: expect.stringContaining('日期格式错误') },
    ]);
    expect(await countIn(org.streetA2)).toBe(before);
  });

  it('a large valid roster is imported by the worker; the export re-imports as is', async () => {
    const rows = Array.from({ length: 3_000 }, (_, i) =>
      aRosterRow({ community: i % 2 ? org.communityA2.name : org.communityA1.name }),
    );
    const res = await upload(districtA, rosterCsv(rows), 'big.csv').expect(202);
    await waitForJob(api.http, districtA, res.body, undefined, 120_000);
    const status = await request(api.http)
      .get(`/api/v1/rosters/imports/${res.body.id}`)
      .set(bearer(districtA))
      .expect(200);
    expect(status.body).toMatchObject({ status: 'completed', created: 3_000, updated: 0 });

    const inDistrict = await api.ds.getRepository(Worker).countBy({ districtId: org.districtA.id });
    const exp = await request(api.http)
      .post('/api/v1/rosters/exports')
      .set(bearer(districtA))
      .send({ format: 'xlsx' })
      .expect(202);
    await request(api.http)
      .get(`/api/v1/rosters/exports/${exp.body.id}/file`)
      .set(bearer(districtA))
      .expect((r) => {
        if (![200, 409].includes(r.status)) throw new Error(`unexpected ${r.status}`);
      });
    await waitForJob(api.http, districtA, exp.body, undefined, 120_000);
    const meta = await request(api.http)
      .get(`/api/v1/rosters/exports/${exp.body.id}`)
      .set(bearer(districtA))
      .expect(200);
    expect(meta.body).toMatchObject({ status: 'completed', totalRows: inDistrict });
    const file = await request(api.http)
      .get(`/api/v1/rosters/exports/${exp.body.id}/file`)
      .set(bearer(districtA))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file.body as Buffer);
    expect(wb.worksheets[0].rowCount).toBe(inDistrict + 1);

    // district B may neither see nor download it
    await request(api.http)
      .get(`/api/v1/rosters/exports/${exp.body.id}`)
      .set(bearer(districtB))
      .expect(404);
    await request(api.http)
      .get(`/api/v1/rosters/exports/${exp.body.id}/file`)
      .set(bearer(districtB))
      .expect(404);
    await request(api.http)
      .get(`/api/v1/rosters/imports/${res.body.id}`)
      .set(bearer(districtB))
      .expect(404);

    const again = await upload(districtA, file.body as Buffer, 'export.xlsx').expect(202);
    await waitForJob(api.http, districtA, again.body, undefined, 120_000);
    const round = await request(api.http)
      .get(`/api/v1/rosters/imports/${again.body.id}`)
      .set(bearer(districtA))
      .expect(200);
    expect(round.body.errors.slice(0, 3)).toEqual([]);
    expect(round.body).toMatchObject({ status: 'completed', created: 0, updated: inDistrict });
    expect(await api.ds.getRepository(Worker).countBy({ districtId: org.districtA.id })).toBe(
      inDistrict,
    );
  });

  it('an export filtered by ID number keeps the ID number masked in the audit log', async () => {
    const w = await aWorker().inCommunity(org.communityA1).create(api.ds);
    const exp = await request(api.http)
      .post('/api/v1/rosters/exports')
      .set(bearer(districtA))
      .send({ format: 'csv', idNumber: w.idNumber })
      .expect(202);
    await waitForJob(api.http, districtA, exp.body, undefined, 60_000);
    const file = await request(api.http)
      .get(`/api/v1/rosters/exports/${exp.body.id}/file`)
      .set(bearer(districtA))
      .expect(200);
    expect(file.text).toContain(w.idNumber);
    const entries = await api.ds.getRepository(AuditLog).findBy({ entityId: exp.body.id });
    expect(entries.map((e) => e.action).sort()).toEqual([
      'worker.roster_export_requested',
      'worker.roster_exported',
    ]);
    expect(JSON.stringify(entries.map((e) => e.data))).not.toContain(w.idNumber);
  });

  it('an export by district B holds none of district A', async () => {
    await aWorker().inCommunity(org.communityB1).create(api.ds);
    const exp = await request(api.http)
      .post('/api/v1/rosters/exports')
      .set(bearer(districtB))
      .send({ format: 'csv' })
      .expect(202);
    await waitForJob(api.http, districtB, exp.body, undefined, 60_000);
    const file = await request(api.http)
      .get(`/api/v1/rosters/exports/${exp.body.id}/file`)
      .set(bearer(districtB))
      .expect(200);
    const lines = file.text.trim().split(/\r\n/);
    expect(lines.length - 1).toBe(
      await api.ds.getRepository(Worker).countBy({ districtId: org.districtB.id }),
    );
    expect(file.text).not.toContain(org.communityA1.name);
  });
});
