import type { INestApplicationContext } from '@nestjs/common';
import { AnnualPlan, PlanProject, Teacher } from '@peixun/planning';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { createWorkerApp } from '../../apps/worker/src/bootstrap';
import { aConsentingTeacher, aFiledInstitution, dayFromNow } from '../factories/class.factory';
import { anAccount, anOrgTree, TEST_PASSWORD, TestOrg } from '../factories/org.factory';
import { bearer, login } from '../support/app';
import {
  bootWebApi,
  launchBrowser,
  newContext,
  screenshot,
  signIn,
  WebTestApi,
} from './playwright/browser';

/**
 * Issue #14: a district drafts and submits a project plan, the bureau reviews
 * it with its policy checks and approves it; a returned plan goes back to the
 * district with the comments; the bureau makes and publishes the annual city plan.
 */
describe('web app in a browser: project plans and the annual city plan', () => {
  let api: WebTestApi;
  let worker: INestApplicationContext;
  let browser: Browser;
  let org: TestOrg;
  let year: number;
  let project: PlanProject;
  let teacher: Teacher;
  /** The policy's minimum for the project in that year (another file of the run may add a version). */
  let minimum: number;

  beforeAll(async () => {
    api = await bootWebApi();
    worker = await createWorkerApp();
    browser = await launchBrowser();
    org = await anOrgTree(api.ds);
    await aFiledInstitution(api.ds, org.institution.id);
    teacher = await aConsentingTeacher(api.ds, org.institution.id, '计老师');
    // a later year's published city plan with a post-training project for staff (40 class hours),
    // a year of its own: the end-to-end files of the same run (one database) publish city plans
    // and a 48-hour policy version for the next two years
    year = Number(dayFromNow(0).slice(0, 4)) + 4;
    await api.ds.query(
      `insert into annual_plan (region, year, title, status, created_by, published_at)
       values ('beijing', $1, $2, 'published', $3, now()) on conflict (region, year) do nothing`,
      [year, `${year} 年度社区工作者培训计划`, '00000000-0000-4000-8000-000000000000'],
    );
    const annual = await api.ds
      .getRepository(AnnualPlan)
      .findOneByOrFail({ region: 'beijing', year, status: 'published' });
    project = await api.ds.getRepository(PlanProject).save({
      planId: annual.id,
      type: 'post',
      title: '一般工作人员岗位培训',
      targetTiers: ['staff'],
      targetChannels: [],
      plannedPlaces: 5000,
      budgetFen: '0',
      fundingLevel: 'district',
    });
    const municipal = await login(
      api.http,
      (await anAccount().withRole('municipal_admin').inOrg(org.municipality).create(api.ds))
        .username,
      TEST_PASSWORD,
    );
    const shown = await request(api.http)
      .get(`/api/v1/annual-plans/${annual.id}`)
      .set(bearer(municipal))
      .expect(200);
    minimum = (shown.body as { projects: { id: string; minimumHours: number }[] }).projects.find(
      (p) => p.id === project.id,
    )!.minimumHours;
    expect(minimum).toBeGreaterThan(32);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
  });

  const signedIn = async (
    role: 'municipal_admin' | 'district_admin' | 'street_admin',
    unit = role === 'municipal_admin' ? org.municipality : org.districtA,
  ): Promise<{ page: Page; username: string }> => {
    const account = await anAccount().withRole(role).inOrg(unit).create(api.ds);
    const context = await newContext(browser, api.baseUrl);
    const page = await context.newPage();
    await page.goto('/login');
    await signIn(page, account.username);
    return { page, username: account.username };
  };
  const nav = (page: Page, name: string) =>
    page.getByRole('navigation').getByRole('link', { name, exact: true }).click();
  /** Picks an option of an Ant Design select named by its aria-label. */
  const choose = async (page: Page, selectLabel: string, option: string | RegExp) => {
    const item = page
      .locator('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .ant-select-item-option', {
        hasText: option,
      })
      .first();
    // a click that lands while the page is still rendering may not open the list: open it again
    for (let attempt = 1; ; attempt++) {
      await page.getByRole('combobox', { name: selectLabel }).click();
      try {
        await item.waitFor({ timeout: 5000 });
        break;
      } catch (e) {
        if (attempt === 3) throw e;
        await page.keyboard.press('Escape');
      }
    }
    await item.click();
  };
  /** A final needs-survey report of the region with its demand per training type, as the aggregation leaves it. */
  const anAggregatedSurveyReport = async (surveyYear: number): Promise<string> => {
    const system = '00000000-0000-4000-8000-000000000000';
    const [q] = await api.ds.query<{ id: string }[]>(
      `insert into survey_questionnaire (region, lineage_id, version, title, questions, created_by)
       values ('beijing', gen_random_uuid(), 1, '培训需求问卷', '[]', $1) returning id`,
      [system],
    );
    const [c] = await api.ds.query<{ id: string }[]>(
      `insert into survey_campaign (region, municipality_id, year, title, questionnaire_id, population,
         opens_at, closes_at, status, created_by)
       values ('beijing', $1, $2, '年度培训需求调查', $3, $4, now() - interval '30 days',
         now() - interval '1 day', 'closed', $5) returning id`,
      [
        org.municipality.id,
        surveyYear,
        q.id,
        JSON.stringify({ districtIds: [], tiers: [], channels: [], qualifications: [] }),
        system,
      ],
    );
    const row = (type: string, label: string, count: number, rank: number) => ({
      type,
      label,
      count,
      share: count / 100,
      rank,
    });
    const [r] = await api.ds.query<{ id: string }[]>(
      `insert into survey_report (campaign_id, number, kind, status, job_id, data, respondents, invited)
       values ($1, 1, 'final', 'aggregated', $2, $3, 100, 120) returning id`,
      [
        c.id,
        `survey-report.${c.id}.1`,
        JSON.stringify({
          demand: {
            question: 'training_types',
            types: [row('post', '岗位培训', 60, 1), row('induction', '初任培训', 25, 2)],
            districts: [],
          },
        }),
      ],
    );
    return r.id;
  };
  const hoursLine = (page: Page) => page.locator('.hours-total');
  const d = (month: number, day: number) =>
    `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;

  it('a district drafts a plan, watches the hours reach the minimum, fixes a refused session row and submits; the bureau sees the checks and approves; the district downloads the filed PDF', async () => {
    const title = `东城区岗位培训第一期 ${Date.now().toString(36)}`;
    const { page } = await signedIn('district_admin');
    await nav(page, '项目计划');
    await page.getByRole('heading', { name: '项目计划书', level: 1 }).waitFor();
    await page.getByText('还没有计划书').waitFor();
    await page
      .getByRole('button', { name: /新建计划书/ })
      .first()
      .click();
    await page.waitForURL('**/d/plans/new');

    await choose(page, '市计划项目', '一般工作人员岗位培训');
    await hoursLine(page)
      .getByText(`合计 0 学时 / 政策最低 ${minimum} 学时：还差 ${minimum} 学时`)
      .waitFor();
    await choose(page, '受委托培训机构', org.institution.name);
    await choose(page, '师资', '计老师');
    await page.keyboard.press('Escape');
    await page.getByLabel('计划书名称').fill(title);
    await page.getByLabel('名额').fill('120');
    await page.getByLabel('开始日期').fill(d(3, 2));
    // days of 8 class hours up to the minimum (40: five days)
    const n = Math.ceil(minimum / 8);
    await page.getByLabel('结束日期').fill(d(3, 1 + n));
    await page.getByLabel('培训地点').fill('东城区社区学院报告厅');
    await page.getByLabel('案例教学').check();
    await page.getByLabel('教材与资料').fill('《社区工作实务》');

    // the total follows the typing; day 3 is typed outside the period
    const days = Array.from({ length: n }, (_, i) => d(3, i === 2 ? 12 : 2 + i));
    for (let i = 0; i < days.length; i++) {
      if (i > 0) await page.getByRole('button', { name: /添加课次/ }).click();
      await page.getByLabel(`第 ${i + 1} 课次 日期`).fill(days[i]);
      await page.getByLabel(`第 ${i + 1} 课次 学时`).fill('8');
      await page.getByLabel(`第 ${i + 1} 课次 内容`).fill(`专题 ${i + 1}：社区治理与服务`);
      await choose(page, `第 ${i + 1} 课次 授课教师`, '计老师');
      if (i === 3) {
        await hoursLine(page)
          .getByText(`合计 32 学时 / 政策最低 ${minimum} 学时：还差 ${minimum - 32} 学时`)
          .waitFor();
        expect(await hoursLine(page).getAttribute('data-verdict')).toBe('below');
      }
    }
    await hoursLine(page)
      .getByText(`合计 ${n * 8} 学时 / 政策最低 ${minimum} 学时：已达到`)
      .waitFor();
    expect(await hoursLine(page).getAttribute('data-verdict')).toBe('met');
    await page.getByRole('button', { name: /添加费用项目/ }).click();
    await page.getByLabel('第 1 项 费用项目').fill('讲课费');
    await page.getByLabel('第 1 项 金额（元）').fill('8000');

    // submitted straight away: the plan is saved as a draft, the API refuses the submission,
    // and the bad row's date carries the API's message on the plan's own page
    await page.getByRole('button', { name: /提交审批/ }).click();
    await page.waitForURL(/\/d\/plans\/[0-9a-f-]{36}$/);
    const id = page.url().split('/').pop()!;
    const rowError = page.locator('[data-session-row="2"]').getByText(/不在培训期内/);
    await rowError.waitFor();
    expect(await page.locator('[data-session-row="0"] .ant-form-item-explain-error').count()).toBe(
      0,
    );
    await page.getByRole('alert').filter({ hasText: '计划书不符合政策，不能提交' }).waitFor();
    await page.getByRole('heading', { name: /草稿/, level: 1 }).waitFor();
    await page.getByText('提交前检查（按上次保存的内容）').waitFor();
    const [saved] = await api.ds.query(
      `select status, places, sessions, cost_items from project_plan where id = $1`,
      [id],
    );
    expect(saved.status).toBe('draft');
    expect(saved.places).toBe(120);
    expect(saved.sessions).toHaveLength(n);
    expect(saved.sessions[2]).toMatchObject({ date: d(3, 12), halfHours: 16 });
    expect(saved.cost_items).toEqual([{ item: '讲课费', amountFen: 800_000, payer: 'district' }]);
    await screenshot(page, 'district-plan-editor');

    // the row fixed and saved as a draft, then submitted
    await page.getByLabel('第 3 课次 日期').fill(d(3, 4));
    await page.getByRole('button', { name: /保存草稿/ }).click();
    await page.getByText('草稿已保存').first().waitFor();
    await page.getByText('培训日期在年度内，课次在培训期内：通过').waitFor();
    const [fixed] = await api.ds.query(`select status, sessions from project_plan where id = $1`, [
      id,
    ]);
    expect(fixed).toMatchObject({ status: 'draft', sessions: expect.any(Array) });
    expect(fixed.sessions[2].date).toBe(d(3, 4));
    await page.getByRole('button', { name: /提交审批/ }).click();
    await page.getByText('已提交市民政局审批').first().waitFor();
    await page.getByText('已提交，等待市民政局审批').waitFor();
    expect(await page.getByLabel('计划书名称').isDisabled()).toBe(true);
    const [submitted] = await api.ds.query(
      `select status, sessions from project_plan where id = $1`,
      [id],
    );
    expect(submitted.status).toBe('submitted');
    const [{ plans }] = await api.ds.query(
      `select count(*)::int as plans from project_plan where title = $1`,
      [title],
    );
    expect(plans).toBe(1);
    expect(submitted.sessions[2].date).toBe(d(3, 4));

    // the bureau: the review queue, the checks beside the plan, approval
    const bureau = (await signedIn('municipal_admin')).page;
    await nav(bureau, '计划审批');
    await bureau.getByRole('link', { name: title }).click();
    await bureau.getByRole('heading', { name: title, level: 2 }).waitFor();
    const checks = bureau.getByRole('list', { name: '政策检查结果' });
    await checks.getByText('课次学时达到政策最低要求：通过').waitFor();
    await checks.getByText('受委托机构已备案：通过').waitFor();
    await checks.getByText('师资来自受委托机构，且同意列入师资库：通过').waitFor();
    await bureau.getByText('全部通过').waitFor();
    await bureau.getByText(`合计 ${n * 8} 学时，政策最低 ${minimum} 学时`).waitFor();
    await screenshot(bureau, 'bureau-plan-checks');
    await bureau.getByRole('button', { name: /^批\s*准$/ }).click();
    await bureau.getByText('已批准').first().waitFor();
    const [approved] = await api.ds.query(
      `select status, filing_number from project_plan where id = $1`,
      [id],
    );
    expect(approved.status).toBe('approved');
    expect(approved.filing_number).toMatch(new RegExp(`^培计备〔${year}〕\\d{4}号$`));
    await bureau.context().close();

    // the district: the plan is read-only, with its filing number and PDF — asked for at once,
    // while the worker may still be rendering it: the page waits for the file
    await page.reload();
    await page.getByText(`已批准备案：${approved.filing_number}`).waitFor();
    expect(await page.getByLabel('第 1 课次 学时').isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: /提交审批/ }).count()).toBe(0);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /下载 PDF/ }).click();
    expect((await download).suggestedFilename()).toBe('培训项目计划书.pdf');
    await page.goto('/d/plans?status=approved');
    await page.getByRole('link', { name: title }).waitFor();
    await page.getByText(approved.filing_number).waitFor();
    await screenshot(page, 'district-plans');
    await page.context().close();
  }, 240_000);

  it('a returned plan shows the bureau’s comments on the district page and is resubmitted', async () => {
    const district = await signedIn('district_admin');
    const s = await login(api.http, district.username, TEST_PASSWORD);
    const title = `东城区岗位培训第二期 ${Date.now().toString(36)}`;
    const created = await request(api.http)
      .post('/api/v1/project-plans')
      .set(bearer(s))
      .send({
        planProjectId: project.id,
        institutionId: org.institution.id,
        title,
        places: 60,
        startDate: d(4, 1),
        endDate: d(4, 20),
        place: '东城区社区学院',
        methods: ['lecture'],
        teacherIds: [teacher.id],
        materials: '《社区工作实务》',
        sessions: Array.from({ length: Math.ceil(minimum / 4) }, (_, i) => ({
          date: d(4, i + 1),
          startTime: '09:00',
          hours: 4,
          topic: `专题 ${i + 1}`,
          teacherId: teacher.id,
        })),
        costItems: [],
      })
      .expect(201);
    const id = created.body.id as string;
    await request(api.http).post(`/api/v1/project-plans/${id}/submit`).set(bearer(s)).expect(200);

    const bureau = (await signedIn('municipal_admin')).page;
    await bureau.goto(`/b/plans?id=${id}`);
    await bureau.getByRole('heading', { name: title, level: 2 }).waitFor();
    await bureau.getByLabel('退回意见').fill('地点请写明教室，并补充案例教学');
    await bureau.getByRole('button', { name: /退回修改/ }).click();
    await bureau.getByText('已退回').first().waitFor();
    await bureau.context().close();

    // plans are drafted by district bureaus: a street office has no such menu entry
    const street = await signedIn('street_admin', org.streetA1);
    await street.page.getByRole('navigation').getByRole('link', { name: '培训覆盖' }).waitFor();
    expect(
      await street.page.getByRole('navigation').getByRole('link', { name: '项目计划' }).count(),
    ).toBe(0);
    await street.page.context().close();

    const page = district.page;
    await nav(page, '项目计划');
    await choose(page, '状态', '已退回');
    await page.waitForURL('**/d/plans?status=returned');
    await page.getByRole('link', { name: title }).click();
    await page.getByText('市民政局退回意见：地点请写明教室，并补充案例教学').waitFor();
    await page.getByLabel('培训地点').fill('东城区社区学院 301 教室');
    await page.getByLabel('案例教学').check();
    await page.getByRole('button', { name: /提交审批/ }).click();
    await page.getByText('已提交市民政局审批').first().waitFor();
    const [row] = await api.ds.query(
      `select status, place, methods, comments from project_plan where id = $1`,
      [id],
    );
    expect(row).toEqual({
      status: 'submitted',
      place: '东城区社区学院 301 教室',
      methods: ['lecture', 'case_teaching'],
      comments: null,
    });
    await page.context().close();
  }, 120_000);

  it('the bureau creates an annual plan, adds and removes projects, attaches the survey report and publishes it', async () => {
    // last year-end's needs survey, its report aggregated (written directly: surveys have their own tests)
    const reportId = await anAggregatedSurveyReport(year);
    const { page } = await signedIn('municipal_admin');
    await nav(page, '年度计划');
    await page.getByRole('heading', { name: '年度培训计划', level: 1 }).waitFor();
    const planYear = year + 1;
    // the plan's own button (its name may carry the icon of a finished request), not the confirmation's
    const publishButton = () =>
      page.locator('.panel-head').getByRole('button', { name: /发\s*布/ });
    const title = `${planYear} 年度社区工作者培训计划`;
    await page.getByLabel('年度').fill(String(planYear));
    await page.getByLabel('标题').fill(title);
    await page.getByRole('button', { name: /创\s*建/ }).click();
    await page.getByRole('heading', { name: title, level: 2 }).waitFor();
    await page.getByText('还没有项目').waitFor();

    // publishing an empty plan is refused with the API's reason
    await publishButton().click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /发\s*布/ })
      .click();
    await page.getByRole('alert').filter({ hasText: '请先添加项目' }).waitFor();

    const addProject = async (
      type: string,
      name: string,
      places: string,
      budget: string,
      channel?: string,
    ) => {
      await choose(page, '培训类型', type);
      if (channel) {
        await choose(page, '面向进入方式', channel);
        await page.keyboard.press('Escape');
      }
      await page.getByLabel('项目名称').fill(name);
      await page.getByLabel('计划名额').fill(places);
      await page.getByLabel('预算（元）').fill(budget);
      await page.getByRole('button', { name: /添加项目/ }).click();
      await page.locator('tbody tr.ant-table-row', { hasText: name }).waitFor();
    };
    await addProject('初任培训', '新招录社区工作者初任培训', '800', '400000', '其他招录');
    await addProject('岗位培训', '社区工作者岗位培训', '3000', '1500000');
    await page
      .locator('tbody tr.ant-table-row', { hasText: '新招录社区工作者初任培训' })
      .locator('td')
      .nth(5)
      .getByText('20 学时')
      .waitFor();
    await page.getByRole('button', { name: '移除项目 新招录社区工作者初任培训' }).click();
    await page.getByText('已移除项目').first().waitFor();
    expect(await page.locator('tbody tr.ant-table-row').count()).toBe(1);
    await page.getByText('区级财政 1500000.00 元').waitFor();

    await page.getByLabel('需求调查报告文件').setInputFiles({
      name: '需求调查报告.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj\n<<>>\nendobj\ntrailer\n<<>>\n%%EOF\n'),
    });
    await page.getByRole('button', { name: /需求调查报告\.pdf/ }).waitFor();
    await page.getByLabel('需求调查报告文件').setInputFiles({
      name: '调查.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('不是报告'),
    });
    await page
      .getByRole('alert')
      .filter({ hasText: /PDF、Word 或 Excel|不支持|类型/ })
      .waitFor();

    // the basis: a version of the needs survey's report, chosen from the survey's versions
    await choose(page, '需求调查', `${year} 年度培训需求调查`);
    await choose(page, '报告版本', '第 1 版（最终）');
    await page.getByRole('button', { name: /关联为依据/ }).click();
    await page
      .getByText(/依据：年度培训需求调查 第 1 版报告.*需求最多：岗位培训 60 人、初任培训 25 人/)
      .waitFor();
    await page.locator('.ant-message-notice').first().waitFor({ state: 'detached' });
    await screenshot(page, 'bureau-annual-plan');

    await publishButton().click();
    await page
      .locator('.ant-popconfirm')
      .getByRole('button', { name: /发\s*布/ })
      .click();
    await page.getByText('年度计划已发布').first().waitFor();
    expect(await page.getByRole('button', { name: /添加项目/ }).count()).toBe(0);
    const [row] = await api.ds.query(
      `select a.status, a.survey_report_name, array_agg(p.title) as projects
         from annual_plan a join plan_project p on p.plan_id = a.id
        where a.region = 'beijing' and a.year = $1 group by a.id`,
      [planYear],
    );
    const [basis] = await api.ds.query(
      `select b.report_id from annual_plan_survey_basis b join annual_plan a on a.id = b.plan_id
        where a.region = 'beijing' and a.year = $1`,
      [planYear],
    );
    expect(basis.report_id).toBe(reportId);
    expect(row).toEqual({
      status: 'published',
      survey_report_name: '需求调查报告.pdf',
      projects: ['社区工作者岗位培训'],
    });
    await page.context().close();
  }, 120_000);
});
