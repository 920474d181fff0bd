import { INestApplicationContext } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { OrgUnit, WorkerAssessment } from '@peixun/org';
import type { Browser, Page } from 'playwright-core';
import request from 'supertest';
import { createWorkerApp } from '../../apps/worker/src/bootstrap';
import { aConsentingTeacher, aFiledInstitution, dayFromNow } from '../factories/class.factory';
import { anAccount, anOrgUnit, anOrgTree, TestOrg } from '../factories/org.factory';
import { aWorker } from '../factories/worker.factory';
import { bearer, Session } from '../support/app';
import { issuedCertificates } from '../support/issued-certificates';
import { signInAs, workerSessionFor } from '../support/sessions';
import {
  bootWebApi,
  launchBrowser,
  newContext,
  screenshot,
  seriousA11yViolations,
  signIn,
  WebTestApi,
} from './playwright/browser';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

/** A unified social credit code with a correct check character, different on every call. */
let seq = 0;
function creditCode(): string {
  const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
  const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
  const body = `5211020${String(Date.now() % 1e6).padStart(6, '0')}${String(seq++).padStart(4, '0')}`;
  const sum = [...body].reduce((s, c, i) => s + chars.indexOf(c) * weights[i], 0);
  return body + chars[(31 - (sum % 31)) % 31];
}

/** The standard questionnaire's answers (every required question). */
const ANSWERS = (i: number) => ({
  answers: [
    { question: 'training_types', options: i % 2 ? ['post', 'continuing'] : ['advanced'] },
    { question: 'topics', options: ['mediation', 'digital'] },
    { question: 'methods', options: ['case_teaching', i % 2 ? 'site_visit' : 'online'] },
    { question: 'days', options: [i % 2 ? 'weekday' : 'weekend'] },
    { question: 'daytime', options: ['daytime'] },
    { question: 'pattern', options: ['concentrated'] },
    { question: 'suggestions', text: '希望多安排矛盾调解案例教学' },
  ],
});

