import { INestApplicationContext } from '@nestjs/common';
import { AuditLog, JobName, JobsService } from '@peixun/core';
import { pdfPageTexts } from '@peixun/core/documents/testing/pdf-text';
import { OrgUnit } from '@peixun/org';
import { AnnualPlan } from '@peixun/planning';
import {
  DistributionService,
  invitationId,
  STANDARD_QUESTIONNAIRE,
  SurveyInvitation,
  SurveyResponse,
} from '@peixun/surveys';
import ExcelJS from 'exceljs';
import request from 'supertest';
import { renderPageAsImage } from 'unpdf';
import { createWorkerApp } from '../apps/worker/src/bootstrap';
import { anAccount, anOrgTree, anOrgUnit, TEST_PASSWORD, TestOrg } from './factories/org.factory';
import { aWorker, TestWorker } from './factories/worker.factory';
import { bearer, bootApi, login, Session, sessionFor, TestApi } from './support/app';
import { waitForJob } from './support/queues';

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/**
 * pdf.js (inside unpdf) draws with ArrayBuffer.prototype.transferToFixedLength, which Node 20
 * lacks: without it every page renders blank. The same copy, for the rendering check only.
 */
function polyfillTransfer(): void {
  const proto = ArrayBuffer.prototype as ArrayBuffer & {
    transferToFixedLength?: (n?: number) => ArrayBuffer;
  };
  proto.transferToFixedLength ??= function (this: ArrayBuffer, n?: number): ArrayBuffer {
    const out = new ArrayBuffer(n ?? this.byteLength);
    new Uint8Array(out).set(new Uint8Array(this, 0, Math.min(this.byteLength, out.byteLength)));
    return out;
  };
}

interface JobRef {
  queue: string;
  jobId: string;
}

const ANSWERS = (i: number) => ({
  answers: [
    { question: 'training_types', options: i % 2 ? ['post', 'continuing'] : ['advanced'] },
    {
      question: 'topics',
      options: i % 3 ? ['mediation', 'digital', 'writing'] : ['digital', 'governance'],
    },
    { question: 'methods', options: ['case_teaching', i % 2 ? 'site_visit' : 'online'] },
    { question: 'days', options: [i % 2 ? 'weekday' : 'weekend'] },
    { question: 'daytime', options: ['daytime'] },
    { question: 'pattern', options: ['concentrated'] },
    {
      question: 'suggestions',
      text: i % 2 ? '希望多安排矛盾调解案例教学' : '希望增加矛盾调解和数字化办公',
    },
  ],
});

