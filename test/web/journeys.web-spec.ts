import { Role } from '@peixun/core';
import request from 'supertest';
import type { Browser } from 'playwright-core';
import {
  aConsentingTeacher,
  anApprovedPlan,
  anEnrolledWorker,
  aFiledInstitution,
  clockFromNow,
  dayFromNow,
} from '../factories/class.factory';
import { anAccount, anOrgTree, TEST_PASSWORD, TestOrg } from '../factories/org.factory';
import { bearer, login, Session } from '../support/app';
import {
  bootWebApi,
  launchBrowser,
  newContext,
  screenshot,
  seriousA11yViolations,
  signIn,
  WebTestApi,
} from './playwright/browser';

describe('web app in a browser', () => {
  let api: WebTestApi;
  let browser: Browser;
  let org: TestOrg;
  let staff: { username: string; session: Session };

  beforeAll(async () => {
    api = await bootWebApi();
    browser = await launchBrowser();
    org = await anOrgTree(api.ds);
    await aFiledInstitution(api.ds, org.institution.id);
    const a = await anAccount().withRole('institution_staff').inOrg(org.institution).create(api.ds);
    staff = { username: a.username, session: await login(api.http, a.username, TEST_PASSWORD) };
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  /** An open class of the institution whose first session started 10 minutes ago. */
  const openClass = async (): Promise<{ id: string; sessionId: string }> => {
    const t = await aConsentingTeacher(
      api.ds,
      org.institution.id,
      `师${Math.random().toString(36).slice(2, 6)}`,
    );
    const first = clockFromNow(-10);
    const plan = await anApprovedPlan(api.ds, org, {
      teacherIds: [t.id],
      sessions: [
        {
          date: first.date,
          startTime: first.time,
          halfHours: 16,
          topic: '今天的课',
          teacherId: t.id,
        },
        // the policy's 40 hours: four more days of 8
        ...[1, 2, 3, 4].map((i) => ({
          date: dayFromNow(i + 1),
          startTime: '09:00',
          halfHours: 16,
          topic: i === 1 ? '下一次课' : `专题 ${i}`,
          teacherId: t.id,
        })),
      ],
    });
    const c = await request(api.http)
      .post('/api/v1/classes')
      .set(bearer(staff.session))
      .send({
        projectPlanId: plan.id,
        capacity: 40,
        enrolOpensAt: new Date(Date.now() - 86_400_000).toISOString(),
        enrolClosesAt: new Date(Date.now() + 86_400_000).toISOString(),
      })
      .expect(201);
    const published = await request(api.http)
      .post(`/api/v1/classes/${c.body.id}/publish`)
      .set(bearer(staff.session));
    if (published.status !== 201) throw new Error(`publish: ${JSON.stringify(published.body)}`);
    return { id: c.body.id, sessionId: c.body.sessions[0].id };
  };

  const HOME: Record<Role, string> = {
    municipal_admin: '/b',
    district_admin: '/d',
    street_admin: '/d',
    institution_staff: '/i',
    teacher: '/i',
    worker: '/w',
  };
  const MENU: Record<Role, { shows: string[]; hides: string[] }> = {
    municipal_admin: { shows: ['工作台', '计划审批', '审计日志'], hides: ['名册导入', '我的课表'] },
    district_admin: {
      shows: ['社区工作者', '名册导入', '培训覆盖'],
      hides: ['计划审批', '审计日志'],
    },
    street_admin: { shows: ['社区工作者', '名册导入'], hides: ['计划审批', '审计日志'] },
    institution_staff: { shows: ['班次', '消息'], hides: ['名册导入', '计划审批', '审计日志'] },
    teacher: { shows: ['班次'], hides: ['名册导入', '审计日志'] },
    worker: {
      shows: ['我的课表', '我的学时', '签到'],
      hides: ['名册导入', '审计日志', '计划审批'],
    },
  };

  it.each<[Role]>([
    ['municipal_admin'],
    ['district_admin'],
    ['street_admin'],
    ['institution_staff'],
    ['teacher'],
    ['worker'],
  ])(
    'a %s signs in, lands on its home with its unit in the header and only its menu, and signs out',
    async (role) => {
      const unit = {
        municipal_admin: org.municipality,
        district_admin: org.districtA,
        street_admin: org.streetA1,
        institution_staff: org.institution,
        teacher: org.institution,
        worker: null,
      }[role];
      let username: string;
      if (role === 'worker') {
        const { worker } = await anEnrolledWorker(api.ds, (await openClass()).id, org.communityA1);
        username = (await anAccount().forWorker(worker.id).create(api.ds)).username;
      } else {
        username = (await anAccount().withRole(role).inOrg(unit).create(api.ds)).username;
      }
      const context = await newContext(browser, api.baseUrl);
      const page = await context.newPage();
      await page.goto('/');
      await page.waitForURL('**/login');
      await signIn(page, username);
      expect(new URL(page.url()).pathname).toBe(HOME[role]);
      // the header names the unit (a worker: their community)
      await page
        .getByTestId('scope')
        .getByText((unit ?? org.communityA1).name)
        .waitFor();
      const nav = page.getByRole('navigation').first();
      for (const item of MENU[role].shows) {
        await nav.getByRole('link', { name: item, exact: true }).first().waitFor();
      }
      const links = (await nav.getByRole('link').allTextContents()).map((t) => t.trim());
      for (const item of MENU[role].hides) expect(links).not.toContain(item);
      await screenshot(page, `home-${role}`);
      // another group's pages send it home
      await page.goto(role === 'worker' ? '/b' : '/w');
      await page.waitForURL((u) => u.pathname === HOME[role]);
      // sign out: the refresh token is revoked, the login page is back
      await page.getByRole('button', { name: /账号/ }).click();
      await page.getByRole('button', { name: /退出登录/ }).click();
      await page.waitForURL('**/login');
      await page.goto(HOME[role]);
      await page.waitForURL('**/login?next=**');
      await context.close();
    },
  );

  it('a wrong password shows the API message on the login page', async () => {
    const context = await newContext(browser, api.baseUrl);
    const page = await context.newPage();
    await page.goto('/login');
    await page.getByLabel('用户名').fill(staff.username);
    await page.getByLabel('密码').fill('wrong-password-1');
    await page.getByRole('button', { name: /登\s*录/ }).click();
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/用户名或密码|密码/);
    await context.close();
  });

  it('the institution marks a session roster in one screen: all present by default, the exceptions changed, saved once', async () => {
    const c = await openClass();
    const trainees: Awaited<ReturnType<typeof anEnrolledWorker>>[] = [];
    for (let i = 0; i < 3; i++)
      trainees.push(await anEnrolledWorker(api.ds, c.id, org.communityA1));
    const context = await newContext(browser, api.baseUrl);
    const page = await context.newPage();
    await page.goto('/login');
    await signIn(page, staff.username);
    // from the class list (with its fill rate) to the class, to the session's roster
    const [{ title }] = await api.ds.query(`select title from training_class where id = $1`, [
      c.id,
    ]);
    const row = page.locator('tr.ant-table-row', { hasText: title });
    await row.getByText('3 / 40').waitFor();
    await row.getByText('7.5%').waitFor();
    await screenshot(page, 'institution-classes');
    await row.getByRole('link', { name: title }).click();
    await page.waitForURL(`**/i/classes/${c.id}`);
    await page
      .getByRole('button', { name: /考\s*勤/ })
      .first()
      .click();
    await page.waitForURL(`**/i/sessions/${c.sessionId}`);
    await page.getByText(`共 ${trainees.length} 人`).waitFor();
    const absent = trainees[1].worker.name;
    const late = trainees[2].worker.name;
    await page
      .getByRole('radiogroup', { name: `${absent} 的考勤` })
      .getByText('缺勤')
      .click();
    await page
      .getByRole('radiogroup', { name: `${late} 的考勤` })
      .getByText('迟到')
      .click();
    await page.getByLabel(`${late} 迟到分钟`).fill('12');
    await page.getByText('出勤 1 人，其他 2 人').waitFor();
    await screenshot(page, 'institution-roster');
    await page.getByRole('button', { name: /保存考勤/ }).click();
    await page.getByText('考勤已保存').waitFor();
    const roster = await request(api.http)
      .get(`/api/v1/sessions/${c.sessionId}/attendance`)
      .set(bearer(staff.session))
      .expect(200);
    const byWorker = Object.fromEntries(
      roster.body.marks.map((m: { workerId: string; status: string; minutesLate: number }) => [
        m.workerId,
        [m.status, m.minutesLate],
      ]),
    );
    expect(byWorker).toEqual({
      [trainees[0].worker.id]: ['present', 0],
      [trainees[1].worker.id]: ['absent', 0],
      [trainees[2].worker.id]: ['late', 12],
    });
    // changing a recorded mark asks for a reason: the API names the field, the page shows it there
    await page
      .getByRole('radiogroup', { name: `${absent} 的考勤` })
      .getByText('出勤')
      .click();
    await page.getByRole('button', { name: /保存考勤/ }).click();
    await page.getByLabel('更正原因').waitFor();
    await page.locator('.field-error').waitFor();
    await page.getByLabel('更正原因').fill('学员补交了签到表');
    // wait for this save's answer (the toast of the first save may still be showing)
    const saved = page.waitForResponse(
      (r) =>
        r.url().endsWith(`/sessions/${c.sessionId}/attendance`) && r.request().method() === 'PUT',
    );
    await page.getByRole('button', { name: /保存考勤/ }).click();
    expect((await saved).status()).toBe(200);
    await page.getByLabel('更正原因').waitFor({ state: 'detached' });
    const fixed = await request(api.http)
      .get(`/api/v1/sessions/${c.sessionId}/attendance`)
      .set(bearer(staff.session))
      .expect(200);
    expect(
      fixed.body.marks.find((m: { workerId: string }) => m.workerId === trainees[1].worker.id)
        ?.status,
    ).toBe('present');
    await context.close();
  });

  it('the projector page shows the rotating QR code; a worker scans its URL, signs in and is checked in', async () => {
    const c = await openClass();
    const { worker } = await anEnrolledWorker(api.ds, c.id, org.communityA1);
    const account = await anAccount().forWorker(worker.id).create(api.ds);

    const desk = await newContext(browser, api.baseUrl);
    const projector = await desk.newPage();
    await projector.goto('/login');
    await signIn(projector, staff.username);
    await projector.goto(`/qr/${c.sessionId}`);
    const qr = projector.getByRole('img', { name: '签到二维码' });
    await qr.locator('svg').waitFor();
    const digits = await projector.getByTestId('qr-code-digits').textContent();
    expect(digits).toMatch(/^\d{6}$/);
    const url = await qr.getAttribute('data-url');
    expect(url).toMatch(new RegExp(`/c/${c.sessionId}/[^/]+$`));
    await screenshot(projector, 'institution-qr');

    // the worker's phone opens the QR code's URL: sign in first, then back to the URL, checked in
    const phone = await newContext(browser, api.baseUrl, 'phone');
    const page = await phone.newPage();
    const started = Date.now();
    await page.goto(new URL(url!, api.baseUrl).pathname);
    await page.waitForURL('**/login?next=**');
    await signIn(page, account.username);
    await page.waitForURL(`**/c/${c.sessionId}/**`);
    await page.getByText('签到成功').waitFor();
    console.log(`[web] QR URL → signed in → checked in: ${Date.now() - started} ms`);
    await screenshot(page, 'worker-check-in');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const [mark] = await api.ds.query(
      `select status, source from attendance_mark where session_id = $1 and worker_id = $2`,
      [c.sessionId, worker.id],
    );
    // the session started 10 minutes ago: late, by the phone's own check-in
    expect(mark).toEqual({ status: 'late', source: 'self' });
    // the projector counts them
    await projector.reload();
    await projector.getByText('已签到 1 / 1 人').waitFor();
    await desk.close();
    await phone.close();
  });

  it('a worker checks in by the 6-digit code, asks for leave and sees their hours, at 375 px without serious accessibility problems', async () => {
    const c = await openClass();
    const { worker } = await anEnrolledWorker(api.ds, c.id, org.communityA1);
    const account = await anAccount().forWorker(worker.id).create(api.ds);
    const code = await request(api.http)
      .get(`/api/v1/sessions/${c.sessionId}/check-in-code`)
      .set(bearer(staff.session))
      .expect(200);

    const phone = await newContext(browser, api.baseUrl, 'phone');
    const page = await phone.newPage();
    await page.goto('/login');
    await signIn(page, account.username);
    await page.getByRole('heading', { name: '可报名课程' }).waitFor();
    // time to interactive of the worker home, loaded afresh: until its classes are listed
    await phone.clearCookies();
    const started = Date.now();
    await page.goto('/w', { waitUntil: 'commit' });
    await page.locator('.class-card').first().waitFor();
    const tti = Date.now() - started;
    const nav = await page.evaluate(() => {
      const n = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
      return { domInteractive: Math.round(n.domInteractive), load: Math.round(n.loadEventEnd) };
    });
    console.log(
      `[web] worker home at 375 px: classes listed ${tti} ms after navigation (domInteractive ${nav.domInteractive} ms, load ${nav.load} ms)`,
    );
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    await screenshot(page, 'worker-home');

    await page.goto('/w/check-in');
    await page.getByLabel('签到码').fill(code.body.code);
    await page
      .getByRole('button', { name: /^签\s*到$/ })
      .last()
      .click();
    await page.getByText('签到成功').waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);

    // leave for the next session, from the timetable
    await page.goto('/w/timetable');
    await page.getByText('下一次课').waitFor();
    await page
      .locator('.ant-list-item', { hasText: '下一次课' })
      .getByRole('button', { name: /请\s*假/ })
      .click();
    await page.getByLabel('请假事由').fill('社区值班');
    await page.getByRole('button', { name: /提\s*交/ }).click();
    await page.getByText('请假申请已提交').waitFor();
    await page.goto('/w/hours');
    await page.getByText('社区值班').waitFor();
    await page.getByText(/年合计/).waitFor();
    expect(await seriousA11yViolations(page)).toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      375,
    );
    await screenshot(page, 'worker-hours');
    await phone.close();

    // the institution sees it and approves it
    const desk = await newContext(browser, api.baseUrl);
    const staffPage = await desk.newPage();
    await staffPage.goto('/login');
    await signIn(staffPage, staff.username);
    const [leave] = await api.ds.query(
      `select session_id from leave_request where worker_id = $1`,
      [worker.id],
    );
    await staffPage.goto(`/i/sessions/${leave.session_id}`);
    await staffPage.getByText('社区值班').waitFor();
    await staffPage.getByRole('button', { name: /^批\s*准$/ }).click();
    await staffPage.getByText('已批准请假').waitFor();
    const [after] = await api.ds.query(`select status from leave_request where worker_id = $1`, [
      worker.id,
    ]);
    expect(after.status).toBe('approved');
    await desk.close();
  });
});
