import { INestApplicationContext } from '@nestjs/common';
import { AuditLog, FileStore } from '@peixun/core';
import { pdfPageTexts } from '@peixun/core/documents/testing/pdf-text';
import { ClassDocument, ClassDocumentJob, ClassDocumentJobResult } from '@peixun/enrollment';
import { Worker } from '@peixun/org';
import type { Job } from 'bullmq';
import request from 'supertest';
import { createWorkerApp } from '../apps/worker/src/bootstrap';
import {
  aConsentingTeacher,
  anApprovedPlan,
  aFiledInstitution,
  dayFromNow,
} from './factories/class.factory';
import { anAccount, anOrgTree, anOrgUnit, TEST_PASSWORD, TestOrg } from './factories/org.factory';
import { aWorker } from './factories/worker.factory';
import { bearer, bootApi, login, Session, sessionFor, TestApi } from './support/app';
import { waitForJob } from './support/queues';

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};
/** The PDF's text, without the spaces pdf.js puts between glyphs of separate runs. */
const textOf = async (pdf: Buffer): Promise<string> =>
  (await pdfPageTexts(pdf)).join('\n').replace(/\s+/g, '');

interface JobRef {
  queue: string;
  jobId: string;
}

/** Trainee documents (Art. 13) rendered by a real worker process context, read back as text. */
describe('trainee documents of a class', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: TestOrg;
  let files: FileStore;
  let staff: Session;
  let otherStaff: Session;
  let districtA: Session;
  let districtB: Session;
  let municipal: Session;
  let streetA1: Session;
  let streetA2: Session;
  let cls: { id: string; title: string };
  const trainees: Worker[] = [];

  const as = async (role: Parameters<ReturnType<typeof anAccount>['withRole']>[0], unit: unknown) =>
    login(
      api.http,
      (
        await anAccount()
          .withRole(role)
          .inOrg(unit as TestOrg['districtA'])
          .create(api.ds)
      ).username,
      TEST_PASSWORD,
    );
  const sessionOf = (w: Worker): Session =>
    sessionFor(api, {
      accountId: `00000000-0000-4000-8000-${w.id.slice(-12)}`,
      username: `w-${w.id.slice(0, 8)}`,
      role: 'worker',
      orgId: null,
      districtId: null,
      streetId: null,
      workerId: w.id,
    });
  const window = {
    enrolOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
    enrolClosesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
  };
  const publish = (who: Session, classId: string, kind: string) =>
    request(api.http).post(`/api/v1/classes/${classId}/documents/${kind}`).set(bearer(who));
  const download = (who: Session, classId: string, kind: string) =>
    request(api.http)
      .get(`/api/v1/classes/${classId}/documents/${kind}/file`)
      .set(bearer(who))
      .buffer(true)
      .parse(binary);
  const rendered = async (who: Session, ref: JobRef): Promise<ClassDocumentJobResult> => {
    const status = await waitForJob(api.http, who, ref);
    expect(status.state).toBe('completed');
    return status.result as unknown as ClassDocumentJobResult;
  };
  const rowOf = (classId: string, kind: string) =>
    api.ds
      .getRepository(ClassDocument)
      .findOneByOrFail({ classId, kind: kind as ClassDocument['kind'] });
  const objects = async (): Promise<string[]> => {
    const keys: string[] = [];
    for await (const k of files.list('trainee-document/')) keys.push(k);
    return keys.sort();
  };
  const enrol = async (name: string): Promise<Worker> => {
    const w = await aWorker().named(name).inCommunity(org.communityA1).create(api.ds);
    await request(api.http)
      .post(`/api/v1/classes/${cls.id}/enrollments`)
      .set(bearer(sessionOf(w)))
      .send({})
      .expect(201);
    return w;
  };

  beforeAll(async () => {
    api = await bootApi();
    worker = await createWorkerApp();
    files = api.app.get(FileStore);
    org = await anOrgTree(api.ds);
    await aFiledInstitution(api.ds, org.institution.id);
    const otherInstitution = await anOrgUnit(api.ds, 'institution', '另一学院', org.municipality);
    staff = await as('institution_staff', org.institution);
    otherStaff = await as('institution_staff', otherInstitution);
    districtA = await as('district_admin', org.districtA);
    districtB = await as('district_admin', org.districtB);
    municipal = await as('municipal_admin', org.municipality);
    streetA1 = await as('street_admin', org.streetA1);
    streetA2 = await as('street_admin', org.streetA2);
    const t = await aConsentingTeacher(api.ds, org.institution.id, '王建国');
    const plan = await anApprovedPlan(api.ds, org, {
      teacherIds: [t.id],
      title: '2026 年东城区社区工作者岗位培训',
    });
    const c = await request(api.http)
      .post('/api/v1/classes')
      .set(bearer(staff))
      .send({ projectPlanId: plan.id, capacity: 30, ...window })
      .expect(201);
    await request(api.http)
      .post(`/api/v1/classes/${c.body.id}/publish`)
      .set(bearer(staff))
      .expect(201);
    cls = { id: c.body.id, title: c.body.title };
    for (const name of ['赵一鸣', '钱二宝', '孙三立']) trainees.push(await enrol(name));
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('renders the attendance sheet in the worker: the trainees and the class title are in the PDF', async () => {
    const res = await publish(staff, cls.id, 'attendance_sheet').expect(202);
    expect(res.body).toMatchObject({
      queue: 'documents',
      kind: 'attendance_sheet',
      status: 'pending',
    });
    expect(res.body.jobId).toMatch(
      new RegExp(`^class-document\\.${cls.id}\\.attendance_sheet\\.[0-9a-f]{16}$`),
    );
    expect(await rendered(staff, res.body)).toMatchObject({ outcome: 'rendered' });

    const list = await request(api.http)
      .get(`/api/v1/classes/${cls.id}/documents`)
      .set(bearer(staff))
      .expect(200);
    expect(list.body.map((d: { kind: string; status: string }) => [d.kind, d.status])).toEqual([
      ['project_list', 'none'],
      ['notice', 'none'],
      ['timetable', 'none'],
      ['attendance_sheet', 'ready'],
    ]);
    const sheet = list.body[3];
    expect(sheet).toMatchObject({
      label: '考勤表',
      available: true,
      job: { queue: 'documents', jobId: res.body.jobId },
      error: null,
    });

    const pdf = await download(districtA, cls.id, 'attendance_sheet')
      .expect(200)
      .expect('content-type', 'application/pdf');
    const bytes = pdf.body as Buffer;
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    expect(bytes.length).toBe(sheet.size);
    expect(pdf.headers['content-disposition']).toBe(
      `attachment; filename="attendance-sheet.pdf"; filename*=UTF-8''${encodeURIComponent(`${cls.title}-考勤表.pdf`)}`,
    );
    const text = await textOf(bytes);
    for (const name of ['赵一鸣', '钱二宝', '孙三立']) expect(text).toContain(name);
    expect(text).toContain(cls.title.replace(/\s+/g, ''));
    expect(text).toContain('考勤表');
    // ID numbers only masked, as stored (never decrypted for print)
    for (const w of trainees) expect(text).toContain(w.idNumberMasked.replace(/\s+/g, ''));
    expect(text).not.toMatch(/\d{17}[\dX]/);
    const audit = await api.ds
      .getRepository(AuditLog)
      .findBy({ entityId: `${cls.id}/attendance_sheet` });
    expect(audit.map((a) => a.action).sort()).toEqual([
      'class_document.publish_requested',
      'class_document.published',
    ]);
  });

  it('an unchanged class re-uses the stored file; a new trainee makes a new rendering that replaces it', async () => {
    const before = await rowOf(cls.id, 'attendance_sheet');
    const again = await publish(staff, cls.id, 'attendance_sheet').expect(202);
    expect(again.body.status).toBe('ready');
    expect(again.body.jobId).toBe(before.jobId);
    const same = await rowOf(cls.id, 'attendance_sheet');
    expect([same.fileKey, same.fileSha256, same.status]).toEqual([
      before.fileKey,
      before.fileSha256,
      'ready',
    ]);

    const lisi = await enrol('李四海');
    const changed = await publish(staff, cls.id, 'attendance_sheet').expect(202);
    expect(changed.body.status).toBe('pending');
    expect(changed.body.jobId).not.toBe(before.jobId);
    // while the new one renders, the last one stays downloadable
    expect(await rendered(staff, changed.body)).toMatchObject({ outcome: 'rendered' });
    const after = await rowOf(cls.id, 'attendance_sheet');
    expect(after.status).toBe('ready');
    expect(after.fileKey).not.toBe(before.fileKey);
    expect(await files.exists(after.fileKey!)).toBe(true);
    // the replaced rendering is deleted once nothing points at it
    expect(await files.exists(before.fileKey!)).toBe(false);
    const text = await textOf(
      (await download(staff, cls.id, 'attendance_sheet').expect(200)).body as Buffer,
    );
    expect(text).toContain('李四海');

    // back to the first state (李四海 withdraws): its job ran long ago, and runs again
    const [entry] = await api.ds.query<{ id: string }[]>(
      `select id from enrollment where class_id = $1 and worker_id = $2`,
      [cls.id, lisi.id],
    );
    await request(api.http)
      .post(`/api/v1/enrollments/${entry.id}/withdraw`)
      .set(bearer(sessionOf(lisi)))
      .send({})
      .expect(200);
    const back = await publish(staff, cls.id, 'attendance_sheet').expect(202);
    expect(back.body).toMatchObject({ jobId: before.jobId, status: 'pending' });
    expect(await rendered(staff, back.body)).toMatchObject({ outcome: 'rendered' });
    const reverted = await rowOf(cls.id, 'attendance_sheet');
    expect([reverted.status, reverted.fileSha256]).toEqual(['ready', before.fileSha256]);
    const shown = await textOf(
      (await download(staff, cls.id, 'attendance_sheet').expect(200)).body as Buffer,
    );
    expect(shown).not.toContain('李四海');
  });

  it('the job is safe to run several times at once: one file is kept, the row points at it', async () => {
    await enrol('周五福');
    const res = await publish(staff, cls.id, 'attendance_sheet').expect(202);
    const handler = worker.get(ClassDocumentJob);
    const payload = {
      classId: cls.id,
      kind: 'attendance_sheet' as const,
      inputHash: 'x'.repeat(64),
      requestedBy: staff.actor.accountId,
    };
    const fake = { data: payload, attemptsMade: 0, opts: { attempts: 5 } } as unknown as Job<
      typeof payload
    >;
    const before = await objects();
    // three runs beside the queued one
    const outcomes = await Promise.all([
      handler.handle(fake),
      handler.handle(fake),
      handler.handle(fake),
    ]);
    await rendered(staff, res.body);
    expect(outcomes.filter((o) => o.outcome === 'rendered').length).toBeLessThanOrEqual(1);
    const row = await rowOf(cls.id, 'attendance_sheet');
    expect(row.status).toBe('ready');
    const after = await objects();
    // exactly the row's file is new; the previous one and every duplicate are gone
    expect(after.filter((k) => !before.includes(k))).toEqual([row.fileKey]);
    expect(after).toHaveLength(before.length);
    expect(
      await textOf((await download(staff, cls.id, 'attendance_sheet').expect(200)).body as Buffer),
    ).toContain('周五福');
  });

  it('renders the project list, the notice (with the class page) and the timetable; trainees read those', async () => {
    for (const kind of ['project_list', 'notice', 'timetable']) {
      const res = await publish(staff, cls.id, kind).expect(202);
      expect(await rendered(staff, res.body)).toMatchObject({ outcome: 'rendered' });
    }
    const trainee = sessionOf(trainees[0]);
    const list = await request(api.http)
      .get(`/api/v1/classes/${cls.id}/documents`)
      .set(bearer(trainee))
      .expect(200);
    expect(list.body.map((d: { kind: string; status: string }) => [d.kind, d.status])).toEqual([
      ['project_list', 'ready'],
      ['notice', 'ready'],
      ['timetable', 'ready'],
    ]);
    // no job references or errors for trainees
    expect(list.body.every((d: { job: unknown }) => d.job === null)).toBe(true);

    const notice = await textOf(
      (await download(trainee, cls.id, 'notice').expect(200)).body as Buffer,
    );
    expect(notice).toContain('培训通知单');
    expect(notice).toContain(cls.title.replace(/\s+/g, ''));
    expect(notice).toContain(`/classes/${cls.id}`);
    const timetable = await textOf(
      (await download(trainee, cls.id, 'timetable').expect(200)).body as Buffer,
    );
    expect(timetable).toContain('课程表');
    expect(timetable).toContain('专题1');
    expect(timetable).toContain('王建国');
    const projects = await textOf(
      (await download(trainee, cls.id, 'project_list').expect(200)).body as Buffer,
    );
    expect(projects).toContain('培训项目清单');
    // a new trainee does not make the notice "changed": it shows no trainees
    const noticeRow = await rowOf(cls.id, 'notice');
    await enrol('吴六顺');
    const again = await publish(staff, cls.id, 'notice').expect(202);
    expect(again.body.status).toBe('ready');
    expect((await rowOf(cls.id, 'notice')).fileKey).toBe(noticeRow.fileKey);
  });

  it('a trainee cannot get the attendance sheet; a worker without a place learns nothing', async () => {
    const trainee = sessionOf(trainees[1]);
    const sheet = await download(trainee, cls.id, 'attendance_sheet').expect(403);
    expect(JSON.parse((sheet.body as Buffer).toString())).toMatchObject({
      code: 'CLASS_DOCUMENT_STAFF_ONLY',
      details: { kind: 'attendance_sheet' },
    });
    const outsider = sessionOf(
      await aWorker().named('局外人').inCommunity(org.communityA1).create(api.ds),
    );
    for (const kind of ['notice', 'attendance_sheet']) {
      const res = await download(outsider, cls.id, kind).expect(404);
      expect(JSON.parse((res.body as Buffer).toString()).code).toBe('NOT_FOUND');
    }
    await request(api.http)
      .get(`/api/v1/classes/${cls.id}/documents`)
      .set(bearer(outsider))
      .expect(404);
    // a worker who withdrew holds no place any more
    const leaver = await enrol('郑七退');
    const entry = await api.ds.query<{ id: string }[]>(
      `select id from enrollment where class_id = $1 and worker_id = $2`,
      [cls.id, leaver.id],
    );
    await request(api.http)
      .post(`/api/v1/enrollments/${entry[0].id}/withdraw`)
      .set(bearer(sessionOf(leaver)))
      .send({})
      .expect(200);
    await download(sessionOf(leaver), cls.id, 'notice').expect(404);
    // and a worker cannot publish
    const pub = await publish(trainee, cls.id, 'notice').expect(403);
    expect(pub.body.code).toBe('FORBIDDEN_ROLE');
  });

  it('scope: the commissioning district and the bureau read; another institution, district or street do not', async () => {
    await download(municipal, cls.id, 'attendance_sheet').expect(200);
    await download(districtA, cls.id, 'notice').expect(200);
    for (const who of [otherStaff, districtB, streetA1]) {
      await request(api.http)
        .get(`/api/v1/classes/${cls.id}/documents`)
        .set(bearer(who))
        .expect(404);
      await download(who, cls.id, 'notice').expect(404);
    }
    for (const who of [otherStaff, streetA1]) {
      const res = await publish(who, cls.id, 'notice').expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
    }
    for (const who of [districtA, municipal]) {
      const res = await publish(who, cls.id, 'notice').expect(403);
      expect(res.body.code).toBe('FORBIDDEN_ROLE');
    }
    // the district reads everything, with the job references only for who runs the class
    const list = await request(api.http)
      .get(`/api/v1/classes/${cls.id}/documents`)
      .set(bearer(districtA))
      .expect(200);
    expect(list.body).toHaveLength(4);
    expect(list.body.every((d: { job: unknown }) => d.job === null)).toBe(true);
  });

  it('a street publishes the documents of its own class; another street cannot', async () => {
    const sc = await request(api.http)
      .post('/api/v1/classes/street')
      .set(bearer(streetA1))
      .send({
        title: '街道垃圾分类政策培训',
        location: '东华门街道办事处三楼会议室',
        capacity: 40,
        ...window,
        sessions: [
          {
            date: dayFromNow(5),
            startTime: '14:00',
            endTime: '16:00',
            halfHours: 4,
            topic: '垃圾分类新政',
            method: 'lecture',
            speakerName: '街道城管科',
          },
        ],
      })
      .expect(201);
    await publish(streetA2, sc.body.id, 'timetable').expect(404);
    const res = await publish(streetA1, sc.body.id, 'timetable').expect(202);
    expect(await rendered(streetA1, res.body)).toMatchObject({ outcome: 'rendered' });
    const text = await textOf(
      (await download(districtA, sc.body.id, 'timetable').expect(200)).body as Buffer,
    );
    expect(text).toContain('垃圾分类新政');
    expect(text).toContain('街道城管科');
    await download(streetA2, sc.body.id, 'timetable').expect(404);
    await download(districtB, sc.body.id, 'timetable').expect(404);
  });

  it('refuses documents of a cancelled class, and unknown kinds', async () => {
    const t = await aConsentingTeacher(api.ds, org.institution.id, '钱老师');
    const plan = await anApprovedPlan(api.ds, org, {
      teacherIds: [t.id],
      sessions: Array.from({ length: 5 }, (_, i) => ({
        date: dayFromNow(40 + i),
        startTime: '09:00',
        halfHours: 16,
        topic: `专题 ${i + 1}`,
        teacherId: t.id,
      })),
    });
    const c = await request(api.http)
      .post('/api/v1/classes')
      .set(bearer(staff))
      .send({ projectPlanId: plan.id, capacity: 10, ...window })
      .expect(201);
    await request(api.http)
      .post(`/api/v1/classes/${c.body.id}/cancel`)
      .set(bearer(staff))
      .send({ reason: '场地调整' })
      .expect(201);
    const res = await publish(staff, c.body.id, 'notice').expect(409);
    expect(res.body.code).toBe('ILLEGAL_TRANSITION');
    const bad = await publish(staff, cls.id, 'diploma').expect(400);
    expect(bad.body.details.map((d: { field: string }) => d.field)).toEqual(['kind']);
    await request(api.http)
      .get(`/api/v1/classes/${cls.id}/documents/diploma/file`)
      .set(bearer(staff))
      .expect(400);
  });
});
