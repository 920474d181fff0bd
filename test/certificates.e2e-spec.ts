import type { OrgUnit } from '@peixun/org';
import type { Role } from '@peixun/core';
import { INestApplicationContext } from '@nestjs/common';
import { AuditLog } from '@peixun/core';
import { pdfPageTexts } from '@peixun/core/documents/testing/pdf-text';
import {
  Certificate,
  CertificateIssueJob,
  CertificateIssuer,
  CertificateRenderPool,
  renderCertificate,
} from '@peixun/exams';
import { decodeQrOfPdf } from '@peixun/exams/certificates/testing/pdf-qr';
import { type Job, UnrecoverableError } from 'bullmq';
import { createHash } from 'node:crypto';
import request from 'supertest';
import { createWorkerApp } from '../apps/worker/src/bootstrap';
import { aFiledInstitution } from './factories/class.factory';
import { aFinishedClass, FinishedClass } from './factories/finished-class.factory';
import { anOrgTree, anOrgUnit, TestOrg } from './factories/org.factory';
import { TestWorker } from './factories/worker.factory';
import { bearer, bootApi, Session, TestApi } from './support/app';
import { waitForJob } from './support/queues';
import { signInAs, workerSessionFor } from './support/sessions';

const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

describe('certificates (Art. 16)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: TestOrg;
  let staff: Session;
  let otherStaff: Session;
  let districtA: Session;
  let districtB: Session;
  let municipal: Session;
  let streetA1: Session;
  let streetB1: Session;

  const as = (role: Role, unit: OrgUnit | null): Promise<Session> => signInAs(api, role, unit);
  const workerSession = (w: TestWorker): Session => workerSessionFor(api, w);

  /** A finished class whose exam was held: scores by trainee (undefined: no result). */
  const examined = async (
    scores: (number | undefined)[],
    absentFor: number[] = [],
  ): Promise<FinishedClass> => {
    const c = await aFinishedClass(api.ds, org, { trainees: scores.length, absentFor });
    const exam = await request(api.http)
      .post(`/api/v1/classes/${c.id}/exams`)
      .set(bearer(staff))
      .send({
        heldOn: '2026-11-20',
        mode: 'score',
        supervisorName: '东城区民政局 赵监考',
        supervisorOrgId: org.districtA.id,
      })
      .expect(201);
    const results = c.trainees
      .map((t, i) => ({ enrollmentId: t.enrollmentId, score: scores[i] }))
      .filter((r) => r.score !== undefined);
    if (results.length)
      await request(api.http)
        .put(`/api/v1/exams/${exam.body.id}/results`)
        .set(bearer(staff))
        .send({ results })
        .expect(200);
    return c;
  };

  /** Polls the class's issue progress until `done(progress)` holds. */
  const waitProgress = async (
    classId: string,
    done: (p: Record<string, number>) => boolean,
  ): Promise<Record<string, number>> => {
    const deadline = Date.now() + 45_000;
    for (;;) {
      const p = await request(api.http)
        .get(`/api/v1/classes/${classId}/certificates/progress`)
        .set(bearer(staff))
        .expect(200);
      const body = p.body as Record<string, number>;
      if (done(body)) return body;
      if (Date.now() > deadline) throw new Error(`not settled: ${JSON.stringify(p.body)}`);
      await new Promise((r) => setTimeout(r, 100));
    }
  };
  const waitIssued = (classId: string, n: number): Promise<Record<string, number>> =>
    waitProgress(classId, (p) => p.issued >= n);

  beforeAll(async () => {
    api = await bootApi({ VERIFY_RATE_LIMIT: '60' });
    worker = await createWorkerApp();
    org = await anOrgTree(api.ds);
    await aFiledInstitution(api.ds, org.institution.id);
    staff = await as('institution_staff', org.institution);
    otherStaff = await as(
      'institution_staff',
      await anOrgUnit(api.ds, 'institution', '另一机构', org.municipality),
    );
    districtA = await as('district_admin', org.districtA);
    districtB = await as('district_admin', org.districtB);
    municipal = await as('municipal_admin', org.municipality);
    streetA1 = await as('street_admin', org.streetA1);
    streetB1 = await as('street_admin', org.streetB1);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  let cls: FinishedClass;
  let certs: {
    id: string;
    serial: string;
    enrollmentId: string;
    verifyUrl: string;
    sha256: string;
  }[];

  it('bulk issue: one request queues a job per trainee who met the hours and passed; serials are consecutive', async () => {
    // 0, 1, 3 pass; 2 failed; 4 missed the sessions (no result possible)
    cls = await examined([90, 75, 40, 61, undefined], [4]);
    await request(api.http)
      .post(`/api/v1/classes/${cls.id}/certificates/issue`)
      .set(bearer(districtA))
      .expect(403);
    await request(api.http)
      .post(`/api/v1/classes/${cls.id}/certificates/issue`)
      .set(bearer(otherStaff))
      .expect(404);
    const res = await request(api.http)
      .post(`/api/v1/classes/${cls.id}/certificates/issue`)
      .set(bearer(staff))
      .expect(202);
    expect(res.body).toEqual({
      classId: cls.id,
      eligible: 3,
      alreadyIssued: 0,
      queued: 3,
      notEligible: { not_passed: 1, hours_not_met: 1 },
    });
    const progress = await waitIssued(cls.id, 3);
    expect(progress).toMatchObject({ passed: 3, allocated: 3, issued: 3 });

    const list = await request(api.http)
      .get(`/api/v1/classes/${cls.id}/certificates`)
      .set(bearer(districtA))
      .expect(200);
    certs = list.body;
    expect(certs.map((x) => x.enrollmentId).sort()).toEqual(
      [0, 1, 3].map((i) => cls.trainees[i].enrollmentId).sort(),
    );
    const seqs = certs.map((x) => Number(x.serial.slice(-6)));
    expect(seqs).toEqual([seqs[0], seqs[0] + 1, seqs[0] + 2]);
    for (const x of certs) {
      expect(x.serial).toMatch(/^BJPX-\d{4}-\d{6}$/);
      expect(x).toMatchObject({
        status: 'valid',
        ready: true,
        issuers: ['北京市民政局', '北京市人力资源和社会保障局'],
        halfHours: 16,
      });
      expect((x as unknown as { idNumberMasked: string }).idNumberMasked).toMatch(
        /^\d{4}\*{10}[\dX]{4}$/,
      );
      expect(x.verifyUrl).toContain(`/v/${x.serial}?c=`);
    }

    // asking again issues nothing more
    const again = await request(api.http)
      .post(`/api/v1/classes/${cls.id}/certificates/issue`)
      .set(bearer(municipal))
      .expect(202);
    expect(again.body).toMatchObject({ eligible: 3, alreadyIssued: 3, queued: 0 });
    const audit = await api.ds
      .getRepository(AuditLog)
      .findBy({ action: 'certificate.issued', entityType: 'certificate' });
    expect(audit.filter((a) => certs.some((x) => x.id === a.entityId))).toHaveLength(3);
  });

  it('the worker renders on its threads the bytes an inline render gives; a render that throws fails, the worker goes on', async () => {
    const pool = worker.get(CertificateRenderPool);
    expect(pool.threads).toBeGreaterThan(0); // started with the worker
    const issuer = worker.get(CertificateIssuer);
    const stored = await api.ds.getRepository(Certificate).findOneByOrFail({ id: certs[0].id });
    const inline = await renderCertificate(issuer.pdfContent(stored, null));
    expect(createHash('sha256').update(inline).digest('hex')).toBe(stored.fileSha256);
    const bad = { ...issuer.pdfContent(stored, null), issuers: null } as never;
    await expect(pool.render(bad)).rejects.toThrow(/join/);
    expect((await pool.render(issuer.pdfContent(stored, null))).equals(inline)).toBe(true);
  });

  it('a job that failed for good is shown as failed, and asking again for the class retries it', async () => {
    const c = await examined([80, 90]);
    const pool = worker.get(CertificateRenderPool);
    const render = jest
      .spyOn(pool, 'render')
      .mockRejectedValueOnce(new UnrecoverableError('渲染失败 (test)'));
    try {
      const first = await request(api.http)
        .post(`/api/v1/classes/${c.id}/certificates/issue`)
        .set(bearer(staff))
        .expect(202);
      expect(first.body).toMatchObject({ eligible: 2, queued: 2 });
      const p = await waitProgress(c.id, (x) => x.issued === 1 && x.failed === 1);
      expect(p).toMatchObject({ passed: 2, issued: 1, failed: 1, queued: 0 });
    } finally {
      render.mockRestore();
    }
    const again = await request(api.http)
      .post(`/api/v1/classes/${c.id}/certificates/issue`)
      .set(bearer(staff))
      .expect(202);
    // the failed one had its serial allocated before its render failed: finished with it
    expect(again.body).toMatchObject({ eligible: 2, alreadyIssued: 1, queued: 1 });
    expect(await waitIssued(c.id, 2)).toMatchObject({ allocated: 2, issued: 2, failed: 0 });
    const seqs = (await api.ds.getRepository(Certificate).findBy({ classId: c.id }))
      .map((x) => x.seq)
      .sort((a, b) => a - b);
    expect(seqs[1]).toBe(seqs[0] + 1);

    // one job (JobsService.enqueue): a reissue that failed for good runs again when asked again
    const [cert] = await api.ds.getRepository(Certificate).findBy({ classId: c.id });
    const failing = jest
      .spyOn(pool, 'render')
      .mockRejectedValueOnce(new UnrecoverableError('渲染失败 (test)'));
    const reissue = () =>
      request(api.http)
        .post(`/api/v1/certificates/${cert.id}/reissue`)
        .set(bearer(municipal))
        .send({ reason: '姓名更正' })
        .expect(202);
    try {
      const ref = (await reissue()).body as { queue: string; jobId: string };
      expect((await waitForJob(api.http, municipal, ref)).state).toBe('failed');
    } finally {
      failing.mockRestore();
    }
    const ref = (await reissue()).body as { queue: string; jobId: string; generation: number };
    expect(ref.generation).toBe(2);
    expect((await waitForJob(api.http, municipal, ref)).state).toBe('completed');
    const second = await api.ds
      .getRepository(Certificate)
      .findOneByOrFail({ enrollmentId: cert.enrollmentId, generation: 2 });
    expect(second.fileKey).not.toBeNull();
  });

  it('a job run again (retried, duplicated) never makes a second certificate or serial', async () => {
    const handler = worker.get(CertificateIssueJob);
    const one = certs[0];
    const [{ last: before }] = await api.ds.query(
      `select last from certificate_counter where region = 'beijing' and year = $1`,
      [Number(one.serial.slice(5, 9))],
    );
    const job = {
      data: { enrollmentId: one.enrollmentId, generation: 1, requestedBy: 'test' },
    } as Job<{ enrollmentId: string; generation: number; requestedBy: string }>;
    const results = await Promise.all([handler.handle(job), handler.handle(job)]);
    expect(results.map((r) => r.serial)).toEqual([one.serial, one.serial]);
    expect(results.map((r) => r.outcome)).toEqual(['existing', 'existing']);
    expect(
      await api.ds.getRepository(Certificate).countBy({ enrollmentId: one.enrollmentId }),
    ).toBe(1);
    const [{ last: after }] = await api.ds.query(
      `select last from certificate_counter where region = 'beijing' and year = $1`,
      [Number(one.serial.slice(5, 9))],
    );
    expect(after).toBe(before);

    // a trainee who did not pass is refused by the job itself, for good
    await expect(
      handler.handle({
        data: { enrollmentId: cls.trainees[2].enrollmentId, generation: 1, requestedBy: 'test' },
      } as Job<{ enrollmentId: string; generation: number; requestedBy: string }>),
    ).rejects.toThrow('not_passed');
  });

  it('serials allocated at the same moment stay gap-free when one of them was allocated before', async () => {
    const issuer = worker.get(CertificateIssuer);
    const c = await examined([80, 90, 70, 85, 95]);
    const prepared = await Promise.all(
      c.trainees.map(async (t) => {
        const p = await issuer.prepare(api.ds.manager, t.enrollmentId, 1);
        if (!p || typeof p.verdict === 'string')
          throw new Error(`not eligible: ${JSON.stringify(p?.verdict)}`);
        return { ...p, verdict: p.verdict };
      }),
    );
    const counter = async (): Promise<number> =>
      (
        await api.ds.query<{ last: number }[]>(
          `select last from certificate_counter where region = 'beijing' and year = $1`,
          [prepared[0].facts.year],
        )
      )[0]?.last ?? 0;
    // one of them first, alone; then all five at once: the one allocated before hits the
    // unique index, its statement (its raise of the counter included) is undone, and it gets
    // its first row
    const early = await issuer.allocate(prepared[2], 1, null, null);
    const before = await counter();
    const all = await Promise.all(prepared.map((p) => issuer.allocate(p, 1, null, null)));
    expect(all[2].serial).toBe(early.serial);
    expect(new Set(all.map((x) => x.serial)).size).toBe(5);
    const fresh = all
      .filter((_, i) => i !== 2)
      .map((x) => x.seq)
      .sort((a, b) => a - b);
    expect(fresh).toEqual([before + 1, before + 2, before + 3, before + 4]);
    expect(await counter()).toBe(before + 4);
    expect(await api.ds.getRepository(Certificate).countBy({ classId: c.id })).toBe(5);
  });

  it('the PDF: the holder and their administrators download it; its text has the name and serial; its QR opens the verification page', async () => {
    const one = certs.find((x) => x.enrollmentId === cls.trainees[0].enrollmentId)!;
    const holder = cls.trainees[0].worker;
    const mine = await request(api.http)
      .get('/api/v1/me/certificates')
      .set(bearer(workerSession(holder)))
      .expect(200);
    expect(mine.body.map((x: { serial: string }) => x.serial)).toEqual([one.serial]);
    const pdf = await request(api.http)
      .get(`/api/v1/certificates/${one.id}/pdf`)
      .set(bearer(workerSession(holder)))
      .buffer(true)
      .parse(binary)
      .expect(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const bytes = pdf.body as Buffer;
    expect(bytes.length).toBeLessThan(100 * 1024);
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(one.sha256);
    const text = (await pdfPageTexts(bytes)).join('').replace(/\s+/g, '');
    expect(text).toContain(holder.name);
    expect(text).toContain(one.serial);
    expect(text).not.toContain(holder.idNumber);
    expect(await decodeQrOfPdf(bytes)).toBe(one.verifyUrl);

    // their street (A1) and district, the class's readers: yes
    for (const who of [streetA1, districtA, municipal, staff]) {
      await request(api.http)
        .get(`/api/v1/certificates/${one.id}/pdf`)
        .set(bearer(who))
        .expect(200);
    }
    await request(api.http)
      .get(`/api/v1/workers/${holder.id}/certificates`)
      .set(bearer(streetA1))
      .expect(200);
    // another street, district, institution or trainee: as if there were none
    for (const who of [streetB1, districtB, otherStaff, workerSession(cls.trainees[1].worker)]) {
      const r = await request(api.http).get(`/api/v1/certificates/${one.id}/pdf`).set(bearer(who));
      expect(r.status).toBe(404);
    }
    await request(api.http)
      .get(`/api/v1/workers/${holder.id}/certificates`)
      .set(bearer(streetB1))
      .expect(404);
    await request(api.http)
      .get(`/api/v1/workers/${holder.id}/certificates`)
      .set(bearer(workerSession(cls.trainees[1].worker)))
      .expect(404);
  });

  it('verification: a plain page and JSON show valid with the masked name; a wrong code is unknown; an uploaded PDF is checked byte for byte', async () => {
    const one = certs[0];
    const path = new URL(one.verifyUrl).pathname + new URL(one.verifyUrl).search;
    const page = await request(api.http).get(path).expect(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.text).toContain('证书有效');
    expect(page.text).not.toContain('<script');
    expect(page.text).toContain('name="viewport"');
    expect(page.text).toContain(one.sha256);
    expect(page.text).toContain('北京市人力资源和社会保障局');
    const holder = cls.trainees.find((t) => t.enrollmentId === one.enrollmentId)!.worker;
    expect(page.text).not.toContain(holder.name);
    expect(page.text).toContain(holder.name[0]);

    const code = new URL(one.verifyUrl).searchParams.get('c')!;
    const json = await request(api.http)
      .get(`/api/v1/verify/${one.serial}`)
      .query({ c: code })
      .expect(200);
    expect(json.body).toMatchObject({ status: 'valid', serial: one.serial, sha256: one.sha256 });
    const wrong = await request(api.http)
      .get(`/api/v1/verify/${one.serial}`)
      .query({ c: 'wrongcode' })
      .expect(200);
    expect(wrong.body).toMatchObject({ status: 'unknown', serial: null, name: null });
    const unknown = await request(api.http).get(`/v/BJPX-1999-000001?c=${code}`).expect(200);
    expect(unknown.text).toContain('查无此证书');

    const pdf = (
      await request(api.http)
        .get(`/api/v1/certificates/${one.id}/pdf`)
        .set(bearer(municipal))
        .buffer(true)
        .parse(binary)
    ).body as Buffer;
    const same = await request(api.http)
      .post(path)
      .attach('file', pdf, { filename: 'cert.pdf', contentType: 'application/pdf' })
      .expect(200);
    expect(same.text).toContain('逐字节一致');
    const edited = Buffer.from(pdf);
    edited[edited.length - 20] ^= 1;
    const changed = await request(api.http)
      .post(path)
      .attach('file', edited, { filename: 'cert.pdf', contentType: 'application/pdf' })
      .expect(200);
    expect(changed.text).toContain('不一致');
    // no file: JSON error naming the field (a browser's form always sends one)
    const none = await request(api.http).post(path).send({}).expect(400);
    expect(none.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(none.body.message).toContain('file');

    // the same check as JSON (the web app's verification page)
    const jsonCheck = (bytes: Buffer, c: string) =>
      request(api.http)
        .post(`/api/v1/verify/${one.serial}/pdf`)
        .query({ c })
        .attach('file', bytes, { filename: 'cert.pdf', contentType: 'application/pdf' });
    const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
    const matching = await jsonCheck(pdf, code).expect(200);
    expect(matching.body).toMatchObject({
      matches: true,
      sha256: one.sha256,
      verification: { status: 'valid', serial: one.serial, sha256: one.sha256 },
    });
    const differing = await jsonCheck(edited, code).expect(200);
    expect(differing.body).toMatchObject({
      matches: false,
      sha256: sha(edited),
      verification: { status: 'valid', sha256: one.sha256 },
    });
    // a wrong code tells nothing, even with the right file
    const wrongCode = await jsonCheck(pdf, 'wrongcode').expect(200);
    expect(wrongCode.body).toMatchObject({
      matches: false,
      verification: { status: 'unknown', serial: null, sha256: null },
    });
    const noFile = await request(api.http)
      .post(`/api/v1/verify/${one.serial}/pdf`)
      .query({ c: code })
      .expect(400);
    expect(noFile.body).toMatchObject({ code: 'VALIDATION_FAILED' });
    expect(noFile.body.message).toContain('file');
    const noCode = await request(api.http)
      .post(`/api/v1/verify/${one.serial}/pdf`)
      .attach('file', pdf, { filename: 'cert.pdf', contentType: 'application/pdf' })
      .expect(400);
    expect(noCode.body.message).toMatch(/\bc\b/);
  });

  it('the bureau revokes with a reason; the page then says revoked, with the date', async () => {
    const one = certs[1];
    await request(api.http)
      .post(`/api/v1/certificates/${one.id}/revoke`)
      .set(bearer(districtA))
      .send({ reason: '考核舞弊' })
      .expect(403);
    const bad = await request(api.http)
      .post(`/api/v1/certificates/${one.id}/revoke`)
      .set(bearer(municipal))
      .send({})
      .expect(400);
    expect(bad.body.message).toContain('reason');
    const r = await request(api.http)
      .post(`/api/v1/certificates/${one.id}/revoke`)
      .set(bearer(municipal))
      .send({ reason: '考核舞弊，经查属实' })
      .expect(200);
    expect(r.body).toMatchObject({ status: 'revoked', revokeReason: '考核舞弊，经查属实' });
    await request(api.http)
      .post(`/api/v1/certificates/${one.id}/revoke`)
      .set(bearer(municipal))
      .send({ reason: '再次撤销' })
      .expect(409);
    const url = new URL(one.verifyUrl);
    const page = await request(api.http)
      .get(url.pathname + url.search)
      .expect(200);
    expect(page.text).toContain('证书已撤销');
    expect(page.text).toContain('撤销日期');
  });

  it('a reissue after a name correction gets the next serial and supersedes the old certificate', async () => {
    const one = certs[2];
    const holder = cls.trainees.find((t) => t.enrollmentId === one.enrollmentId)!.worker;
    await api.ds.query(`update worker set name = $2 where id = $1`, [holder.id, '更正后姓名']);
    const res = await request(api.http)
      .post(`/api/v1/certificates/${one.id}/reissue`)
      .set(bearer(municipal))
      .send({ reason: '姓名更正' })
      .expect(202);
    expect(res.body).toMatchObject({ generation: 2 });
    const deadline = Date.now() + 30_000;
    let list: {
      serial: string;
      status: string;
      holderName: string;
      generation: number;
      ready: boolean;
    }[] = [];
    while (Date.now() < deadline) {
      list = (
        await request(api.http)
          .get(`/api/v1/workers/${holder.id}/certificates`)
          .set(bearer(workerSession(holder)))
          .expect(200)
      ).body;
      if (list.some((x) => x.generation === 2 && x.ready)) break;
      await new Promise((r) => setTimeout(r, 100));
    }
    const next = list.find((x) => x.generation === 2)!;
    expect(next).toMatchObject({ status: 'valid', holderName: '更正后姓名' });
    expect(list.find((x) => x.generation === 1)).toMatchObject({ status: 'superseded' });
    // the counter moved on: the reissue took the next serial of the year
    const [{ last }] = await api.ds.query(
      `select last from certificate_counter where region = 'beijing' and year = $1`,
      [Number(one.serial.slice(5, 9))],
    );
    expect(Number(next.serial.slice(-6))).toBe(last);
    const url = new URL(one.verifyUrl);
    const page = await request(api.http)
      .get(url.pathname + url.search)
      .expect(200);
    expect(page.text).toContain('证书已换发');
    expect(page.text).toContain(next.serial);
  });

  it('a class’s certificates as one ZIP, built in the background with progress', async () => {
    await request(api.http)
      .post(`/api/v1/classes/${cls.id}/certificates/bundle`)
      .set(bearer(districtB))
      .expect(404);
    const b = await request(api.http)
      .post(`/api/v1/classes/${cls.id}/certificates/bundle`)
      .set(bearer(staff))
      .expect(202);
    expect(b.body).toMatchObject({ status: 'pending', queue: 'certificates' });
    const deadline = Date.now() + 30_000;
    let status = b.body;
    while (status.status === 'pending' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 100));
      status = (
        await request(api.http)
          .get(`/api/v1/certificate-bundles/${b.body.id}`)
          .set(bearer(staff))
          .expect(200)
      ).body;
    }
    // valid ones: certs[0] and the reissue of certs[2] (certs[1] revoked, certs[2] superseded)
    expect(status).toMatchObject({ status: 'ready', total: 2, done: 2 });
    const zip = await request(api.http)
      .get(`/api/v1/certificate-bundles/${b.body.id}/file`)
      .set(bearer(districtA))
      .buffer(true)
      .parse(binary)
      .expect(200);
    const bytes = zip.body as Buffer;
    expect(bytes.subarray(0, 4).toString('latin1')).toBe('PK\u0003\u0004');
    expect(bytes.toString('latin1').split('PK\u0001\u0002')).toHaveLength(3);
    expect(bytes.includes(Buffer.from(certs[0].serial))).toBe(true);
    await request(api.http)
      .get(`/api/v1/certificate-bundles/${b.body.id}/file`)
      .set(bearer(otherStaff))
      .expect(404);
  });

  it('verification is rate-limited per address', async () => {
    // 60 a minute (bootApi above): 130 requests put more than 60 into one minute's window
    const statuses: number[] = [];
    for (let i = 0; i < 130 && !statuses.includes(429); i++) {
      statuses.push(
        (await request(api.http).get(`/api/v1/verify/BJPX-2026-000001?c=abcdef`)).status,
      );
    }
    expect(statuses).toContain(429);
    // a browser gets a page, any other client the JSON error
    const page = await request(api.http)
      .get('/v/BJPX-2026-000001?c=abcdef')
      .set('Accept', 'text/html,application/xhtml+xml');
    expect(page.status).toBe(429);
    expect(page.headers['retry-after']).toBeDefined();
    expect(page.text).toContain('查验过于频繁');
    const json = await request(api.http).get('/v/BJPX-2026-000001?c=abcdef');
    expect(json.status).toBe(429);
    expect(json.body.code).toBe('RATE_LIMITED');
  });
});