describe('web app in a browser: the bureau’s institution review, nominations, surveys and certificates', () => {
  let api: WebTestApi;
  let worker: INestApplicationContext;
  let browser: Browser;
  let org: TestOrg;

  beforeAll(async () => {
    // the verification limit counts per address and minute across the run: another file may
    // have used this minute up (test/certificates.e2e-spec.ts tests the limit itself)
    api = await bootWebApi({ VERIFY_RATE_LIMIT: '100000' });
    worker = await createWorkerApp();
    browser = await launchBrowser();
    org = await anOrgTree(api.ds);
    await aFiledInstitution(api.ds, org.institution.id);
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await worker?.close();
    await api?.close();
  });

  const signedIn = async (
    role: 'municipal_admin' | 'district_admin' | 'street_admin',
    unit: OrgUnit,
    path: string,
  ): Promise<Page> => {
    const account = await anAccount().withRole(role).inOrg(unit).create(api.ds);
    const context = await newContext(browser, api.baseUrl);
    const page = await context.newPage();
    await page.goto(`/login?next=${encodeURIComponent(path)}`);
    await signIn(page, account.username);
    return page;
  };
  const nav = (page: Page, name: string) =>
    page.getByRole('navigation').getByRole('link', { name, exact: true }).click();

  /** An institution whose staff filled in the application, uploaded a document and submitted it. */
  const anApplication = async (
    name: string,
    document: string,
  ): Promise<{ unit: OrgUnit; staff: Session }> => {
    const unit = await anOrgUnit(api.ds, 'institution', name, org.municipality);
    const staff = await signInAs(api, 'institution_staff', unit);
    await request(api.http)
      .put('/api/v1/institutions/mine/application')
      .set(bearer(staff))
      .send({
        legalName: `${name}（法人）`,
        creditCode: creditCode(),
        kind: 'training_center',
        address: '北京市东城区某路 1 号',
        contactName: '陈老师',
        contactPhone: '010-66666666',
        annualCapacity: 1200,
        description: '专职教师 12 名，教室 6 间',
      })
      .expect(200);
    await request(api.http)
      .post('/api/v1/institutions/mine/documents')
      .set(bearer(staff))
      .attach('file', PDF, document)
      .expect(201);
    await request(api.http).post('/api/v1/institutions/mine/submit').set(bearer(staff)).expect(200);
    return { unit, staff };
  };

  it('the bureau returns one institution application with a comment and approves another after opening its document', async () => {
    const returnMe = await anApplication('退回培训中心', '师资名单.pdf');
    const approveMe = await anApplication('批准培训中心', '办学许可证.pdf');
    const page = await signedIn('municipal_admin', org.municipality, '/b');
    await nav(page, '机构审核');
    await page.getByRole('heading', { name: /机构审核（\d+ 件待审）/ }).waitFor();

    await page.getByRole('link', { name: returnMe.unit.name }).click();
    await page.getByRole('heading', { name: returnMe.unit.name, level: 2 }).waitFor();
    await page.getByText('师资名单.pdf').waitFor();
    await page.getByRole('button', { name: /退回修改/ }).click();
    await page.getByText('请填写理由（至少 2 个字）').waitFor();
    await page.getByLabel('审核意见').fill('请补充场地产权证明');
    await page.getByRole('button', { name: /退回修改/ }).click();
    await page.getByText('已退回修改').first().waitFor();
    const [returned] = await api.ds.query(
      `select status, last_reason from institution_profile where org_unit_id = $1`,
      [returnMe.unit.id],
    );
    expect(returned).toEqual({ status: 'changes_requested', last_reason: '请补充场地产权证明' });
    // it has left the queue
    await page.getByRole('link', { name: returnMe.unit.name }).waitFor({ state: 'detached' });

    await page.getByRole('link', { name: approveMe.unit.name }).click();
    await page.getByRole('heading', { name: approveMe.unit.name, level: 2 }).waitFor();
    await page.getByText('专职教师 12 名，教室 6 间').waitFor();
    await screenshot(page, 'bureau-institutions');
    expect(await seriousA11yViolations(page)).toEqual([]);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: '下载 办学许可证.pdf' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('办学许可证.pdf');
    const path = await file.path();
    expect(readFileSync(path)).toEqual(PDF);

    await page.getByRole('button', { name: /批准备案/ }).click();
    await page.getByText('已批准备案').first().waitFor();
    const [approved] = await api.ds.query(
      `select status, filing_number from institution_profile where org_unit_id = $1`,
      [approveMe.unit.id],
    );
    expect(approved.status).toBe('approved');
    expect(approved.filing_number).toEqual(expect.any(String));
    // the detail now shows the filing number and offers suspension with a reason
    await page.getByText(approved.filing_number).first().waitFor();
    await page.getByLabel('暂停理由').fill('年检不合格，暂停委托');
    await page.getByRole('button', { name: /暂停备案/ }).click();
    await page.getByRole('button', { name: /恢复备案/ }).waitFor();
    const [suspended] = await api.ds.query(
      `select status, last_reason from institution_profile where org_unit_id = $1`,
      [approveMe.unit.id],
    );
    expect(suspended).toEqual({ status: 'suspended', last_reason: '年检不合格，暂停委托' });
    // later, from a fresh visit: the suspended institution is listed, and opened from there
    await page.goto('/b/institutions');
    const suspendedList = page.locator('.panel', { hasText: '已暂停的机构' });
    await suspendedList.getByRole('link', { name: approveMe.unit.name }).click();
    await page.getByLabel('恢复理由').fill('整改完成');
    await page.getByRole('button', { name: /恢复备案/ }).click();
    await page.getByRole('button', { name: /暂停备案/ }).waitFor();
    const [back] = await api.ds.query(
      `select status from institution_profile where org_unit_id = $1`,
      [approveMe.unit.id],
    );
    expect(back.status).toBe('approved');
    await page.context().close();
  });

  it('the district nominates an excellent worker; the bureau accepts within the quota and the count moves', async () => {
    const year = Number(dayFromNow(0).slice(0, 4)) + 1;
    const stamp = Date.now().toString(36);
    const excellent = await aWorker()
      .inCommunity(org.communityA1)
      .named(`优${stamp}甲`)
      .create(api.ds);
    const fair = await aWorker().inCommunity(org.communityA1).named(`优${stamp}乙`).create(api.ds);
    for (const [w, grade] of [
      [excellent, 'excellent'],
      [fair, 'competent'],
    ] as const) {
      await api.ds.getRepository(WorkerAssessment).save({
        workerId: w.id,
        year: year - 1,
        grade,
        policyId: 'beijing-2012',
        note: null,
        recordedBy: null,
      });
    }
    // the bureau's advanced class of that year
    const municipal = await signInAs(api, 'municipal_admin', org.municipality);
    const teacher = await aConsentingTeacher(api.ds, org.institution.id, `进修${stamp}`);
    const cls = await request(api.http)
      .post('/api/v1/classes/advanced')
      .set(bearer(municipal))
      .send({
        institutionId: org.institution.id,
        year,
        title: `${year} 年社区工作者进修班 ${stamp}`,
        location: '北京某大学',
        capacity: 30,
        enrolOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
        enrolClosesAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
        sessions: Array.from({ length: 16 }, (_, i) => ({
          date: dayFromNow(100 + i),
          startTime: '08:00',
          endTime: '20:00',
          halfHours: 40,
          topic: `进修专题 ${i + 1}`,
          method: 'lecture',
          teacherId: teacher.id,
        })),
      })
      .expect(201);
    await api.ds.query(
      `update training_class set status = 'open', opened_at = now() where id = $1`,
      [cls.body.id],
    );
    const acceptedSoFar = async (): Promise<number> => {
      const [row] = await api.ds.query<{ n: number }[]>(
        `select coalesce(sum(accepted), 0)::int n from nomination_quota where municipality_id = $1 and year = $2`,
        [org.municipality.id, year],
      );
      return row.n;
    };
    const before = await acceptedSoFar();

    // the district: a worker not rated excellent is refused with the API's reason; the excellent one is nominated
    const district = await signedIn('district_admin', org.districtA, '/d');
    await nav(district, '进修推荐');
    await district.getByLabel('进修年度').selectOption(String(year));
    await district.getByText(`全市进修名额：已确认 ${before} / 100 人`).waitFor();
    await district.getByLabel('按姓名查找社区工作者').fill(`优${stamp}`);
    await district.getByLabel('按姓名查找社区工作者').press('Enter');
    await district.getByRole('button', { name: `选择 ${fair.name}` }).click();
    await district.getByRole('button', { name: `推荐 ${fair.name}` }).click();
    await district.getByText(/上一年度考核等次不是优秀/).waitFor();
    await district.getByRole('button', { name: `选择 ${excellent.name}` }).click();
    await district.getByLabel('推荐理由').fill('连续两年考核优秀');
    await district.getByRole('button', { name: `推荐 ${excellent.name}` }).click();
    await district
      .locator('tbody tr', { hasText: '连续两年考核优秀' })
      .getByText('待确认')
      .waitFor();
    const [nominated] = await api.ds.query(
      `select id, status, nomination_reason from nomination where worker_id = $1 and year = $2`,
      [excellent.id, year],
    );
    expect(nominated).toMatchObject({ status: 'pending', nomination_reason: '连续两年考核优秀' });
    expect(await seriousA11yViolations(district)).toEqual([]);
    expect(
      await api.ds.query(`select 1 from nomination where worker_id = $1`, [fair.id]),
    ).toHaveLength(0);

    // the bureau accepts it into the advanced class: the count moves by one
    const bureau = await signedIn('municipal_admin', org.municipality, '/b');
    await nav(bureau, '进修推荐');
    await bureau.getByLabel('年度', { exact: true }).selectOption(String(year));
    await bureau.getByText(`全市进修名额：已确认 ${before} / 100 人`).waitFor();
    await bureau.getByRole('button', { name: `确认 ${excellent.name}`, exact: true }).click();
    await bureau
      .getByRole('dialog')
      .getByRole('button', { name: /确认并编班/ })
      .click();
    await bureau.getByText('请选择进修班次').waitFor();
    await bureau.getByLabel('进修班次').selectOption(cls.body.id);
    await bureau
      .getByRole('dialog')
      .getByRole('button', { name: /确认并编班/ })
      .click();
    await bureau.getByText(`全市进修名额：已确认 ${before + 1} / 100 人`).waitFor();
    expect(await acceptedSoFar()).toBe(before + 1);
    const [accepted] = await api.ds.query(`select status, class_id from nomination where id = $1`, [
      nominated.id,
    ]);
    expect(accepted).toEqual({ status: 'accepted', class_id: cls.body.id });
    const [enrolled] = await api.ds.query(
      `select status, source from enrollment where class_id = $1 and worker_id = $2`,
      [cls.body.id, excellent.id],
    );
    expect(enrolled).toEqual({ status: 'enrolled', source: 'nomination' });
    await bureau.getByLabel('状态', { exact: true }).selectOption('accepted');
    await bureau.getByRole('cell', { name: excellent.name }).waitFor();
    await screenshot(bureau, 'bureau-nominations');
    expect(await seriousA11yViolations(bureau)).toEqual([]);

    // the district sees the decision
    await district.reload();
    await district.getByLabel('进修年度').selectOption(String(year));
    await district
      .locator('tbody tr', { hasText: '连续两年考核优秀' })
      .getByText('已确认')
      .waitFor();
    await district.context().close();
    await bureau.context().close();
  });

  it('a survey campaign is created from the standard questionnaire, launched, answered, closed, and its report shown with charts', async () => {
    const stamp = Date.now().toString(36);
    const respondents = [];
    for (let i = 0; i < 4; i++)
      respondents.push(await aWorker().inCommunity(org.communityA1).create(api.ds));
    const page = await signedIn('municipal_admin', org.municipality, '/b');
    await nav(page, '需求调研');
    await page.getByRole('heading', { name: '需求调研' }).waitFor();
    await page
      .getByRole('button', { name: /新建调查/ })
      .first()
      .click();
    const dialog = page.getByRole('dialog');
    await dialog.getByRole('button', { name: '按标准问卷新建一份' }).click();
    await page.getByText(/已按标准问卷新建/).waitFor();
    const title = `需求调查 ${stamp}`;
    await dialog.getByLabel('调查名称').fill(title);
    await dialog.getByLabel('匿名阈值（人）').fill('3');
    // a window that closes before it opens: the API's message next to the field
    await dialog.getByLabel('截止时间').fill('2020-01-01T09:00');
    await dialog.getByRole('button', { name: /起\s*草/ }).click();
    await dialog.getByText(/截止时间须晚于开始时间/).waitFor();
    const closes = new Date(Date.now() + 7 * 86_400_000 + 8 * 3_600_000).toISOString().slice(0, 16);
    await dialog.getByLabel('截止时间').fill(closes);
    await dialog.getByRole('button', { name: /起\s*草/ }).click();
    await page.getByRole('heading', { name: title, level: 2 }).waitFor();
    const [draft] = await api.ds.query(
      `select id, status, min_group_size from survey_campaign where title = $1`,
      [title],
    );
    expect(draft).toMatchObject({ status: 'draft', min_group_size: 3 });

    await page.getByRole('button', { name: /发布调查/ }).click();
    await page.getByText('邀请分发完成').waitFor({ timeout: 45_000 });
    const [{ n: invited }] = await api.ds.query(
      `select count(*)::int n from survey_invitation where campaign_id = $1`,
      [draft.id],
    );
    expect(invited).toBeGreaterThanOrEqual(4);

    // four workers answer (through the API: the worker's pages are another helper's)
    for (const [i, w] of respondents.entries()) {
      await request(api.http)
        .post(`/api/v1/my-surveys/${draft.id}/submission`)
        .set(bearer(workerSessionFor(api, w)))
        .send(ANSWERS(i))
        .expect(201);
    }
    await page.reload();
    await page.getByText(new RegExp(`已提交 4 人`)).first().waitFor();
    const districtRow = page.locator('tbody tr', { hasText: org.districtA.name });
    await districtRow.waitFor();

    await page.getByRole('button', { name: /截止调查/ }).click();
    await page.getByText('第 1 版 · 最终报告').first().waitFor();
    const [closed] = await api.ds.query(`select status from survey_campaign where id = $1`, [
      draft.id,
    ]);
    expect(closed.status).toBe('closed');
    // the report, once aggregated and rendered: charts of the anonymous counts
    await page.getByRole('button', { name: /下载 Excel/ }).waitFor({ timeout: 60_000 });
    const daytime = page.getByRole('figure', { name: '培训安排在白天还是晚上？' });
    await daytime.getByRole('listitem', { name: '白天：4 人，100%' }).waitFor();
    const types = page.getByRole('figure', { name: '各类培训需求' });
    await types.getByRole('listitem', { name: /^进修培训：2 人，50%/ }).waitFor();
    await types.getByRole('listitem', { name: /^岗位培训：2 人，50%/ }).waitFor();
    await page.getByText(`提交 4 人`).first().waitFor();
    const [report] = await api.ds.query(
      `select kind, status, respondents from survey_report where campaign_id = $1`,
      [draft.id],
    );
    expect(report).toEqual({ kind: 'final', status: 'ready', respondents: 4 });
    await screenshot(page, 'bureau-survey-report');
    expect(await seriousA11yViolations(page)).toEqual([]);

    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: /下载 PDF/ }).click();
    const pdf = await download;
    expect(pdf.suggestedFilename()).toMatch(/\.pdf$/);
    await page.context().close();

    // the street office follows the same campaign read-only: its own rate and the report
    const street = await signedIn('street_admin', org.streetA1, '/d');
    await nav(street, '需求调研');
    await street.getByRole('link', { name: title }).click();
    await street.getByText(/本街道：邀请 \d+ 人，已提交 4 人/).waitFor();
    await street
      .getByRole('figure', { name: '培训安排在白天还是晚上？' })
      .getByRole('listitem', { name: '白天：4 人，100%' })
      .waitFor();
    expect(
      await street.getByRole('button', { name: /新建调查|发布调查|截止调查|中期报告/ }).count(),
    ).toBe(0);
    await street.context().close();
  });

  it('a certificate found by its serial is revoked with a reason; the public verification then says revoked', async () => {
    const staff = await signInAs(api, 'institution_staff', org.institution);
    const {
      certificates: [cert, other],
    } = await issuedCertificates(api, org, staff, 2);
    const page = await signedIn('municipal_admin', org.municipality, '/b');
    await nav(page, '证书撤销');
    // an unknown serial: the API's message next to the field
    await page.getByLabel('证书编号').fill('BJPX-1999-000001');
    await page.getByLabel('证书编号').press('Enter');
    await page.getByText(/证书 BJPX-1999-000001 不存在/).waitFor();
    await page.getByLabel('证书编号').fill(cert.serial.toLowerCase());
    await page.getByLabel('证书编号').press('Enter');
    await page.getByRole('heading', { name: `证书 ${cert.serial}`, level: 2 }).waitFor();
    await page.getByRole('button', { name: /撤销证书/ }).click();
    await page.getByText('请填写原因（至少 2 个字）').waitFor();
    await page.getByLabel('撤销或换发原因').fill('考核舞弊，经查属实');
    await page.getByRole('button', { name: /撤销证书/ }).click();
    await page.getByText(/该证书已于 .+ 撤销/).waitFor();
    await page.getByText('撤销原因：考核舞弊，经查属实').waitFor();
    const [row] = await api.ds.query(
      `select status, revoke_reason, revoked_at from certificate where id = $1`,
      [cert.id],
    );
    expect(row).toMatchObject({ status: 'revoked', revoke_reason: '考核舞弊，经查属实' });
    expect(row.revoked_at).toBeInstanceOf(Date);
    await screenshot(page, 'bureau-certificates');
    expect(await seriousA11yViolations(page)).toEqual([]);

    // the public verification page of the QR link
    const url = new URL(cert.verifyUrl);
    const pub = await page.context().newPage();
    await pub.goto(`${api.baseUrl}${url.pathname}${url.search}`);
    await pub.getByText('证书已撤销').first().waitFor();
    await pub.getByText('撤销日期').waitFor();
    await pub.close();

    // another one reissued (a name corrected): a new serial rendered by a job; the old one superseded
    await page.getByLabel('证书编号').fill(other.serial);
    await page.getByLabel('证书编号').press('Enter');
    await page.getByRole('heading', { name: `证书 ${other.serial}`, level: 2 }).waitFor();
    await page.getByLabel('撤销或换发原因').fill('持证人姓名更正');
    await page.getByRole('button', { name: /换发证书/ }).click();
    await page.getByText('换发完成：新证书见下表').waitFor({ timeout: 45_000 });
    await page.getByText('该证书已被换发，请查看持证人的最新证书').waitFor();
    const generations = await api.ds.query<
      { serial: string; status: string; generation: number }[]
    >(
      `select serial, status, generation from certificate
        where enrollment_id = (select enrollment_id from certificate where id = $1) order by generation`,
      [other.id],
    );
    expect(generations.map((g) => [g.status, g.generation])).toEqual([
      ['superseded', 1],
      ['valid', 2],
    ]);
    await page.getByRole('link', { name: generations[1].serial }).click();
    await page.getByRole('heading', { name: `证书 ${generations[1].serial}`, level: 2 }).waitFor();
    await page.context().close();
  });
});
