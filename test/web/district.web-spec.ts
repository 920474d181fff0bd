import { INestApplicationContext } from '@nestjs/common';
import { localYear } from '@peixun/core';
import ExcelJS from 'exceljs';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { createWorkerApp } from '../../apps/worker/src/bootstrap';
import { aFiledInstitution } from '../factories/class.factory';
import { aFinishedClass } from '../factories/finished-class.factory';
import { anAccount, anOrgTree, TestOrg } from '../factories/org.factory';
import { aWorker, TestWorker } from '../factories/worker.factory';
import { bearer, Session } from '../support/app';
import { aPassedExam, issuedCertificates } from '../support/issued-certificates';
import { waitForJob } from '../support/queues';
import { signInAs } from '../support/sessions';
import {
  bootWebApi,
  launchBrowser,
  newContext,
  screenshot,
  seriousA11yViolations,
  signIn,
  WebTestApi,
} from './playwright/browser';

const YEAR = localYear(new Date(), 'Asia/Shanghai');

describe('web app in a browser: the worker file, the annual assessment and the training report', () => {
  let api: WebTestApi;
  let jobs: INestApplicationContext;
  let browser: Browser;
  let org: TestOrg;
  let staff: Session;

  beforeAll(async () => {
    api = await bootWebApi();
    jobs = await createWorkerApp();
    browser = await launchBrowser();
    org = await anOrgTree(api.ds);
    // the test tree's district B is Haidian (its division code), where Haidian's layer applies:
    // no training or no exam in the year → not 优秀
    await api.ds.query(`update org_unit set code = null where code = '110108'`);
    await api.ds.query(`update org_unit set code = '110108' where id = $1`, [org.districtB.id]);
    await aFiledInstitution(api.ds, org.institution.id);
    staff = await signInAs(api, 'institution_staff', org.institution);
  }, 180_000);
  afterAll(async () => {
    // the division code is unique: leave it free for whatever runs later in this database
    await api?.ds.query(`update org_unit set code = null where id = $1`, [org.districtB.id]);
    await browser?.close();
    await jobs?.close();
    await api?.close();
  });

  const signedIn = async (
    role: 'district_admin' | 'street_admin',
    unit: TestOrg[keyof TestOrg],
  ): Promise<Page> => {
    const account = await anAccount().withRole(role).inOrg(unit).create(api.ds);
    const context = await newContext(browser, api.baseUrl);
    const page = await context.newPage();
    await page.goto('/login');
    await signIn(page, account.username);
    return page;
  };

  /** The real recomputation of a district's records (the job, run by the worker process). */
  const recompute = async (district: TestOrg['districtA']): Promise<void> => {
    const admin = await signInAs(api, 'district_admin', district);
    const res = await request(api.http)
      .post('/api/v1/training-records/recompute')
      .set(bearer(admin))
      .send({ year: YEAR })
      .expect(202);
    const done = await waitForJob(api.http, admin, res.body);
    expect(done.state).toBe('completed');
  };

  const downloaded = async (page: Page, click: () => Promise<void>): Promise<Buffer> => {
    const [dl] = await Promise.all([page.waitForEvent('download'), click()]);
    return readFileSync(await dl.path());
  };

  let trained: TestWorker;

  it('a district admin opens a worker’s file from the list: the year’s hours, exam and certificate, which downloads as a PDF', async () => {
    // a finished post class (2 sessions of 4 class hours each), its exam passed, the certificate issued
    const issued = await issuedCertificates(api, org, staff, 1);
    trained = issued.cls.trainees[0].worker;
    const [cert] = await api.ds.query<{ id: string; serial: string; sha256: string }[]>(
      `select id, serial, file_sha256 as sha256 from certificate where worker_id = $1`,
      [trained.id],
    );
    await recompute(org.districtA);
    const [{ record }] = await api.ds.query(
      `select record from training_record where worker_id = $1 and year = $2`,
      [trained.id, YEAR],
    );
    expect(record.totalHalfHours).toBe(16);

    const page = await signedIn('district_admin', org.districtA);
    await page.getByLabel('姓名').fill(trained.name);
    await page.getByLabel('姓名').press('Enter');
    await page.getByRole('link', { name: trained.name }).click();
    await page.waitForURL(`**/d/workers/${trained.id}`);
    await page.getByRole('heading', { name: `${trained.name} · 档案` }).waitFor();
    // personal data as the API gives it to this admin
    const asApi = await request(api.http)
      .get(`/api/v1/workers/${trained.id}`)
      .set(bearer(await signInAs(api, 'district_admin', org.districtA)))
      .expect(200);
    await page.getByText(asApi.body.idNumber, { exact: true }).waitFor();

    const hours = page.getByRole('table', { name: '分类学时' });
    const postRow = hours.locator('tr', { hasText: '岗位培训' });
    await postRow.waitFor();
    expect(await postRow.locator('td').allTextContents()).toEqual(['岗位培训', '1', '8', '40']);
    await page.getByText('8 学时', { exact: true }).waitFor();
    const examRow = page.getByRole('table', { name: '考试' }).locator('tbody tr').first();
    await examRow.getByText('88 分').waitFor();
    await examRow.getByText('合格', { exact: true }).waitFor();
    await page
      .getByText(/岗位培训.*未达标|未达标.*岗位培训/)
      .first()
      .waitFor();

    const certRow = page.locator('tr', { hasText: cert.serial });
    await certRow.waitFor();
    await screenshot(page, 'district-worker-file');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const pdf = await downloaded(page, () =>
      certRow.getByRole('button', { name: `下载 PDF ${cert.serial}` }).click(),
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { createHash } = await import('node:crypto');
    expect(createHash('sha256').update(pdf).digest('hex')).toBe(cert.sha256);
    await page.context().close();
  });

  it('a street admin finds 优秀 disabled with the reason, records an allowed grade; the district permits 优秀 with a reason, then the street records it', async () => {
    const untrained = await aWorker().inCommunity(org.communityB1).named('甲未训').create(api.ds);
    await recompute(org.districtB);
    // a worker whose record is not computed yet: the API judges the grade when it is saved
    const fresh = await aWorker().inCommunity(org.communityB1).named('乙新入').create(api.ds);

    const street = await signedIn('street_admin', org.streetB1);
    await street.getByRole('navigation').getByRole('link', { name: '年度考核' }).click();
    await street.waitForURL('**/d/assessment');
    const row = street.locator('tr', { hasText: untrained.name });
    const radio = (name: string) => row.getByRole('radio', { name, exact: true });
    await radio('优秀').waitFor({ state: 'attached' });
    expect(await radio('优秀').isDisabled()).toBe(true);
    expect(await radio('合格').isDisabled()).toBe(false);
    await row.getByText(`不得评为优秀：${YEAR} 年未参加培训；`).waitFor();
    await row.getByText(/未参加培训考试/).waitFor();
    await screenshot(street, 'district-assessment');
    expect(await seriousA11yViolations(street)).toEqual([]);

    await row.getByText('合格', { exact: true }).click();
    await row.getByRole('button', { name: `保存等次 ${untrained.name}` }).click();
    await row.getByText('已评：合格').waitFor();
    const grade = async (workerId: string): Promise<string | undefined> =>
      (
        await api.ds.query<{ grade: string }[]>(
          `select grade from worker_assessment where worker_id = $1 and year = $2`,
          [workerId, YEAR],
        )
      )[0]?.grade;
    expect(await grade(untrained.id)).toBe('competent');

    // the API's refusal is shown next to its row
    const freshRow = street.locator('tr', { hasText: fresh.name });
    await freshRow.getByText('记录尚未生成').waitFor();
    await freshRow.getByText('优秀', { exact: true }).click();
    await freshRow.getByRole('button', { name: `保存等次 ${fresh.name}` }).click();
    await freshRow
      .getByRole('alert')
      .getByText(/年度培训记录不允许评为优秀/)
      .waitFor();
    expect(await grade(fresh.id)).toBeUndefined();

    // the district permits 优秀 with a written reason
    const district = await signedIn('district_admin', org.districtB);
    await district.getByRole('navigation').getByRole('link', { name: '年度考核' }).click();
    const dRow = district.locator('tr', { hasText: untrained.name });
    await dRow.getByRole('button', { name: `书面准予 ${untrained.name}` }).click();
    const dialog = district.getByRole('dialog');
    await dialog.getByLabel('书面理由').fill('太短的理由');
    await dialog.getByRole('button', { name: /准\s*予/ }).click();
    await dialog.getByText('理由至少 10 个字').waitFor();
    const reason = '该同志全年参加街道防汛抢险，未能参训，经区民政局研究准予评优';
    await dialog.getByLabel('书面理由').fill(reason);
    await dialog.getByRole('button', { name: /准\s*予/ }).click();
    await dRow.getByText('区已准予：优秀').waitFor();
    const [override] = await api.ds.query(
      `select grade, reason from grade_override where worker_id = $1 and year = $2`,
      [untrained.id, YEAR],
    );
    expect(override).toEqual({ grade: 'excellent', reason });
    const [audit] = await api.ds.query(
      `select action, data from audit_log where entity_id = $1 and action = 'assessment.grade_override'`,
      [untrained.id],
    );
    expect(audit.data).toMatchObject({ year: YEAR, grade: 'excellent', reason });
    await district.context().close();

    // now the street may record 优秀
    await street.reload();
    await row.getByText('区已准予：优秀').waitFor();
    expect(await radio('优秀').isDisabled()).toBe(false);
    await row.getByText('优秀', { exact: true }).click();
    await row.getByRole('button', { name: `保存等次 ${untrained.name}` }).click();
    await row.getByText('已评：优秀').waitFor();
    expect(await grade(untrained.id)).toBe('excellent');
    await street.context().close();
  });

  it('Shenyang: the share limit of 优秀 (20 % of a street) is shown as it fills; once full, 优秀 is disabled for the others', async () => {
    const sy = await anOrgTree(api.ds, 'shenyang');
    await aFiledInstitution(api.ds, sy.institution.id);
    const syStaff = await signInAs(api, 'institution_staff', sy.institution);
    // ten trainees of a 40-hour class (five in each street), all of whom passed its exam
    const cls = await aFinishedClass(api.ds, sy, { trainees: 10, sessions: 10 });
    await aPassedExam(api, cls, syStaff, sy.districtA.id, 90);
    await recompute(sy.districtA);
    const inStreet = cls.trainees.map((t) => t.worker).filter((w) => w.streetId === sy.streetA1.id);
    expect(inStreet).toHaveLength(5);

    const page = await signedIn('street_admin', sy.streetA1);
    await page.getByRole('navigation').getByRole('link', { name: '年度考核' }).click();
    const share = page.locator('.ant-card', { hasText: '优秀比例限制' });
    await share.getByText('优秀不得超过在职人数的 20%：在职 5 人中至多 1 人，已评 0 人').waitFor();
    const [first, second] = inStreet;
    const rowOf = (w: TestWorker) => page.locator('tr', { hasText: w.name });
    await rowOf(first).getByText('优秀', { exact: true }).click();
    await rowOf(first)
      .getByRole('button', { name: `保存等次 ${first.name}` })
      .click();
    await rowOf(first).getByText('已评：优秀').waitFor();
    await share.getByText('已评 1 人').waitFor();
    expect(await rowOf(second).getByRole('radio', { name: '优秀', exact: true }).isDisabled()).toBe(
      true,
    );
    await rowOf(second).getByText('本街道优秀已满：不得超过 20%（5 人中至多 1 人）').waitFor();
    // the first one keeps 优秀 (re-recording is not a second one)
    expect(await rowOf(first).getByRole('radio', { name: '优秀', exact: true }).isDisabled()).toBe(
      false,
    );
    const [{ n }] = await api.ds.query<{ n: number }[]>(
      `select count(*)::int as n from worker_assessment a join worker w on w.id = a.worker_id
        where w.street_id = $1 and a.year = $2 and a.grade = 'excellent'`,
      [sy.streetA1.id, YEAR],
    );
    expect(n).toBe(1);
    await screenshot(page, 'district-assessment-share');
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.context().close();
  });

  it('the training report shows the figures the database holds and downloads as an Excel file', async () => {
    const page = await signedIn('district_admin', org.districtA);
    await page.getByRole('navigation').getByRole('link', { name: '培训统计' }).click();
    await page.waitForURL('**/d/reports');
    const [total] = await api.ds.query(
      `select count(*)::int as workers, count(*) filter (where compliant)::int as compliant,
              round(avg(total_half_hours) / 2.0, 1)::float as average,
              sum(exams_taken)::int as taken, sum(exams_passed)::int as passed
         from training_record where district_id = $1 and year = $2`,
      [org.districtA.id, YEAR],
    );
    expect(total.workers).toBeGreaterThan(0);
    const stat = (title: string) =>
      page.locator('.ant-statistic', { hasText: title }).locator('.ant-statistic-content');
    await stat('有记录人数').getByText(String(total.workers), { exact: true }).waitFor();
    await stat('人均学时').getByText(String(total.average)).waitFor();
    await stat('考试合格率').getByText(`（${total.passed}/${total.taken}）`).waitFor();

    const [street] = await api.ds.query(
      `select count(*)::int as workers, round(avg(total_half_hours) / 2.0, 1)::float as average
         from training_record where street_id = $1 and year = $2`,
      [org.streetA1.id, YEAR],
    );
    const row = page.getByRole('table', { name: '分单位统计' }).locator('tr', {
      hasText: org.streetA1.name,
    });
    const cells = await row.locator('td').allTextContents();
    expect(cells[1]).toBe(String(street.workers));
    expect(cells[6]).toBe(String(street.average));
    await page.getByRole('table', { name: '未达标人员' }).getByText(trained.name).waitFor();
    await screenshot(page, 'district-reports');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const xlsx = await downloaded(page, () =>
      page.getByRole('button', { name: /导出 Excel/ }).click(),
    );
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx);
    const sheet = wb.getWorksheet('培训考核汇总')!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    const totals = rows.find((r) => r[1] === '合计')!;
    expect(totals[2]).toBe(total.workers);
    expect(totals[3]).toBe(total.compliant);
    expect(totals[7]).toBe(total.taken);
    await page.context().close();
  });
});
