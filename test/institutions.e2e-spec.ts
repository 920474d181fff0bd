import { AuditLog, FileStore } from '@peixun/core';
import { SAMPLES } from '@peixun/core/files/testing/samples';
import { OrgUnit } from '@peixun/org';
import { InstitutionDocument, InstitutionReview } from '@peixun/planning';
import { createHash } from 'node:crypto';
import request from 'supertest';
import {
  aMunicipality,
  anAccount,
  anOrgTree,
  anOrgUnit,
  TEST_PASSWORD,
  TestOrg,
} from './factories/org.factory';
import { bearer, bootApi, login, Session, TestApi } from './support/app';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

describe('institutions: qualification, review, filing, suspension', () => {
  let api: TestApi;
  let org: TestOrg;
  let municipal: Session;
  let district: Session;
  let seq = 0;

  /** A unified social credit code with a correct check character, different on every call. */
  const creditCode = (): string => {
    const chars = '0123456789ABCDEFGHJKLMNPQRTUWXY';
    const weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
    const body = `5211010${String(Date.now() % 1e6).padStart(6, '0')}${String(seq++).padStart(4, '0')}`;
    const sum = [...body].reduce((s, c, i) => s + chars.indexOf(c) * weights[i], 0);
    return body + chars[(31 - (sum % 31)) % 31];
  };
  const application = () => ({
    legalName: '北京市某社会工作培训中心',
    creditCode: creditCode(),
    kind: 'training_center',
    address: '北京市东城区某路 1 号',
    contactName: '陈老师',
    contactPhone: '010-66666666',
    annualCapacity: 1200,
    description: '专职教师 12 名，教室 6 间',
  });
  const newInstitution = async (
    municipality: OrgUnit = org.municipality,
  ): Promise<{ unit: OrgUnit; staff: Session }> => {
    const unit = await anOrgUnit(api.ds, 'institution', '培训中心', municipality);
    const staff = await login(
      api.http,
      (await anAccount().withRole('institution_staff').inOrg(unit).create(api.ds)).username,
      TEST_PASSWORD,
    );
    return { unit, staff };
  };
  const readyToSubmit = async (staff: Session): Promise<void> => {
    await request(api.http)
      .put('/api/v1/institutions/mine/application')
      .set(bearer(staff))
      .send(application())
      .expect(200);
    await request(api.http)
      .post('/api/v1/institutions/mine/documents')
      .set(bearer(staff))
      .attach('file', PDF, '办学许可证.pdf')
      .expect(201);
  };

  beforeAll(async () => {
    api = await bootApi();
    org = await anOrgTree(api.ds);
    municipal = await login(
      api.http,
      (await anAccount().withRole('municipal_admin').inOrg(org.municipality).create(api.ds))
        .username,
      TEST_PASSWORD,
    );
    district = await login(
      api.http,
      (await anAccount().withRole('district_admin').inOrg(org.districtA).create(api.ds)).username,
      TEST_PASSWORD,
    );
  });
  afterAll(async () => {
    await api.close();
  });

  it('walks an application from draft to filed, with changes asked for on the way', async () => {
    const { unit, staff } = await newInstitution();
    const draft = await request(api.http)
      .get('/api/v1/institutions/mine')
      .set(bearer(staff))
      .expect(200);
    expect(draft.body).toMatchObject({ id: unit.id, status: 'draft', commissionable: false });

    const incomplete = await request(api.http)
      .post('/api/v1/institutions/mine/submit')
      .set(bearer(staff))
      .expect(400);
    expect(incomplete.body.code).toBe('APPLICATION_INCOMPLETE');
    expect((incomplete.body.details as { field: string }[]).map((d) => d.field)).toEqual(
      expect.arrayContaining(['legalName', 'creditCode', 'documents']),
    );

    const badCode = await request(api.http)
      .put('/api/v1/institutions/mine/application')
      .set(bearer(staff))
      .send({ ...application(), creditCode: '91350100M000100Y44' })
      .expect(400);
    expect(badCode.body.details[0].field).toBe('creditCode');

    await readyToSubmit(staff);
    const pending = await request(api.http)
      .post('/api/v1/institutions/mine/submit')
      .set(bearer(staff))
      .expect(200);
    expect(pending.body.status).toBe('pending');
    const locked = await request(api.http)
      .put('/api/v1/institutions/mine/application')
      .set(bearer(staff))
      .send(application())
      .expect(409);
    expect(locked.body.code).toBe('ILLEGAL_TRANSITION');

    const queue = await request(api.http)
      .get('/api/v1/institutions/review-queue')
      .set(bearer(municipal))
      .expect(200);
    expect(queue.body.items.map((i: { id: string }) => i.id)).toContain(unit.id);
    expect(queue.body.count).toBe(queue.body.items.length);

    const noReason = await request(api.http)
      .post(`/api/v1/institutions/${unit.id}/review`)
      .set(bearer(municipal))
      .send({ decision: 'request_changes' })
      .expect(400);
    expect(noReason.body.details[0].field).toBe('reason');
    const changes = await request(api.http)
      .post(`/api/v1/institutions/${unit.id}/review`)
      .set(bearer(municipal))
      .send({ decision: 'request_changes', reason: '请补充师资名单' })
      .expect(200);
    expect(changes.body).toMatchObject({
      status: 'changes_requested',
      lastReason: '请补充师资名单',
    });

    await request(api.http)
      .post('/api/v1/institutions/mine/documents')
      .set(bearer(staff))
      .attach('file', PDF, '师资名单.pdf')
      .expect(201);
    await request(api.http).post('/api/v1/institutions/mine/submit').set(bearer(staff)).expect(200);
    const approved = await request(api.http)
      .post(`/api/v1/institutions/${unit.id}/review`)
      .set(bearer(municipal))
      .send({ decision: 'approve' })
      .expect(200);
    expect(approved.body).toMatchObject({ status: 'approved', commissionable: true });
    expect(approved.body.filingNumber).toMatch(/^京培备〔\d{4}〕\d{3}号$/);
    expect(approved.body.history.map((h: { action: string }) => h.action)).toEqual([
      'submit',
      'request_changes',
      'submit',
      'approve',
    ]);

    const filed = await request(api.http).get('/api/v1/institutions/filed').expect(200);
    expect(filed.body.map((f: { id: string }) => f.id)).toContain(unit.id);
    const audit = await api.ds
      .getRepository(AuditLog)
      .findBy({ entityType: 'institution', entityId: unit.id });
    expect(audit.map((a) => a.action)).toEqual(
      expect.arrayContaining([
        'institution.submit',
        'institution.request_changes',
        'institution.approve',
      ]),
    );

    // the district bureau, which commissions, may read it
    await request(api.http)
      .get(`/api/v1/institutions/${unit.id}`)
      .set(bearer(district))
      .expect(200);
  });

  it('files an institution of Shenyang under 沈; refuses to file one whose municipality the region table does not know', async () => {
    const shenyang = await aMunicipality(api.ds, 'shenyang');
    const sy = await newInstitution(shenyang);
    await readyToSubmit(sy.staff);
    await request(api.http)
      .post('/api/v1/institutions/mine/submit')
      .set(bearer(sy.staff))
      .expect(200);
    const filed = await request(api.http)
      .post(`/api/v1/institutions/${sy.unit.id}/review`)
      .set(bearer(municipal))
      .send({ decision: 'approve' })
      .expect(200);
    expect(filed.body.filingNumber).toMatch(/^沈培备〔\d{4}〕\d{3}号$/);

    // no code at all: once this read as Beijing (京)
    const nowhere = await anOrgUnit(api.ds, 'municipality', '某市');
    const lost = await newInstitution(nowhere);
    await readyToSubmit(lost.staff);
    await request(api.http)
      .post('/api/v1/institutions/mine/submit')
      .set(bearer(lost.staff))
      .expect(200);
    const refused = await request(api.http)
      .post(`/api/v1/institutions/${lost.unit.id}/review`)
      .set(bearer(municipal))
      .send({ decision: 'approve' })
      .expect(422);
    expect(refused.body.code).toBe('REGION_UNSUPPORTED');
    const still = await request(api.http)
      .get(`/api/v1/institutions/${lost.unit.id}`)
      .set(bearer(municipal))
      .expect(200);
    expect(still.body).toMatchObject({ status: 'pending', filingNumber: null });
  });

  it('suspension takes an institution off the filed list and out of commissioning; reinstating restores it', async () => {
    const { unit, staff } = await newInstitution();
    await readyToSubmit(staff);
    await request(api.http).post('/api/v1/institutions/mine/submit').set(bearer(staff)).expect(200);
    await request(api.http)
      .post(`/api/v1/institutions/${unit.id}/review`)
      .set(bearer(municipal))
      .send({ decision: 'approve' })
      .expect(200);
    const suspended = await request(api.http)
      .post(`/api/v1/institutions/${unit.id}/suspend`)
      .set(bearer(municipal))
      .send({ reason: '未按规定组织考勤' })
      .expect(200);
    expect(suspended.body).toMatchObject({ status: 'suspended', commissionable: false });
    expect(
      (await request(api.http).get('/api/v1/institutions/filed')).body.map(
        (f: { id: string }) => f.id,
      ),
    ).not.toContain(unit.id);
    // ... onto the bureau's list of suspended institutions, from which it is reinstated
    const suspendedIds = async (): Promise<string[]> =>
      (
        await request(api.http)
          .get('/api/v1/institutions/suspended')
          .set(bearer(municipal))
          .expect(200)
      ).body.map((f: { id: string }) => f.id) as string[];
    expect(await suspendedIds()).toContain(unit.id);
    await request(api.http).get('/api/v1/institutions/suspended').set(bearer(district)).expect(403);
    await request(api.http).get('/api/v1/institutions/suspended').expect(401);
    const back = await request(api.http)
      .post(`/api/v1/institutions/${unit.id}/reinstate`)
      .set(bearer(municipal))
      .send({ reason: '整改完成' })
      .expect(200);
    expect(back.body).toMatchObject({
      status: 'approved',
      commissionable: true,
      filingNumber: suspended.body.filingNumber,
    });
    expect(await suspendedIds()).not.toContain(unit.id);
  });

  it.each([
    ['approve a draft', 'draft', 'review', { decision: 'approve' }],
    ['suspend a pending application', 'pending', 'suspend', { reason: '测试理由' }],
    ['reinstate an approved institution', 'approved', 'reinstate', { reason: '测试理由' }],
    ['approve an approved institution twice', 'approved', 'review', { decision: 'approve' }],
    [
      'reject an approved institution',
      'approved',
      'review',
      { decision: 'reject', reason: '测试理由' },
    ],
  ])('refuses to %s', async (_, state, action, body) => {
    const { unit, staff } = await newInstitution();
    await request(api.http).get('/api/v1/institutions/mine').set(bearer(staff)).expect(200);
    if (state !== 'draft') {
      await readyToSubmit(staff);
      await request(api.http)
        .post('/api/v1/institutions/mine/submit')
        .set(bearer(staff))
        .expect(200);
    }
    if (state === 'approved') {
      await request(api.http)
        .post(`/api/v1/institutions/${unit.id}/review`)
        .set(bearer(municipal))
        .send({ decision: 'approve' })
        .expect(200);
    }
    const res = await request(api.http)
      .post(`/api/v1/institutions/${unit.id}/${action}`)
      .set(bearer(municipal))
      .send(body)
      .expect(409);
    expect(res.body.code).toBe('ILLEGAL_TRANSITION');
  });

  it('only the municipal bureau reviews; staff see only their own institution and documents', async () => {
    const a = await newInstitution();
    const b = await newInstitution();
    await readyToSubmit(a.staff);
    await request(api.http)
      .post('/api/v1/institutions/mine/submit')
      .set(bearer(a.staff))
      .expect(200);
    for (const s of [district, a.staff]) {
      const res = await request(api.http)
        .post(`/api/v1/institutions/${a.unit.id}/review`)
        .set(bearer(s))
        .send({ decision: 'approve' })
        .expect(403);
      expect(res.body.code).toBe('FORBIDDEN_ROLE');
    }
    await request(api.http)
      .get(`/api/v1/institutions/${a.unit.id}`)
      .set(bearer(b.staff))
      .expect(404);
    await request(api.http)
      .get('/api/v1/institutions/review-queue')
      .set(bearer(district))
      .expect(403);
    const docId = (await request(api.http).get('/api/v1/institutions/mine').set(bearer(a.staff)))
      .body.documents[0].id;
    await request(api.http)
      .get(`/api/v1/institutions/${a.unit.id}/documents/${docId}`)
      .set(bearer(b.staff))
      .expect(404);
    const doc = await request(api.http)
      .get(`/api/v1/institutions/${a.unit.id}/documents/${docId}`)
      .set(bearer(municipal))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200);
    expect(Buffer.compare(doc.body as Buffer, PDF)).toBe(0);
    const wrongType = await request(api.http)
      .post('/api/v1/institutions/mine/documents')
      .set(bearer(b.staff))
      .attach('file', Buffer.from('x'), 'virus.exe')
      .expect(400);
    expect(wrongType.body.details[0].field).toBe('file');
  });

  it('a concurrent approve and reject of the same application leave exactly one outcome', async () => {
    const { unit, staff } = await newInstitution();
    await readyToSubmit(staff);
    await request(api.http).post('/api/v1/institutions/mine/submit').set(bearer(staff)).expect(200);
    const [approve, reject] = await Promise.all([
      request(api.http)
        .post(`/api/v1/institutions/${unit.id}/review`)
        .set(bearer(municipal))
        .send({ decision: 'approve' }),
      request(api.http)
        .post(`/api/v1/institutions/${unit.id}/review`)
        .set(bearer(municipal))
        .send({ decision: 'reject', reason: '材料不全' }),
    ]);
    expect([approve.status, reject.status].sort()).toEqual([200, 409]);
    const decisions = await api.ds
      .getRepository(InstitutionReview)
      .findBy({ institutionId: unit.id });
    expect(decisions.filter((d) => d.action === 'approve' || d.action === 'reject')).toHaveLength(
      1,
    );
    const final = await request(api.http)
      .get(`/api/v1/institutions/${unit.id}`)
      .set(bearer(municipal))
      .expect(200);
    expect(final.body.status).toBe(approve.status === 200 ? 'approved' : 'rejected');
  });

  it('keeps documents in the file store: types from the bytes, limits while uploading, key and hash in the row', async () => {
    const { unit, staff } = await newInstitution();
    await request(api.http).get('/api/v1/institutions/mine').set(bearer(staff)).expect(200);
    const files = api.app.get(FileStore);
    const stored = async (): Promise<string[]> => {
      const keys: string[] = [];
      for await (const k of files.list('institution-document/')) keys.push(k);
      return keys.sort();
    };
    const upload = (bytes: Buffer, name: string) =>
      request(api.http)
        .post('/api/v1/institutions/mine/documents')
        .set(bearer(staff))
        .attach('file', bytes, name);
    const before = await stored();

    // an executable renamed to .pdf is refused from its bytes
    const disguised = await upload(SAMPLES.exe, '营业执照.pdf').expect(415);
    expect(disguised.body).toMatchObject({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      details: { kind: 'institution-document', detected: 'exe' },
    });
    // over the kind's limit: refused while uploading, naming the limit
    const big = Buffer.alloc(10 * 1024 * 1024 + 1);
    PDF.copy(big);
    const tooBig = await upload(big, '扫描件.pdf').expect(413);
    expect(tooBig.body.code).toBe('PAYLOAD_TOO_LARGE');
    expect(tooBig.body.message).toContain('10 MB');
    expect(await stored()).toEqual(before);

    // a PNG named .jpg is kept as what it is
    const added = await upload(SAMPLES.png, '场地照片.jpg').expect(201);
    expect(added.body).toMatchObject({ mimeType: 'image/png', sizeBytes: SAMPLES.png.length });
    const row = await api.ds
      .getRepository(InstitutionDocument)
      .findOneByOrFail({ id: added.body.id as string });
    expect(row.fileKey).toMatch(/^institution-document\/\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    expect(row.fileSha256).toBe(createHash('sha256').update(SAMPLES.png).digest('hex'));
    expect(await stored()).toEqual([...before, row.fileKey].sort());
    const download = await request(api.http)
      .get(`/api/v1/institutions/${unit.id}/documents/${row.id}`)
      .set(bearer(staff))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      })
      .expect(200)
      .expect('content-type', 'image/png')
      .expect('content-length', String(SAMPLES.png.length));
    expect((download.body as Buffer).equals(SAMPLES.png)).toBe(true);

    // removing the document removes the object, once the row is gone
    await request(api.http)
      .delete(`/api/v1/institutions/mine/documents/${row.id}`)
      .set(bearer(staff))
      .expect(204);
    await expect(files.exists(row.fileKey)).resolves.toBe(false);
    expect(await stored()).toEqual(before);

    // an upload the workflow refuses (the application is under review) leaves no object behind
    await readyToSubmit(staff);
    await request(api.http).post('/api/v1/institutions/mine/submit').set(bearer(staff)).expect(200);
    const submitted = await stored();
    const late = await upload(SAMPLES.png, '补充材料.png').expect(409);
    expect(late.body.code).toBe('ILLEGAL_TRANSITION');
    expect(await stored()).toEqual(submitted);
  });
});