/** The needs survey end to end: questionnaire, campaign, distribution by the worker, answers, reports, plan link. */
describe('needs survey', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: TestOrg;
  let districtC: OrgUnit;
  let municipal: Session;
  let districtA: Session;
  let districtB: Session;
  let streetA1: Session;
  let institution: Session;
  const inA1: TestWorker[] = [];
  const inA2: TestWorker[] = [];
  const inB1: TestWorker[] = [];
  let outsider: TestWorker;
  let inactive: TestWorker;
  let campaignId: string;

  const as = async (role: Parameters<ReturnType<typeof anAccount>['withRole']>[0], unit: OrgUnit) =>
    login(
      api.http,
      (await anAccount().withRole(role).inOrg(unit).create(api.ds)).username,
      TEST_PASSWORD,
    );
  const sessionOf = (w: { id: string }): Session =>
    sessionFor(api, {
      accountId: `00000000-0000-4000-8000-${w.id.slice(-12)}`,
      username: `w-${w.id.slice(0, 8)}`,
      role: 'worker',
      orgId: null,
      districtId: null,
      streetId: null,
      workerId: w.id,
    });
  const http = () => request(api.http);
  const done = async (who: Session, ref: JobRef) => {
    const s = await waitForJob(api.http, who, ref);
    expect(s.state).toBe('completed');
    return s;
  };

  beforeAll(async () => {
    api = await bootApi();
    worker = await createWorkerApp();
    org = await anOrgTree(api.ds);
    districtC = await anOrgUnit(api.ds, 'district', '朝阳区', org.municipality);
    const streetC = await anOrgUnit(api.ds, 'street', '朝外街道', districtC);
    const communityC = await anOrgUnit(api.ds, 'community', '吉庆里社区', streetC);
    municipal = await as('municipal_admin', org.municipality);
    districtA = await as('district_admin', org.districtA);
    districtB = await as('district_admin', org.districtB);
    streetA1 = await as('street_admin', org.streetA1);
    institution = await as('institution_staff', org.institution);
    for (let i = 0; i < 6; i++)
      inA1.push(await aWorker().inCommunity(org.communityA1).create(api.ds));
    for (let i = 0; i < 4; i++)
      inA2.push(await aWorker().inCommunity(org.communityA2).create(api.ds));
    for (let i = 0; i < 5; i++)
      inB1.push(
        await aWorker().inCommunity(org.communityB1).with({ positionTier: 'head' }).create(api.ds),
      );
    outsider = await aWorker().inCommunity(communityC).create(api.ds);
    inactive = await aWorker().inCommunity(org.communityA1).with({ status: 'left' }).create(api.ds);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  let questionnaireId: string;

  it('the bureau builds a questionnaire from the standard one; bad questions are named; others are refused', async () => {
    const tpl = await http()
      .get('/api/v1/survey-questionnaires/template')
      .set(bearer(municipal))
      .expect(200);
    expect(tpl.body.questions.map((q: { key: string }) => q.key)).toEqual(
      STANDARD_QUESTIONNAIRE.questions.map((q) => q.key),
    );
    const bad = await http()
      .post('/api/v1/survey-questionnaires')
      .set(bearer(municipal))
      .send({
        title: '坏问卷',
        questions: [{ key: 'a', label: '单选', type: 'single', options: [] }],
      });
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('VALIDATION_FAILED');
    expect(bad.body.message).toContain('questions[0]');
    await http()
      .post('/api/v1/survey-questionnaires')
      .set(bearer(districtA))
      .send(tpl.body)
      .expect(403);
    const q = await http()
      .post('/api/v1/survey-questionnaires')
      .set(bearer(municipal))
      .send(tpl.body)
      .expect(201);
    questionnaireId = q.body.id;
    expect(q.body).toMatchObject({ version: 1, locked: false, current: true });
  });

  it('a campaign is drafted (window checked), launched, and distributed by the worker exactly once', async () => {
    const base = {
      year: 2026,
      title: '2026 年度社区工作者培训需求调查',
      questionnaireId,
      population: { districtIds: [org.districtA.id, org.districtB.id] },
      opensAt: new Date(Date.now() - 60_000).toISOString(),
      closesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      minGroupSize: 3,
    };
    const badWindow = await http()
      .post('/api/v1/survey-campaigns')
      .set(bearer(municipal))
      .send({ ...base, closesAt: base.opensAt, opensAt: base.closesAt });
    expect(badWindow.status).toBe(400);
    expect(badWindow.body.message).toContain('closesAt');
    await http().post('/api/v1/survey-campaigns').set(bearer(districtA)).send(base).expect(403);
    const created = await http()
      .post('/api/v1/survey-campaigns')
      .set(bearer(municipal))
      .send(base)
      .expect(201);
    campaignId = created.body.id;
    expect(created.body.status).toBe('draft');
    // districts do not see drafts
    await http().get(`/api/v1/survey-campaigns/${campaignId}`).set(bearer(districtA)).expect(404);

    const launched = await http()
      .post(`/api/v1/survey-campaigns/${campaignId}/launch`)
      .set(bearer(municipal))
      .expect(202);
    expect(launched.body.campaign.status).toBe('open');
    const status = await done(municipal, launched.body.distribution);
    expect(status.result).toMatchObject({ outcome: 'distributed', invited: 15, added: 15 });
    expect(status.progress).toMatchObject({ scanned: 15, added: 15 });

    // the questionnaire is now read-only (and the database refuses a change too)
    const edit = await http()
      .patch(`/api/v1/survey-questionnaires/${questionnaireId}`)
      .set(bearer(municipal))
      .send({ title: '改标题' });
    expect(edit.status).toBe(409);
    expect(edit.body.code).toBe('SURVEY_QUESTIONNAIRE_IN_USE');
    await expect(
      api.ds.query(`update survey_questionnaire set title = 'x' where id = $1`, [questionnaireId]),
    ).rejects.toThrow(/read-only/);

    // a second run (a retry, the sweep) adds nobody and sends nothing twice
    const again = await api.app
      .get(JobsService)
      .enqueue(JobName.SurveyDistribute, { campaignId, round: 'again' });
    expect((await done(municipal, again)).result).toMatchObject({ invited: 15, added: 0 });
    const invitations = await api.ds.getRepository(SurveyInvitation).findBy({ campaignId });
    expect(invitations).toHaveLength(15);
    for (const i of invitations) expect(i.id).toBe(invitationId(campaignId, i.workerId));
    expect(invitations.map((i) => i.workerId)).not.toContain(outsider.id);
    expect(invitations.map((i) => i.workerId)).not.toContain(inactive.id);
    const [{ n }] = await api.ds.query(
      `select count(*)::int n from notification where kind = 'survey.invited' and data->>'campaignId' = $1`,
      [campaignId],
    );
    expect(n).toBe(15);
    const c = await http()
      .get(`/api/v1/survey-campaigns/${campaignId}`)
      .set(bearer(districtA))
      .expect(200);
    expect(c.body.invitedCount).toBe(15);
  });

  it('a worker drafts, submits once, replaces before the close (audited); answers are checked', async () => {
    const w = sessionOf(inA1[0]);
    const mine = await http().get('/api/v1/my-surveys').set(bearer(w)).expect(200);
    expect(
      mine.body.find((s: { campaignId: string }) => s.campaignId === campaignId),
    ).toMatchObject({
      status: 'invited',
      accepting: true,
    });
    const bad = await http()
      .post(`/api/v1/my-surveys/${campaignId}/submission`)
      .set(bearer(w))
      .send({ answers: [{ question: 'methods', options: ['juggling'] }] });
    expect(bad.status).toBe(400);
    expect(bad.body.message).toContain('answers[0].options');
    expect(bad.body.message).toContain('training_types'); // required, missing
    const draft = await http()
      .put(`/api/v1/my-surveys/${campaignId}/draft`)
      .set(bearer(w))
      .send({ answers: [{ question: 'days', options: ['weekend'] }] })
      .expect(200);
    expect(draft.body.status).toBe('draft');
    const sub = await http()
      .post(`/api/v1/my-surveys/${campaignId}/submission`)
      .set(bearer(w))
      .send(ANSWERS(0))
      .expect(201);
    expect(sub.body).toMatchObject({ status: 'submitted', revision: 1 });
    const twice = await http()
      .post(`/api/v1/my-surveys/${campaignId}/submission`)
      .set(bearer(w))
      .send(ANSWERS(0));
    expect(twice.status).toBe(409);
    expect(twice.body.code).toBe('SURVEY_ALREADY_SUBMITTED');
    const replaced = await http()
      .put(`/api/v1/my-surveys/${campaignId}/submission`)
      .set(bearer(w))
      .send(ANSWERS(1))
      .expect(200);
    expect(replaced.body.revision).toBe(2);
    const inv = invitationId(campaignId, inA1[0].id);
    const audit = await api.ds.getRepository(AuditLog).findBy({ entityId: inv });
    expect(audit.map((a) => a.action).sort()).toEqual([
      'survey.response_replaced',
      'survey.response_submitted',
    ]);
    expect(JSON.stringify(audit)).not.toContain('矛盾'); // no answer in the audit trail
    // not submitted yet: nothing to replace
    const early = await http()
      .put(`/api/v1/my-surveys/${campaignId}/submission`)
      .set(bearer(sessionOf(inA1[1])))
      .send(ANSWERS(1));
    expect(early.body.code).toBe('SURVEY_NOT_SUBMITTED');
  });

  it('a worker outside the population cannot answer; other roles cannot answer at all', async () => {
    for (const w of [outsider, inactive]) {
      const res = await http()
        .post(`/api/v1/my-surveys/${campaignId}/submission`)
        .set(bearer(sessionOf(w)))
        .send(ANSWERS(0));
      expect(res.status).toBe(403);
      expect(res.body.code).toBe('SURVEY_NOT_IN_POPULATION');
      await http()
        .get(`/api/v1/my-surveys/${campaignId}`)
        .set(bearer(sessionOf(w)))
        .expect(403);
    }
    await http()
      .post(`/api/v1/my-surveys/${campaignId}/submission`)
      .set(bearer(districtA))
      .send(ANSWERS(0))
      .expect(403);
    await http()
      .get('/api/v1/survey-campaigns')
      .set(bearer(sessionOf(inA1[0])))
      .expect(403);
    await http().get('/api/v1/survey-campaigns').set(bearer(institution)).expect(403);
  });

  it('a worker added to the roster while the campaign is open is invited too', async () => {
    const late = await aWorker().inCommunity(org.communityB1).create(api.ds);
    inB1.push(late);
    const ref = await api.app
      .get(JobsService)
      .enqueue(JobName.SurveyDistribute, { campaignId, round: 'late' });
    expect((await done(municipal, ref)).result).toMatchObject({ invited: 16, added: 1 });
    // the rest answer (three of A1, two of A2, all of B1)
    const answering = [...inA1.slice(1, 4), ...inA2.slice(0, 2), ...inB1];
    for (const [i, w] of answering.entries())
      await http()
        .post(`/api/v1/my-surveys/${campaignId}/submission`)
        .set(bearer(sessionOf(w)))
        .send(ANSWERS(i))
        .expect(201);
  });

  it('response rates: the bureau by district and street, a district its own, a street itself', async () => {
    const city = await http()
      .get(`/api/v1/survey-campaigns/${campaignId}/response-rates`)
      .set(bearer(municipal))
      .expect(200);
    expect(city.body).toMatchObject({ scope: 'city', invited: 16, submitted: 12 });
    const a = city.body.districts.find((d: { id: string }) => d.id === org.districtA.id);
    expect(a).toMatchObject({ invited: 10, submitted: 6, rate: 0.6 });
    expect(a.streets).toHaveLength(2);
    const dA = await http()
      .get(`/api/v1/survey-campaigns/${campaignId}/response-rates`)
      .set(bearer(districtA))
      .expect(200);
    expect(dA.body.scope).toBe('district');
    expect(dA.body.districts.map((d: { id: string }) => d.id)).toEqual([org.districtA.id]);
    const s = await http()
      .get(`/api/v1/survey-campaigns/${campaignId}/response-rates`)
      .set(bearer(streetA1))
      .expect(200);
    expect(s.body).toMatchObject({ scope: 'street', invited: 6, submitted: 4 });
    expect(JSON.stringify(s.body)).not.toContain(org.streetA2.id);
    await http()
      .get(`/api/v1/survey-campaigns/${campaignId}/response-rates`)
      .set(bearer(sessionOf(inA1[0])))
      .expect(403);
  });

  it('reminders go to those who have not submitted, once per reminder', async () => {
    const d = api.app.get(DistributionService);
    await api.ds.query(
      `update survey_campaign set reminders = array[now() + interval '1 day'] where id = $1`,
      [campaignId],
    );
    const first = await d.remind(campaignId, 1);
    expect(first).toMatchObject({ outcome: 'sent', reminded: 4 });
    expect(await d.remind(campaignId, 1)).toMatchObject({ outcome: 'already', reminded: 0 });
    const rows = await api.ds.query(
      `select recipient_id from notification where kind = 'survey.reminder' and data->>'campaignId' = $1`,
      [campaignId],
    );
    expect(rows.map((r: { recipient_id: string }) => r.recipient_id).sort()).toEqual(
      [inA1[4], inA1[5], inA2[2], inA2[3]].map((w) => w.id).sort(),
    );
  });

  let reportId: string;

  it('an interim report is aggregated by the worker: anonymous counts, Excel and a Chinese PDF with charts', async () => {
    await http()
      .post(`/api/v1/survey-campaigns/${campaignId}/reports`)
      .set(bearer(districtA))
      .expect(403);
    const asked = await http()
      .post(`/api/v1/survey-campaigns/${campaignId}/reports`)
      .set(bearer(municipal))
      .expect(202);
    expect(asked.body).toMatchObject({ number: 1, kind: 'interim', status: 'pending' });
    await done(municipal, asked.body.job);
    reportId = asked.body.id;
    const r = await http()
      .get(`/api/v1/survey-reports/${reportId}`)
      .set(bearer(districtB))
      .expect(200);
    expect(r.body).toMatchObject({ status: 'ready', respondents: 12, invited: 16 });
    const data = r.body.data;
    const tt = data.questions.find((q: { key: string }) => q.key === 'training_types');
    // 12 respondents: even ones chose advanced, odd ones post + continuing
    const count = (key: string): number =>
      (tt.options as { key: string; count: number }[]).find((o) => o.key === key)!.count;
    expect(count('advanced') + count('post')).toBe(12);
    expect(count('post')).toBe(count('continuing'));
    expect(data.demand.types[0].rank).toBe(1);
    const topics = data.questions.find((q: { key: string }) => q.key === 'topics');
    expect(topics.ranking[0].key).toBe('digital');
    const text = data.questions.find((q: { key: string }) => q.key === 'suggestions');
    expect(text.terms.map((t: { term: string }) => t.term).join()).toMatch(/矛盾|调解/);
    // anonymous: no worker, invitation or free text in the report
    const json = JSON.stringify(data);
    for (const w of inA1) expect(json).not.toContain(w.id);
    expect(json).not.toContain('希望多安排矛盾调解案例教学');

    const pdf = await http()
      .get(`/api/v1/survey-reports/${reportId}/files/pdf`)
      .set(bearer(streetA1))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const pages = await pdfPageTexts(pdf.body as Buffer);
    const all = pages.join('\n').replace(/\s+/g, '');
    expect(all).toContain('培训需求调查报告');
    expect(all).toContain('各区回收率');
    expect(all).toContain('您最需要哪些培训内容？');
    // looked at as an image: the first page is drawn (text and the bars of the chart)
    polyfillTransfer();
    const canvas = await import('@napi-rs/canvas');
    const image = await canvas.loadImage(
      Buffer.from(
        await renderPageAsImage(new Uint8Array(pdf.body as Buffer), 1, {
          canvasImport: () => Promise.resolve(canvas),
          scale: 1,
        }),
      ),
    );
    const board = canvas.createCanvas(image.width, image.height);
    const ctx = board.getContext('2d');
    ctx.drawImage(image, 0, 0);
    const pixels = ctx.getImageData(0, 0, image.width, image.height).data;
    let dark = 0;
    let coloured = 0;
    for (let i = 0; i < pixels.length; i += 4) {
      const [r0, g0, b0] = [pixels[i], pixels[i + 1], pixels[i + 2]];
      if (r0 + g0 + b0 < 200) dark++;
      if (Math.max(r0, g0, b0) - Math.min(r0, g0, b0) > 60) coloured++;
    }
    expect(image.width).toBeGreaterThan(500);
    expect(dark).toBeGreaterThan(2000); // glyphs
    expect(coloured).toBeGreaterThan(1000); // the bars

    const xlsx = await http()
      .get(`/api/v1/survey-reports/${reportId}/files/xlsx`)
      .set(bearer(municipal))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.body as Buffer);
    expect(wb.worksheets.map((s) => s.name)).toEqual(
      expect.arrayContaining(['概况', '回收情况', '培训项目需求']),
    );
    await http()
      .get(`/api/v1/survey-reports/${reportId}/files/pdf`)
      .set(bearer(institution))
      .expect(403);
    await http()
      .get(`/api/v1/survey-reports/${reportId}/files/doc`)
      .set(bearer(municipal))
      .expect(400);
  });

  it('the annual plan links the report; the plan editor reads the ranked demand per type and district', async () => {
    const plan = await api.ds.getRepository(AnnualPlan).save({
      region: 'beijing',
      year: 3000 + Math.floor(Math.random() * 5000),
      title: '测试年度计划',
      createdBy: municipal.actor.accountId,
    });
    const none = await http()
      .get(`/api/v1/annual-plans/${plan.id}/survey-basis`)
      .set(bearer(municipal));
    expect(none.status).toBe(404);
    expect(none.body.code).toBe('SURVEY_BASIS_NOT_SET');
    await http()
      .put(`/api/v1/annual-plans/${plan.id}/survey-basis`)
      .set(bearer(districtA))
      .send({ reportId })
      .expect(403);
    const linked = await http()
      .put(`/api/v1/annual-plans/${plan.id}/survey-basis`)
      .set(bearer(municipal))
      .send({ reportId })
      .expect(200);
    expect(linked.body.report.id).toBe(reportId);
    const read = await http()
      .get(`/api/v1/annual-plans/${plan.id}/survey-basis`)
      .set(bearer(districtA))
      .expect(200);
    expect(read.body.demand.types.length).toBeGreaterThan(0);
    const a = read.body.demand.districts.find(
      (d: { districtId: string }) => d.districtId === org.districtA.id,
    );
    expect(a.suppressed).toBe(false);
    expect(a.types[0]).toMatchObject({ rank: 1 });
  });

  it('closing refuses further answers and renders the final report', async () => {
    await http()
      .post(`/api/v1/survey-campaigns/${campaignId}/close`)
      .set(bearer(districtA))
      .expect(403);
    const closed = await http()
      .post(`/api/v1/survey-campaigns/${campaignId}/close`)
      .set(bearer(municipal))
      .expect(202);
    expect(closed.body.campaign.status).toBe('closed');
    expect(closed.body.report).toMatchObject({ number: 2, kind: 'final' });
    const late = await http()
      .post(`/api/v1/my-surveys/${campaignId}/submission`)
      .set(bearer(sessionOf(inA1[5])))
      .send(ANSWERS(0));
    expect(late.status).toBe(409);
    expect(late.body.code).toBe('SURVEY_CLOSED');
    const edit = await http()
      .put(`/api/v1/my-surveys/${campaignId}/submission`)
      .set(bearer(sessionOf(inA1[0])))
      .send(ANSWERS(0));
    expect(edit.body.code).toBe('SURVEY_CLOSED');
    await done(municipal, closed.body.report.job);
    const list = await http()
      .get(`/api/v1/survey-campaigns/${campaignId}/reports`)
      .set(bearer(districtA))
      .expect(200);
    expect(list.body.map((r: { number: number; status: string }) => [r.number, r.status])).toEqual([
      [2, 'ready'],
      [1, 'ready'],
    ]);
    expect(
      await api.ds.getRepository(SurveyResponse).countBy({ campaignId, status: 'submitted' }),
    ).toBe(12);
    const again = await http()
      .post(`/api/v1/survey-campaigns/${campaignId}/close`)
      .set(bearer(municipal));
    expect(again.body.code).toBe('ILLEGAL_TRANSITION');
  });
  it('the sweep tops up invitations, sends due reminders and closes a campaign whose window has ended', async () => {
    const created = await http()
      .post('/api/v1/survey-campaigns')
      .set(bearer(municipal))
      .send({
        year: 2026,
        title: '补充调查',
        questionnaireId,
        population: { districtIds: [org.districtB.id] },
        opensAt: new Date(Date.now() - 60_000).toISOString(),
        closesAt: new Date(Date.now() + 86_400_000).toISOString(),
        reminders: [new Date(Date.now() + 3_600_000).toISOString()],
      })
      .expect(201);
    const id = created.body.id as string;
    const launched = await http()
      .post(`/api/v1/survey-campaigns/${id}/launch`)
      .set(bearer(municipal))
      .expect(202);
    await done(municipal, launched.body.distribution);
    const newcomer = await aWorker().inCommunity(org.communityB1).create(api.ds);
    // the reminder falls due; the sweep enqueues the top-up and the reminder
    await api.ds.query(
      `update survey_campaign set reminders = array[now() - interval '1 second'] where id = $1`,
      [id],
    );
    const d = api.app.get(DistributionService);
    expect(await d.sweep()).toMatchObject({ closed: 0 });
    const invited = async (): Promise<number> =>
      await api.ds.getRepository(SurveyInvitation).countBy({ campaignId: id });
    const deadline = Date.now() + 30_000;
    while ((await invited()) < inB1.length + 1 && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 100));
    expect(await invited()).toBe(inB1.length + 1);
    expect(
      await api.ds
        .getRepository(SurveyInvitation)
        .countBy({ campaignId: id, workerId: newcomer.id }),
    ).toBe(1);
    const remind = await waitForJob(api.http, municipal, {
      queue: 'surveys',
      jobId: `survey-remind.${id}.1`,
    });
    expect(remind.result).toMatchObject({ outcome: 'sent', reminded: inB1.length + 1 });
    // the window ends: the sweep closes it and renders the final report
    await api.ds.query(
      `update survey_campaign set opens_at = now() - interval '2 days', closes_at = now() - interval '1 second' where id = $1`,
      [id],
    );
    expect(await d.sweep()).toMatchObject({ closed: 1 });
    const c = await http().get(`/api/v1/survey-campaigns/${id}`).set(bearer(districtB)).expect(200);
    expect(c.body.status).toBe('closed');
    const reports = await http()
      .get(`/api/v1/survey-campaigns/${id}/reports`)
      .set(bearer(municipal))
      .expect(200);
    expect(reports.body).toHaveLength(1);
    expect(reports.body[0].kind).toBe('final');
    await done(municipal, reports.body[0].job);
  });
  it('a used questionnaire changes by a new version, which supersedes it for new campaigns', async () => {
    const tpl = await http()
      .get('/api/v1/survey-questionnaires/template')
      .set(bearer(municipal))
      .expect(200);
    const v2 = await http()
      .post(`/api/v1/survey-questionnaires/${questionnaireId}/versions`)
      .set(bearer(municipal))
      .send({ ...tpl.body, title: '第二版问卷' })
      .expect(201);
    expect(v2.body).toMatchObject({ version: 2, supersedesId: questionnaireId, locked: false });
    const again = await http()
      .post(`/api/v1/survey-questionnaires/${questionnaireId}/versions`)
      .set(bearer(municipal))
      .send(tpl.body);
    expect(again.body.code).toBe('SURVEY_QUESTIONNAIRE_DRAFT_EXISTS');
    const old = await http()
      .post('/api/v1/survey-campaigns')
      .set(bearer(municipal))
      .send({
        year: 2027,
        title: '用旧版问卷',
        questionnaireId,
        opensAt: new Date(Date.now() + 86_400_000).toISOString(),
        closesAt: new Date(Date.now() + 2 * 86_400_000).toISOString(),
      });
    expect(old.status).toBe(409);
    expect(old.body.code).toBe('SURVEY_QUESTIONNAIRE_SUPERSEDED');
    const list = await http()
      .get('/api/v1/survey-questionnaires')
      .set(bearer(municipal))
      .expect(200);
    const v1 = list.body.find((q: { id: string }) => q.id === questionnaireId);
    expect(v1).toMatchObject({ current: false, supersededBy: v2.body.id });
    await http().get('/api/v1/survey-questionnaires').set(bearer(districtA)).expect(403);
  });
});
