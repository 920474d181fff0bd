import { AuditLog, FileStore } from '@peixun/core';
import { SAMPLES } from '@peixun/core/files/testing/samples';
import { ClassArchiveFile } from '@peixun/classes';
import { createHash } from 'node:crypto';
import { readdirSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import type { AddressInfo, Server } from 'node:net';
import { join } from 'node:path';
import request from 'supertest';
import {
  aConsentingTeacher,
  anApprovedPlan,
  aFiledInstitution,
  dayFromNow,
} from './factories/class.factory';
import { anAccount, anOrgTree, anOrgUnit, TEST_PASSWORD, TestOrg } from './factories/org.factory';
import { aWorker } from './factories/worker.factory';
import { bearer, bootApi, login, Session, sessionFor, TestApi } from './support/app';

const MiB = 1024 * 1024;
const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/** Every file below a directory, temporary files of writes in progress included. */
function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => join(e.parentPath, e.name));
  } catch {
    return [];
  }
}

/** The class archive (Art. 20) against the local file store. */
describe('class archive', () => {
  let api: TestApi;
  let org: TestOrg;
  let files: FileStore;
  let staff: Session;
  let otherStaff: Session;
  let districtA: Session;
  let districtB: Session;
  let municipal: Session;
  let streetA1: Session;
  let streetA2: Session;
  let classId: string;
  let streetClassId: string;
  let archiveDir: string;

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
  const upload = (
    who: Session,
    id: string,
    content: Buffer,
    name: string,
    category: string | null = 'material',
    type = 'application/pdf',
  ) => {
    let req = request(api.http).post(`/api/v1/classes/${id}/archive`).set(bearer(who));
    if (category !== null) req = req.field('category', category);
    return req.attach('file', content, { filename: name, contentType: type });
  };
  const archiveObjects = (): string[] => filesUnder(archiveDir);
  const rowsOf = (id: string) => api.ds.getRepository(ClassArchiveFile).countBy({ classId: id });

  beforeAll(async () => {
    api = await bootApi();
    files = api.app.get(FileStore);
    if (api.config.files.backend !== 'local') throw new Error('this test needs the local store');
    archiveDir = join(api.config.files.dir, 'class-archive');
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
    const t = await aConsentingTeacher(api.ds, org.institution.id, '档老师');
    const plan = await anApprovedPlan(api.ds, org, { teacherIds: [t.id] });
    const window = {
      enrolOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
      enrolClosesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
    };
    const c = await request(api.http)
      .post('/api/v1/classes')
      .set(bearer(staff))
      .send({ projectPlanId: plan.id, capacity: 30, ...window })
      .expect(201);
    classId = c.body.id;
    await request(api.http)
      .post(`/api/v1/classes/${classId}/publish`)
      .set(bearer(staff))
      .expect(201);
    const sc = await request(api.http)
      .post('/api/v1/classes/street')
      .set(bearer(streetA1))
      .send({
        title: '街道政策解读会',
        location: '东华门街道办事处会议室',
        capacity: 30,
        ...window,
        sessions: [
          {
            date: dayFromNow(6),
            startTime: '14:00',
            endTime: '16:00',
            halfHours: 4,
            topic: '政策解读',
            method: 'lecture',
            speakerName: '街道民政科',
          },
        ],
      })
      .expect(201);
    streetClassId = sc.body.id;
  });
  afterAll(async () => {
    await api.close();
  });

  it('keeps a file with its category, name, sniffed type and SHA-256; readers download it as uploaded', async () => {
    const pdf = Buffer.concat([SAMPLES.pdf, Buffer.from('% 教学计划\n')]);
    const res = await upload(
      staff,
      classId,
      pdf,
      '2026年教学计划（第一期）.pdf',
      'teaching_plan',
      'application/octet-stream',
    ).expect(201);
    expect(res.body).toMatchObject({
      classId,
      category: 'teaching_plan',
      categoryLabel: '教学计划',
      fileName: '2026年教学计划（第一期）.pdf',
      size: pdf.length,
      // from the content, not the client's application/octet-stream
      mime: 'application/pdf',
      sha256: sha256(pdf),
      uploadedBy: staff.actor.accountId,
    });
    const row = await api.ds.getRepository(ClassArchiveFile).findOneByOrFail({ id: res.body.id });
    expect(row.fileKey).toMatch(/^class-archive\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    expect(await files.exists(row.fileKey)).toBe(true);
    const photo = await upload(
      staff,
      classId,
      SAMPLES.png,
      '合影.png',
      'photo',
      'image/png',
    ).expect(201);
    expect(photo.body.mime).toBe('image/png');

    for (const reader of [staff, districtA, municipal]) {
      const list = await request(api.http)
        .get(`/api/v1/classes/${classId}/archive`)
        .set(bearer(reader))
        .expect(200);
      expect(list.body.count).toBe(2);
      expect(list.body.totalBytes).toBe(pdf.length + SAMPLES.png.length);
      // newest first
      expect(list.body.items.map((i: { category: string }) => i.category)).toEqual([
        'photo',
        'teaching_plan',
      ]);
    }
    const photos = await request(api.http)
      .get(`/api/v1/classes/${classId}/archive?category=photo`)
      .set(bearer(districtA))
      .expect(200);
    expect(photos.body.items.map((i: { id: string }) => i.id)).toEqual([photo.body.id]);

    const dl = await request(api.http)
      .get(`/api/v1/classes/${classId}/archive/${res.body.id}`)
      .set(bearer(municipal))
      .buffer(true)
      .parse(binary)
      .expect(200)
      .expect('content-type', 'application/pdf')
      .expect('content-length', String(pdf.length));
    expect((dl.body as Buffer).equals(pdf)).toBe(true);
    expect(dl.headers['content-disposition']).toBe(
      `attachment; filename="archive-file"; filename*=UTF-8''${encodeURIComponent('2026年教学计划（第一期）.pdf')}`,
    );
    expect(dl.headers['x-content-sha256']).toBe(sha256(pdf));

    const audit = await api.ds
      .getRepository(AuditLog)
      .findOneByOrFail({ action: 'class_archive.file_added', entityId: res.body.id });
    expect(audit.data).toMatchObject({ classId, category: 'teaching_plan', sha256: sha256(pdf) });
    // names may carry personal data: the audit entry identifies the file by its hash
    expect(JSON.stringify(audit.data)).not.toContain('教学计划（第一期）');
  });

  it('refuses a renamed executable as a PDF (415) and keeps nothing of it', async () => {
    const before = archiveObjects().length;
    const rows = await rowsOf(classId);
    for (const exe of [SAMPLES.exe, SAMPLES.elf]) {
      const res = await upload(staff, classId, exe, '课件.pdf', 'material').expect(415);
      expect(res.body).toMatchObject({
        code: 'UNSUPPORTED_MEDIA_TYPE',
        details: { field: 'file', kind: 'class-archive' },
      });
    }
    expect(archiveObjects()).toHaveLength(before);
    expect(await rowsOf(classId)).toBe(rows);
  });

  it.each<[string, string | null, number, string]>([
    ['no category', null, 400, 'VALIDATION_FAILED'],
    ['an unknown category', 'selfie', 400, 'VALIDATION_FAILED'],
  ])(
    '%s (category %p): %i %s, and the streamed file is discarded',
    async (_label, category, status, code) => {
      const before = archiveObjects().length;
      const res = await upload(staff, classId, SAMPLES.pdf, 'a.pdf', category).expect(status);
      expect(res.body.code).toBe(code);
      expect(res.body.details.map((d: { field: string }) => d.field)).toContain('category');
      expect(archiveObjects()).toHaveLength(before);
    },
  );

  it('without a file: 400 naming the field', async () => {
    const res = await request(api.http)
      .post(`/api/v1/classes/${classId}/archive`)
      .set(bearer(staff))
      .field('category', 'material')
      .expect(400);
    expect(res.body.details).toEqual([{ field: 'file', problems: ['required'] }]);
  });

  it('refuses a request that declares more than the limit from its headers: answered at once, nothing stored', async () => {
    const server = api.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as AddressInfo;
    const before = archiveObjects().length;
    const declared = 600 * MiB;
    const chunk = Buffer.alloc(MiB, 0x20);
    const answer = await new Promise<{ status: number; body: string; sent: number }>(
      (resolve, reject) => {
        const req = httpRequest({
          host: '127.0.0.1',
          port,
          method: 'POST',
          path: `/api/v1/classes/${classId}/archive`,
          headers: {
            ...bearer(staff),
            'Content-Type': 'multipart/form-data; boundary=b0undary',
            'Content-Length': String(declared),
          },
        });
        let sent = 0;
        let answered = false;
        req.on('response', (r) => {
          answered = true;
          let body = '';
          r.on('data', (d: Buffer) => (body += d.toString()));
          r.on('end', () => {
            resolve({ status: r.statusCode!, body, sent });
            req.destroy();
          });
        });
        req.on('error', (e) => {
          if (!answered) reject(e);
        });
        void (async () => {
          const head = Buffer.from(
            '--b0undary\r\nContent-Disposition: form-data; name="file"; filename="big.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n',
          );
          req.write(head);
          sent += head.length;
          while (!answered && sent + chunk.length < declared) {
            const more = req.write(chunk);
            sent += chunk.length;
            if (!more) await new Promise((r) => setTimeout(r, 5));
          }
        })();
      },
    );
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      details: { kind: 'class-archive', maxBytes: 500 * MiB },
    });
    // answered with a small part of the 600 MB sent (socket buffers), none of it stored
    expect(answer.sent).toBeLessThan(64 * MiB);
    expect(archiveObjects()).toHaveLength(before);
  });

  it('stops a chunked upload at the kind limit while streaming: 413, nothing stored, nothing buffered', async () => {
    const server = api.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as AddressInfo;
    const before = archiveObjects().length;
    const rows = await rowsOf(classId);
    // no Content-Length: the only way to know is to count while the bytes flow
    const total = 500 * MiB + 1;
    const chunk = Buffer.alloc(MiB, 0x20);
    const base = process.memoryUsage();
    const peak = { rss: base.rss, arrayBuffers: base.arrayBuffers };
    const sampler = setInterval(() => {
      const m = process.memoryUsage();
      peak.rss = Math.max(peak.rss, m.rss);
      peak.arrayBuffers = Math.max(peak.arrayBuffers, m.arrayBuffers);
    }, 10);
    const answer = await new Promise<{ status: number; body: string }>((resolve, reject) => {
      const req = httpRequest({
        host: '127.0.0.1',
        port,
        method: 'POST',
        path: `/api/v1/classes/${classId}/archive`,
        headers: {
          ...bearer(staff),
          'Content-Type': 'multipart/form-data; boundary=b0undary',
          'Transfer-Encoding': 'chunked',
        },
      });
      let answered = false;
      req.on('response', (r) => {
        answered = true;
        let body = '';
        r.on('data', (d: Buffer) => (body += d.toString()));
        r.on('end', () => resolve({ status: r.statusCode!, body }));
      });
      req.on('error', (e) => {
        if (!answered) reject(e);
      });
      void (async () => {
        req.write(
          '--b0undary\r\nContent-Disposition: form-data; name="category"\r\n\r\nvideo\r\n' +
            '--b0undary\r\nContent-Disposition: form-data; name="file"; filename="课堂录像.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n',
        );
        let sent = 9;
        while (!answered && sent < total) {
          const part = chunk.subarray(0, Math.min(chunk.length, total - sent));
          sent += part.length;
          if (!req.write(part)) await new Promise((r) => req.once('drain', r));
        }
        if (!answered) req.end('\r\n--b0undary--\r\n');
      })().catch(reject);
    });
    clearInterval(sampler);
    expect(answer.status).toBe(413);
    expect(JSON.parse(answer.body)).toMatchObject({ code: 'PAYLOAD_TOO_LARGE' });
    // the 500 MB went through the store's counter, not into memory (multer's memory storage
    // would have held all of it): a generous bound far below the file's size
    expect(peak.arrayBuffers - base.arrayBuffers).toBeLessThan(160 * MiB);
    expect(peak.rss - base.rss).toBeLessThan(200 * MiB);
    // no object, no temporary file, no row
    expect(archiveObjects()).toHaveLength(before);
    expect(await rowsOf(classId)).toBe(rows);
  }, 60_000);

  it('a client that goes away in the middle of an upload leaves nothing behind', async () => {
    const server = api.app.getHttpServer() as Server;
    if (!server.listening) await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    const { port } = server.address() as AddressInfo;
    const before = archiveObjects();
    const rows = await rowsOf(classId);
    const req = httpRequest({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: `/api/v1/classes/${classId}/archive`,
      headers: {
        ...bearer(staff),
        'Content-Type': 'multipart/form-data; boundary=b0undary',
        'Transfer-Encoding': 'chunked',
      },
    });
    req.on('error', () => undefined);
    req.write(
      '--b0undary\r\nContent-Disposition: form-data; name="category"\r\n\r\nvideo\r\n' +
        '--b0undary\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4\n',
    );
    const chunk = Buffer.alloc(MiB, 0x20);
    const until = async (done: () => boolean, what: string): Promise<void> => {
      const deadline = Date.now() + 20_000;
      while (!done()) {
        if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    };
    // the bytes are on their way into the store (a temporary file appears) …
    for (let i = 0; i < 4; i++) req.write(chunk);
    await until(() => archiveObjects().length > before.length, 'the upload reached the store');
    // … when the client disappears
    req.destroy();
    await until(() => archiveObjects().length === before.length, 'the partial object was removed');
    expect(archiveObjects()).toEqual(before);
    expect(await rowsOf(classId)).toBe(rows);
  });

  it('scope: only the running institution keeps it; the commissioning district and the bureau read; others do not learn it exists', async () => {
    const before = archiveObjects().length;
    // another institution, another district, a street that does not run it: 404, nothing stored
    for (const who of [otherStaff, streetA1]) {
      const res = await upload(who, classId, SAMPLES.pdf, 'x.pdf').expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
      await request(api.http)
        .get(`/api/v1/classes/${classId}/archive`)
        .set(bearer(who))
        .expect(404);
    }
    await request(api.http)
      .get(`/api/v1/classes/${classId}/archive`)
      .set(bearer(districtB))
      .expect(404);
    expect(archiveObjects()).toHaveLength(before);
    // readers who do not keep it: their role may not upload or delete
    const forbidden = await upload(districtA, classId, SAMPLES.pdf, 'x.pdf').expect(403);
    expect(forbidden.body.code).toBe('FORBIDDEN_ROLE');
    const worker = await aWorker().inCommunity(org.communityA1).create(api.ds);
    const asWorker = sessionFor(api, {
      accountId: '00000000-0000-4000-8000-00000000a001',
      username: 'w-archive',
      role: 'worker',
      orgId: null,
      districtId: null,
      streetId: null,
      workerId: worker.id,
    });
    const denied = await request(api.http)
      .get(`/api/v1/classes/${classId}/archive`)
      .set(bearer(asWorker))
      .expect(403);
    expect(denied.body.code).toBe('FORBIDDEN_ROLE');
    // a file of another class is not found through this one
    const own = await upload(
      streetA1,
      streetClassId,
      SAMPLES.jpg,
      '签到.jpg',
      'roster',
      'image/jpeg',
    ).expect(201);
    expect(own.body.mime).toBe('image/jpeg');
    await request(api.http)
      .get(`/api/v1/classes/${classId}/archive/${own.body.id}`)
      .set(bearer(staff))
      .expect(404);
    await request(api.http)
      .delete(`/api/v1/classes/${classId}/archive/${own.body.id}`)
      .set(bearer(staff))
      .expect(404);
    // the street's own class: the street keeps it, its district reads it, another street does not see it
    await request(api.http)
      .get(`/api/v1/classes/${streetClassId}/archive/${own.body.id}`)
      .set(bearer(districtA))
      .expect(200);
    await request(api.http)
      .get(`/api/v1/classes/${streetClassId}/archive`)
      .set(bearer(streetA2))
      .expect(404);
    await upload(streetA2, streetClassId, SAMPLES.pdf, 'x.pdf').expect(404);
    await request(api.http)
      .get(`/api/v1/classes/${streetClassId}/archive`)
      .set(bearer(staff))
      .expect(404);
    await request(api.http)
      .get(`/api/v1/classes/${streetClassId}/archive`)
      .set(bearer(districtB))
      .expect(404);
  });

  it('deletes: the row goes, the audit entry keeps its hash, the bytes are removed after the commit', async () => {
    const pdf = Buffer.concat([SAMPLES.pdf, Buffer.from('% 待删除\n')]);
    const added = await upload(staff, classId, pdf, '误传.pdf', 'other').expect(201);
    const row = await api.ds.getRepository(ClassArchiveFile).findOneByOrFail({ id: added.body.id });
    const del403 = await request(api.http)
      .delete(`/api/v1/classes/${classId}/archive/${added.body.id}`)
      .set(bearer(districtA))
      .expect(403);
    expect(del403.body.code).toBe('FORBIDDEN_ROLE');
    await request(api.http)
      .delete(`/api/v1/classes/${classId}/archive/${added.body.id}`)
      .set(bearer(otherStaff))
      .expect(404);
    await request(api.http)
      .delete(`/api/v1/classes/${classId}/archive/${added.body.id}`)
      .set(bearer(staff))
      .expect(204);
    expect(await files.exists(row.fileKey)).toBe(false);
    await request(api.http)
      .get(`/api/v1/classes/${classId}/archive/${added.body.id}`)
      .set(bearer(staff))
      .expect(404);
    await request(api.http)
      .delete(`/api/v1/classes/${classId}/archive/${added.body.id}`)
      .set(bearer(staff))
      .expect(404);
    const audit = await api.ds
      .getRepository(AuditLog)
      .findOneByOrFail({ action: 'class_archive.file_deleted', entityId: added.body.id });
    expect(audit.actorAccountId).toBe(staff.actor.accountId);
    expect(audit.data).toMatchObject({
      classId,
      category: 'other',
      sha256: sha256(pdf),
      size: pdf.length,
    });
  });

  it('answers 400 for ids that are not UUIDs, before anything is stored', async () => {
    const before = archiveObjects().length;
    const res = await upload(staff, 'not-a-uuid', SAMPLES.pdf, 'a.pdf').expect(400);
    expect(res.body.details).toEqual([{ field: 'id', problems: ['must be a UUID'] }]);
    await request(api.http)
      .get(`/api/v1/classes/${classId}/archive/nope`)
      .set(bearer(staff))
      .expect(400);
    expect(archiveObjects()).toHaveLength(before);
  });
});
