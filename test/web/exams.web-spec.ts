import { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { createWorkerApp } from '../../apps/worker/src/bootstrap';
import { aConsentingTeacher, aFiledInstitution } from '../factories/class.factory';
import { aFinishedClass, FinishedClass } from '../factories/finished-class.factory';
import { anAccount, anOrgTree, TEST_PASSWORD, TestOrg } from '../factories/org.factory';
import { bearer, login } from '../support/app';
import { workerSessionFor } from '../support/sessions';
import {
  bootWebApi,
  launchBrowser,
  newContext,
  screenshot,
  seriousA11yViolations,
  signIn,
  WebTestApi,
} from './playwright/browser';

/** A class's exam, certificates and evaluations from the institution's and the teacher's pages. */
describe('institution: exam, certificates, evaluations (browser)', () => {
  let api: WebTestApi;
  let worker: INestApplicationContext;
  let browser: Browser;
  let org: TestOrg;
  let staffName: string;

  beforeAll(async () => {
    api = await bootWebApi();
    // the queue worker in this process: it renders the certificates and the ZIP
    worker = await createWorkerApp();
    browser = await launchBrowser();
    org = await anOrgTree(api.ds);
    await aFiledInstitution(api.ds, org.institution.id);
    staffName = (
      await anAccount().withRole('institution_staff').inOrg(org.institution).create(api.ds)
    ).username;
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
  });

  const signedIn = async (username: string): Promise<Page> => {
    const context = await newContext(browser, api.baseUrl);
    const page = await context.newPage();
    await page.goto('/login');
    await signIn(page, username, TEST_PASSWORD);
    return page;
  };
  const row = (page: Page, enrollmentId: string) => page.getByTestId(`exam-row-${enrollmentId}`);

  // trainees 0 and 1 pass; 2 missed every session; 3 is eligible when the page opens and
  // loses the hours before the save (the API refuses the row, the page says why)
  let cls: FinishedClass;

  it('records an exam and the results of the eligible trainees; the ineligible are disabled with why', async () => {
    cls = await aFinishedClass(api.ds, org, { trainees: 4, absentFor: [2] });
    const [t0, t1, t2, t3] = cls.trainees;
    const page = await signedIn(staffName);
    // from the class's page to its exam tab
    await page.goto(`/i/classes/${cls.id}`);
    await page.getByRole('tab', { name: '考试' }).click();
    await page.waitForURL(`**/i/classes/${cls.id}/exams`);
    await page.getByText('还没有登记考核').waitFor();
    await page.getByRole('button', { name: '登记考核' }).click();
    // the supervisor is required: the form says so next to the field
    await page.getByRole('button', { name: '保存考核' }).click();
    await page.getByText('请填写民政部门的监督人').waitFor();
    await page.getByLabel('监督人').fill('东城区民政局 赵监考');
    await page.getByRole('button', { name: '保存考核' }).click();
    await page.getByText('首次考核已登记').waitFor();
    await page.getByText('首次考核成绩录入').waitFor();

    // the ineligible trainee: disabled, with the hours that are missing
    const absent = row(page, t2.enrollmentId);
    expect(await absent.getByRole('spinbutton').isDisabled()).toBe(true);
    await absent.getByText(/学时未满：已计 0 学时，需 [\d.]+ 学时/).waitFor();
    for (const t of [t0, t1, t3]) {
      expect(await row(page, t.enrollmentId).getByRole('spinbutton').isDisabled()).toBe(false);
    }
    await row(page, t0.enrollmentId).getByRole('spinbutton').fill('92');
    await row(page, t1.enrollmentId).getByRole('spinbutton').fill('75');
    await row(page, t3.enrollmentId).getByRole('spinbutton').fill('80');
    await row(page, t1.enrollmentId).getByText('合格').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'institution-exam');

    // meanwhile trainee 3's attendance is corrected to absent: the API refuses that row
    await api.ds.query(`update attendance_mark set status = 'absent' where enrollment_id = $1`, [
      t3.enrollmentId,
    ]);
    await page.getByRole('button', { name: '保存成绩' }).click();
    await row(page, t3.enrollmentId)
      .getByRole('alert')
      .getByText('学时未满，不能参加考核')
      .waitFor();
    await page.getByRole('alert').filter({ hasText: 'results[2]' }).first().waitFor();
    expect(
      (
        await api.ds.query(`select count(*)::int n from exam_result where class_id = $1`, [cls.id])
      )[0].n,
    ).toBe(0);
    // the roster read again: trainee 3 is now disabled, the others keep what was typed
    await row(page, t3.enrollmentId)
      .getByText(/学时未满：已计/)
      .waitFor();
    expect(await row(page, t3.enrollmentId).getByRole('spinbutton').isDisabled()).toBe(true);
    expect(await row(page, t0.enrollmentId).getByRole('spinbutton').inputValue()).toBe('92');
    await page.getByRole('button', { name: '保存成绩' }).click();
    await page.getByText('已保存 2 人的成绩，其中合格 2 人').waitFor();

    const exams = await api.ds.query(
      `select attempt, mode, supervisor_name, supervisor_org_id, to_char(held_on, 'YYYY-MM-DD') held_on
         from exam where class_id = $1`,
      [cls.id],
    );
    expect(exams).toEqual([
      {
        attempt: 1,
        mode: 'score',
        supervisor_name: '东城区民政局 赵监考',
        supervisor_org_id: org.districtA.id,
        held_on: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
      },
    ]);
    const results = await api.ds.query(
      `select enrollment_id, score, passed from exam_result where class_id = $1 order by score desc`,
      [cls.id],
    );
    expect(results).toEqual([
      { enrollment_id: t0.enrollmentId, score: 92, passed: true },
      { enrollment_id: t1.enrollmentId, score: 75, passed: true },
    ]);
    await page.context().close();
  });

  it('issues the certificates with a progress bar that reaches 100 %, lists them, and builds the ZIP', async () => {
    const page = await signedIn(staffName);
    await page.goto(`/i/classes/${cls.id}/certificates`);
    await page.getByText('还没有证书').waitFor();
    await page.getByRole('button', { name: '为本班发放证书' }).click();
    await page.getByText(/符合条件 2 人（已发证 0 人，本次生成 2 张）/).waitFor();
    await page.getByText('学时未满 2 人').waitFor();
    const bar = page.getByRole('progressbar', { name: '发证进度' });
    await page.waitForFunction(
      () =>
        document.querySelector('[aria-label="发证进度"]')?.getAttribute('aria-valuenow') === '100',
      null,
      { timeout: 60_000 },
    );
    expect(await bar.getAttribute('aria-valuenow')).toBe('100');
    await page
      .getByTestId('issue-counts')
      .getByText(/已生成 2 · 排队中 0/)
      .waitFor();
    const certs = await api.ds.query(
      `select serial, enrollment_id, file_key is not null as ready from certificate where class_id = $1 order by serial`,
      [cls.id],
    );
    expect(certs).toHaveLength(2);
    expect(certs.every((c: { ready: boolean }) => c.ready)).toBe(true);
    for (const c of certs as { serial: string }[]) {
      await page.getByRole('cell', { name: c.serial }).waitFor();
    }
    await page
      .getByRole('button', { name: /下载 PDF：.* 的证书/ })
      .first()
      .waitFor();
    // the ZIP button is enabled once certificates are listed; let its colour transition end
    await page.waitForFunction(
      () =>
        [...document.querySelectorAll('button')].some(
          (b) => b.textContent?.includes('打包下载全部证书') && !b.disabled,
        ),
      null,
    );
    await page.waitForTimeout(400);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'institution-certificates');

    // one PDF
    const [pdf] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('button', { name: /下载 PDF：.* 的证书/ })
        .first()
        .click(),
    ]);
    expect(
      readFileSync(await pdf.path())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // the whole class as a ZIP, built in the background
    await page.getByRole('button', { name: '打包下载全部证书' }).click();
    const ready = page.getByRole('button', { name: /下载压缩包（2 张/ });
    await ready.waitFor({ timeout: 60_000 });
    expect(
      await page.getByRole('progressbar', { name: '压缩包进度' }).getAttribute('aria-valuenow'),
    ).toBe('100');
    const [zip] = await Promise.all([page.waitForEvent('download'), ready.click()]);
    expect(zip.suggestedFilename()).toMatch(/\.zip$/);
    const bytes = readFileSync(await zip.path());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const [bundle] = await api.ds.query(
      `select status, total, done, file_size from certificate_bundle where class_id = $1`,
      [cls.id],
    );
    expect(bundle).toEqual({ status: 'ready', total: 2, done: 2, file_size: bytes.length });
    await page.context().close();
  });

  // a class whose two sessions are taught by T (with an account) and T2; 5 trainees
  let evalClass: FinishedClass;
  let teacherName: string;
  let teacherId: string;
  const endedAgo = (sessionId: string, hours: number) =>
    api.ds.query(
      `update class_session set starts_at = now() - make_interval(hours => $2) - interval '6 hours',
                                ends_at = now() - make_interval(hours => $2) where id = $1`,
      [sessionId, hours],
    );

  it('a teacher assesses the trainees of a session on the classroom form, and sees who is done', async () => {
    evalClass = await aFinishedClass(api.ds, org, { trainees: 5 });
    // the class answers the standard forms (version 1, shipped by the migration): other files of
    // the run may publish later versions, which the answers below would not fit
    await api.ds.query(
      `insert into evaluation_class_setting (class_id, post_class_template_id, classroom_template_id)
       select $1,
              (select id from evaluation_template where direction = 'post_class' and version = 1 order by created_at limit 1),
              (select id from evaluation_template where direction = 'classroom' and version = 1 order by created_at limit 1)`,
      [evalClass.id],
    );
    const account = await anAccount().withRole('teacher').inOrg(org.institution).create(api.ds);
    const t = await aConsentingTeacher(api.ds, org.institution.id, '课堂评价师');
    const t2 = await aConsentingTeacher(api.ds, org.institution.id, '第二位讲师');
    await api.ds.query(`update teacher set account_id = $2 where id = $1`, [t.id, account.id]);
    teacherName = account.username;
    teacherId = t.id;
    const [s1, s2] = evalClass.sessions;
    await api.ds.query(`update class_session set teacher_id = $2 where id = $1`, [s1, t.id]);
    await api.ds.query(`update class_session set teacher_id = $2 where id = $1`, [s2, t2.id]);
    // both sessions ended hours ago: evaluations open
    await endedAgo(s1, 3);
    await endedAgo(s2, 1);

    const page = await signedIn(teacherName);
    // from the class's sessions to the first session's classroom evaluation
    await page.goto(`/i/classes/${evalClass.id}`);
    await page.getByRole('button', { name: '课堂评价' }).first().click();
    await page.waitForURL(`**/i/sessions/${s1}/classroom`);
    await page.getByText('评价进行中').waitFor();
    expect(await page.getByTestId('classroom-done').textContent()).toBe('0');
    const nameOf = (enrollmentId: string) =>
      evalClass.trainees.find((x) => x.enrollmentId === enrollmentId)!.worker.name;
    // the first trainee's form is open; an unanswered item is named
    const form = page.getByRole('form', { name: /^评价 / });
    await form.waitFor();
    const first = (await form.getAttribute('aria-label'))!.replace(/^评价 /, '');
    await form.getByRole('button', { name: '提交评价' }).click();
    await form
      .getByText(/请评价“/)
      .first()
      .waitFor();
    const fillForm = async (name: string) => {
      const f = page.getByRole('form', { name: `评价 ${name}` });
      for (const group of await f.getByRole('radiogroup').all()) {
        await group.locator('label').first().click();
      }
      await f.getByRole('button', { name: '提交评价' }).click();
      await page.getByText(`已评价 ${name}`).waitFor();
    };
    await fillForm(first);
    // the next one comes up by itself
    await page
      .getByRole('form', { name: /^评价 / })
      .getByRole('button', { name: '提交评价' })
      .waitFor();
    const second = (await page
      .getByRole('form', { name: /^评价 / })
      .getAttribute('aria-label'))!.replace(/^评价 /, '');
    expect(second).not.toBe(first);
    await fillForm(second);
    expect(await page.getByTestId('classroom-done').textContent()).toBe('2');
    expect(await page.locator('tr', { hasText: first }).getByText('已评').count()).toBe(1);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'teacher-classroom');
    const rows = await api.ds.query(
      `select enrollment_id, teacher_id, jsonb_array_length(answers) n from evaluation_classroom where session_id = $1 order by submitted_at`,
      [s1],
    );
    expect(
      (rows as { enrollment_id: string; teacher_id: string; n: number }[]).map((r) => [
        nameOf(r.enrollment_id),
        r.teacher_id,
        r.n > 0,
      ]),
    ).toEqual([
      [first, t.id, true],
      [second, t.id, true],
    ]);
    await page.context().close();
  });

  it('shows the class evaluation results: aggregates from 5 answers up, smaller groups suppressed, not zeros', async () => {
    const [s1, s2] = evalClass.sessions;
    // five trainees evaluate T's session, two evaluate T2's
    const answers = (n: number, comment?: string) => [
      { key: 'content', value: 1 + (n % 5) },
      { key: 'method', value: 4 },
      { key: 'usefulness', value: 5 },
      { key: 'pace', value: '适中' },
      ...(comment ? [{ key: 'suggestion', value: comment }] : []),
    ];
    for (const [i, tr] of evalClass.trainees.entries()) {
      const s = workerSessionFor(api, tr.worker);
      await request(api.http)
        .post(`/api/v1/sessions/${s1}/evaluations`)
        .set(bearer(s))
        .send({ answers: answers(i, i === 0 ? '案例很实用，希望多安排讨论' : undefined) })
        .expect(201);
      if (i < 2)
        await request(api.http)
          .post(`/api/v1/sessions/${s2}/evaluations`)
          .set(bearer(s))
          .send({ answers: answers(i) })
          .expect(201);
    }
    // the evaluation has closed: the results reach the institution
    await endedAgo(s1, 9 * 24);
    await endedAgo(s2, 8 * 24);
    const page = await signedIn(staffName);
    await page.goto(`/i/classes/${evalClass.id}`);
    await page.getByRole('tab', { name: '评价结果' }).click();
    await page.waitForURL(`**/i/classes/${evalClass.id}/evaluations`);
    const total = page.getByTestId('eval-group-total');
    await total.waitFor();
    // 7 answers in all: the total's averages and bars
    await total.getByText('已评份数').waitFor();
    expect(await total.locator('.ant-descriptions-item-content').nth(1).textContent()).toBe('7');
    await total
      .getByRole('progressbar', { name: /平均分/ })
      .first()
      .waitFor();
    await total.getByText('案例很实用，希望多安排讨论').waitFor();
    // T2's 2 answers are suppressed, and so is T's group (the total would give T2's away)
    for (const key of [teacherId]) {
      await page
        .getByTestId(`eval-hidden-${key}`)
        .getByText(/为保护学员匿名不予显示/)
        .waitFor();
    }
    await page
      .getByText(/不足 5 份评价/)
      .first()
      .waitFor();
    expect(await page.getByText('0.00 / 5').count()).toBe(0);
    // the classroom evaluations the teacher made
    await page.getByText('课堂评价（教师评学员）').waitFor();
    const report = await request(api.http)
      .get(`/api/v1/classes/${evalClass.id}/evaluation-report`)
      .set(bearer(await login(api.http, staffName, TEST_PASSWORD)))
      .expect(200);
    expect(report.body.total).toMatchObject({ visible: true, answered: 7 });
    expect(report.body.classroom).toMatchObject({ done: 2 });
    const [{ n }] = await api.ds.query(
      `select count(*)::int n from evaluation_post_class_answer where session_id = any($1)`,
      [evalClass.sessions],
    );
    expect(n).toBe(7);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await screenshot(page, 'institution-evaluations');
    await page.context().close();
  });

  it('the commissioning district reads the whole report and exports it as Excel through the report job', async () => {
    const district = await anAccount()
      .withRole('district_admin')
      .inOrg(org.districtA)
      .create(api.ds);
    const page = await signedIn(district.username);
    await page.goto(`/d/classes/${evalClass.id}/evaluations`);
    // the authority's view: every teacher's group, however few answers
    await page.getByTestId(`eval-group-${teacherId}`).waitFor();
    expect(await page.getByText('为保护学员匿名不予显示').count()).toBe(0);
    await page.getByRole('button', { name: '导出 Excel' }).click();
    const ready = page.getByRole('button', { name: '下载 Excel' });
    await ready.waitFor({ timeout: 60_000 });
    expect(
      await page.getByRole('progressbar', { name: '导出进度' }).getAttribute('aria-valuenow'),
    ).toBe('100');
    const [file] = await Promise.all([page.waitForEvent('download'), ready.click()]);
    expect(file.suggestedFilename()).toMatch(/\.xlsx$/);
    const bytes = readFileSync(await file.path());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    const rows = await api.ds.query(
      `select scope, target_id, format, status, size from evaluation_report_file where target_id = $1`,
      [evalClass.id],
    );
    expect(rows).toEqual([
      {
        scope: 'class',
        target_id: evalClass.id,
        format: 'xlsx',
        status: 'ready',
        size: bytes.length,
      },
    ]);
    expect(await seriousA11yViolations(page)).toEqual([]);
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'district-class-evaluation');
    await page.context().close();
  });
});
