import { FileStore } from '@peixun/core';
import { SAMPLES } from '@peixun/core/files/testing/samples';
import { ClassArchiveFile } from '@peixun/classes';
import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import request from 'supertest';
import { aConsentingTeacher, anApprovedPlan, aFiledInstitution } from './factories/class.factory';
import { anAccount, anOrgTree, TEST_PASSWORD } from './factories/org.factory';
import { bearer, bootApi, login, Session, TestApi } from './support/app';

const sha256 = (b: Buffer): string => createHash('sha256').update(b).digest('hex');
const binary = (res: request.Response, cb: (err: Error | null, body: Buffer) => void): void => {
  const chunks: Buffer[] = [];
  res.on('data', (c: Buffer) => chunks.push(c));
  res.on('end', () => cb(null, Buffer.concat(chunks)));
};

/**
 * The class archive with FILE_STORE=s3, against an S3-compatible server this test starts
 * (s3rver, in-process): the API picks the backend from its configuration alone.
 */
describe('class archive on an S3-compatible store', () => {
  let server: S3rver;
  let dir: string;
  let api: TestApi;
  let files: FileStore;
  let staff: Session;
  let district: Session;
  let classId: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'peixun-archive-s3-'));
    server = new S3rver({
      address: '127.0.0.1',
      port: 0,
      directory: dir,
      silent: true,
      configureBuckets: [{ name: 'peixun-archive' }],
    });
    const { port } = await server.run();
    api = await bootApi({
      FILE_STORE: 's3',
      S3_ENDPOINT: `http://127.0.0.1:${port}`,
      S3_REGION: 'us-east-1',
      S3_BUCKET: 'peixun-archive',
      S3_ACCESS_KEY_ID: 'S3RVER',
      S3_SECRET_ACCESS_KEY: 'S3RVER',
      S3_FORCE_PATH_STYLE: 'true',
    });
    files = api.app.get(FileStore);
    const org = await anOrgTree(api.ds);
    await aFiledInstitution(api.ds, org.institution.id);
    staff = await login(
      api.http,
      (await anAccount().withRole('institution_staff').inOrg(org.institution).create(api.ds))
        .username,
      TEST_PASSWORD,
    );
    district = await login(
      api.http,
      (await anAccount().withRole('district_admin').inOrg(org.districtA).create(api.ds)).username,
      TEST_PASSWORD,
    );
    const t = await aConsentingTeacher(api.ds, org.institution.id, '桶老师');
    const plan = await anApprovedPlan(api.ds, org, { teacherIds: [t.id] });
    const c = await request(api.http)
      .post('/api/v1/classes')
      .set(bearer(staff))
      .send({
        projectPlanId: plan.id,
        capacity: 20,
        enrolOpensAt: new Date(Date.now() - 3_600_000).toISOString(),
        enrolClosesAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
      })
      .expect(201);
    classId = c.body.id;
  });
  afterAll(async () => {
    await api?.close();
    await server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('uploads, lists, downloads and deletes through the bucket', async () => {
    expect(files.backendName).toBe('s3');
    // a few MB, so that the upload to the bucket takes more than one part
    const video = Buffer.concat([
      Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex'),
      Buffer.alloc(12 * 1024 * 1024, 0x11),
    ]);
    const added = await request(api.http)
      .post(`/api/v1/classes/${classId}/archive`)
      .set(bearer(staff))
      .field('category', 'video')
      .attach('file', video, { filename: '第一课录像.mp4', contentType: 'video/mp4' })
      .expect(201);
    expect(added.body).toMatchObject({
      category: 'video',
      mime: 'video/mp4',
      size: video.length,
      sha256: sha256(video),
      fileName: '第一课录像.mp4',
    });
    const row = await api.ds.getRepository(ClassArchiveFile).findOneByOrFail({ id: added.body.id });
    expect(await files.exists(row.fileKey)).toBe(true);

    const list = await request(api.http)
      .get(`/api/v1/classes/${classId}/archive`)
      .set(bearer(district))
      .expect(200);
    expect(list.body.items.map((i: { id: string }) => i.id)).toEqual([added.body.id]);

    const dl = await request(api.http)
      .get(`/api/v1/classes/${classId}/archive/${added.body.id}`)
      .set(bearer(district))
      .buffer(true)
      .parse(binary)
      .expect(200)
      .expect('content-type', 'video/mp4');
    expect(sha256(dl.body as Buffer)).toBe(sha256(video));

    // a refused type leaves nothing in the bucket either
    const before: string[] = [];
    for await (const k of files.list('class-archive/')) before.push(k);
    await request(api.http)
      .post(`/api/v1/classes/${classId}/archive`)
      .set(bearer(staff))
      .field('category', 'material')
      .attach('file', SAMPLES.exe, { filename: '讲义.pdf', contentType: 'application/pdf' })
      .expect(415);
    const after: string[] = [];
    for await (const k of files.list('class-archive/')) after.push(k);
    expect(after).toEqual(before);

    await request(api.http)
      .delete(`/api/v1/classes/${classId}/archive/${added.body.id}`)
      .set(bearer(staff))
      .expect(204);
    expect(await files.exists(row.fileKey)).toBe(false);
    await request(api.http)
      .get(`/api/v1/classes/${classId}/archive/${added.body.id}`)
      .set(bearer(district))
      .expect(404);
  });
});
