import { FileStore } from '@peixun/core';
import { SAMPLES } from '@peixun/core/files/testing/samples';
import { AnnualPlan } from '@peixun/planning';
import ExcelJS from 'exceljs';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { anAccount, anOrgTree, TEST_PASSWORD } from './factories/org.factory';
import { bearer, bootApi, login, Session, TestApi } from './support/app';

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** The file store behind the API: what a replaced file leaves, what a refused one leaves. */
describe('file store over the API', () => {
  let api: TestApi;
  let municipal: Session;
  let files: FileStore;

  const reports = async (): Promise<string[]> => {
    const keys: string[] = [];
    for await (const k of files.list('plan-survey-report/')) keys.push(k);
    return keys.sort();
  };

  beforeAll(async () => {
    api = await bootApi();
    const org = await anOrgTree(api.ds);
    municipal = await login(
      api.http,
      (await anAccount().withRole('municipal_admin').inOrg(org.municipality).create(api.ds))
        .username,
      TEST_PASSWORD,
    );
    files = api.app.get(FileStore);
  });
  afterAll(async () => {
    await api.close();
  });

  it('is the configured per-run directory, and writable', async () => {
    expect(api.config.files).toEqual({ backend: 'local', dir: process.env.FILE_STORE_DIR });
    await expect(files.probe()).resolves.toMatchObject({ ok: true, backend: 'local' });
  });

  it('replacing the survey report deletes the old file after the change; refused uploads leave nothing', async () => {
    const plan = await request(api.http)
      .post('/api/v1/annual-plans')
      .set(bearer(municipal))
      .send({ year: 2060 + Math.floor(Math.random() * 9), title: '文件存储测试计划' })
      .expect(201);
    const put = (bytes: Buffer, name: string) =>
      request(api.http)
        .put(`/api/v1/annual-plans/${plan.body.id}/survey-report`)
        .set(bearer(municipal))
        .attach('file', bytes, name);
    const row = () =>
      api.ds.getRepository(AnnualPlan).findOneByOrFail({ id: plan.body.id as string });
    const download = () =>
      request(api.http)
        .get(`/api/v1/annual-plans/${plan.body.id}/survey-report`)
        .set(bearer(municipal))
        .buffer(true)
        .parse(binary)
        .expect(200);
    const before = await reports();

    await put(SAMPLES.pdf, '需求调查报告.pdf').expect(200);
    const first = await row();
    expect(first).toMatchObject({
      surveyReportSha256: createHash('sha256').update(SAMPLES.pdf).digest('hex'),
      surveyReportSize: SAMPLES.pdf.length,
      surveyReportMime: 'application/pdf',
    });
    const pdf = await download();
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect((pdf.body as Buffer).equals(SAMPLES.pdf)).toBe(true);

    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('汇总').addRow(['项目', '人数']);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    await put(xlsx, '需求调查汇总.xlsx').expect(200);
    const second = await row();
    expect(second.surveyReportMime).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    await expect(files.exists(first.surveyReportKey!)).resolves.toBe(false);
    expect(await reports()).toEqual([...before, second.surveyReportKey!].sort());
    const sheet = await download();
    expect(sheet.headers['content-length']).toBe(String(xlsx.length));
    expect((sheet.body as Buffer).equals(xlsx)).toBe(true);

    // an executable named .xls, and a file over the kind's 20 MB: refused, nothing stored, report unchanged
    const exe = await put(SAMPLES.exe, '汇总.xls').expect(415);
    expect(exe.body).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      details: { detected: 'exe' },
    });
    const huge = Buffer.alloc(20 * 1024 * 1024 + 1);
    SAMPLES.pdf.copy(huge);
    const tooBig = await put(huge, '报告.pdf').expect(413);
    expect(tooBig.body.message).toContain('20 MB');
    expect(await reports()).toEqual([...before, second.surveyReportKey!].sort());
    expect((await row()).surveyReportKey).toBe(second.surveyReportKey);

    // Excel 97-2003 (an OLE compound file) is told from Word by its name
    await put(SAMPLES.cfb, '旧版汇总.xls').expect(200);
    expect((await row()).surveyReportMime).toBe('application/vnd.ms-excel');
  });
});
