import { ProjectPlan } from '@peixun/planning';
import type { Browser, Page } from 'playwright-core';
import { aConsentingTeacher, anApprovedPlan, aFiledInstitution } from '../factories/class.factory';
import { anAccount, anOrgTree, TestOrg } from '../factories/org.factory';
import { aRosterRow, rosterXlsx } from '../factories/roster.factory';
import { aWorker } from '../factories/worker.factory';
import {
  bootWebApi,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
  WebTestApi,
} from './playwright/browser';

describe('web app in a browser: the bureau and the district/street offices', () => {
  let api: WebTestApi;
  let browser: Browser;
  let org: TestOrg;

  beforeAll(async () => {
    api = await bootWebApi();
    browser = await launchBrowser();
    org = await anOrgTree(api.ds);
    await aFiledInstitution(api.ds, org.institution.id);
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await api?.close();
  });

  const signedIn = async (
    role: 'municipal_admin' | 'street_admin',
    unit = org.municipality,
  ): Promise<Page> => {
    const account = await anAccount().withRole(role).inOrg(unit).create(api.ds);
    const context = await newContext(browser, api.baseUrl);
    const page = await context.newPage();
    await page.goto('/login');
    await signIn(page, account.username);
    return page;
  };

  /** A project plan of district A as submitted for approval. */
  const aSubmittedPlan = async (title: string): Promise<ProjectPlan> => {
    const t = await aConsentingTeacher(
      api.ds,
      org.institution.id,
      `师${Math.random().toString(36).slice(2, 6)}`,
    );
    const plan = await anApprovedPlan(api.ds, org, { teacherIds: [t.id], title });
    await api.ds.query(
      `update project_plan set status = 'submitted', decided_at = null, filing_number = null, submitted_at = now() where id = $1`,
      [plan.id],
    );
    return plan;
  };

  it('the bureau sees what waits on its desk, approves one plan and returns another with comments; the audit log shows it', async () => {
    const approveMe = await aSubmittedPlan(`待批计划 ${Date.now()}`);
    const returnMe = await aSubmittedPlan(`待退计划 ${Date.now()}`);
    const page = await signedIn('municipal_admin');
    await page.getByText('待审批的项目计划').first().waitFor();
    await page.getByRole('link', { name: approveMe.title }).waitFor();
    await screenshot(page, 'bureau-dashboard');

    await page.getByRole('link', { name: approveMe.title }).click();
    await page.waitForURL(`**/b/plans?id=${approveMe.id}`);
    await page.getByRole('heading', { name: approveMe.title, level: 2 }).waitFor();
    await page.getByText('专题 1：社区治理与服务').waitFor();
    await screenshot(page, 'bureau-plan-review');
    await page.getByRole('button', { name: /^批\s*准$/ }).click();
    await page.getByText('已批准').first().waitFor();
    const [approved] = await api.ds.query(
      `select status, filing_number from project_plan where id = $1`,
      [approveMe.id],
    );
    expect(approved.status).toBe('approved');
    expect(approved.filing_number).toEqual(expect.any(String));

    await page.getByRole('link', { name: returnMe.title }).click();
    await page.getByRole('heading', { name: returnMe.title, level: 2 }).waitFor();
    await page.getByRole('button', { name: /退回修改/ }).click();
    await page.getByText('请填写退回意见').waitFor();
    await page.getByLabel('退回意见').fill('课次安排过密，请调整');
    await page.getByRole('button', { name: /退回修改/ }).click();
    await page.getByText('已退回').first().waitFor();
    const [returned] = await api.ds.query(
      `select status, comments from project_plan where id = $1`,
      [returnMe.id],
    );
    expect(returned).toEqual({ status: 'returned', comments: '课次安排过密，请调整' });

    // the audit log, filtered by action on the server
    const [entry] = await api.ds.query(
      `select action from audit_log where entity_id = $1 and action like 'project_plan.%' order by id desc limit 1`,
      [returnMe.id],
    );
    await page.getByRole('navigation').getByRole('link', { name: '审计日志' }).click();
    await page.getByLabel('动作').fill(entry.action);
    await page.getByRole('button', { name: /查\s*询/ }).click();
    await page.locator('td', { hasText: entry.action }).first().waitFor();
    const actions = await page.locator('tbody tr.ant-table-row td:nth-child(3)').allTextContents();
    expect(actions.length).toBeGreaterThan(0);
    expect(new Set(actions)).toEqual(new Set([entry.action]));
    await screenshot(page, 'bureau-audit');
    await page.context().close();
  });

  it('a street office uploads a roster with a bad row and sees its row and column, then a good one; the worker list filters and pages on the server', async () => {
    const page = await signedIn('street_admin', org.streetA1);
    await page.getByRole('navigation').getByRole('link', { name: '名册导入' }).click();
    const bad = [
      aRosterRow({ community: org.communityA1.name }),
      aRosterRow({ community: org.communityA1.name, startedOn: '二〇一九年' }),
    ];
    await page.getByLabel('名册文件').setInputFiles({
      name: '名册.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await rosterXlsx(bad),
    });
    await page.getByText(/名册有 1 处错误，未导入任何数据/).waitFor();
    const cells = await page
      .locator('tbody tr.ant-table-row')
      .first()
      .locator('td')
      .allTextContents();
    expect(cells.slice(0, 2)).toEqual(['3', '社区工作起始日期']);
    await screenshot(page, 'district-roster-errors');

    const stamp = Date.now().toString(36);
    const good = [
      aRosterRow({ community: org.communityA1.name, name: `测${stamp}0甲` }),
      aRosterRow({ community: org.communityA1.name, name: `测${stamp}0乙` }),
    ];
    await page.getByLabel('名册文件').setInputFiles({
      name: '名册.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await rosterXlsx(good),
    });
    await page.getByText('导入完成：共 2 行，新增 2 人，更新 0 人').waitFor();

    // 51 more workers, after those two by name: the list's second page (50 a page, keyset)
    for (let i = 0; i < 51; i++) {
      await aWorker()
        .inCommunity(org.communityA1)
        .named(`测${stamp}1${String(i).padStart(2, '0')}`)
        .create(api.ds);
    }
    await page
      .getByRole('navigation')
      .getByRole('link', { name: '社区工作者', exact: true })
      .click();
    await page.getByLabel('姓名').fill(stamp);
    await page.getByLabel('姓名').press('Enter');
    await page.getByText(`测${stamp}0甲`).waitFor();
    expect(await page.locator('tbody tr.ant-table-row').count()).toBe(50);
    await screenshot(page, 'district-workers');
    await page.getByRole('button', { name: /下一页/ }).click();
    await page.getByText('第 2 页').waitFor();
    await page.getByText(`测${stamp}150`).waitFor();
    const second = await page.locator('tbody tr.ant-table-row td:first-child').allTextContents();
    expect(second).toHaveLength(3);
    await page.getByRole('button', { name: /上一页/ }).click();
    await page.getByText(`测${stamp}0甲`).waitFor();

    // coverage: the new workers lack this year's mandatory training
    await page.getByRole('navigation').getByRole('link', { name: '培训覆盖' }).click();
    await page.getByRole('heading', { name: /培训覆盖/ }).waitFor();
    await page.getByText('尚缺必训的社区工作者').waitFor();
    await page.locator('tbody tr.ant-table-row').first().waitFor();
    await screenshot(page, 'district-coverage');
    await page.context().close();
  });
});
