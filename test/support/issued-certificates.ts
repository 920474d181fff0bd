import { localDate } from '@peixun/core';
import request from 'supertest';
import { aFinishedClass, FinishedClass } from '../factories/finished-class.factory';
import type { TestOrg } from '../factories/org.factory';
import { bearer, Session, TestApi } from './app';

export interface IssuedCertificate {
  id: string;
  serial: string;
  workerId: string;
  verifyUrl: string;
}

/**
 * The class exam held yesterday under the district's supervisor, every trainee given `score`
 * (88: passed) through the API, as the institution's staff records it.
 */
export async function aPassedExam(
  api: TestApi,
  cls: FinishedClass,
  staff: Session,
  supervisorOrgId: string,
  score = 88,
): Promise<string> {
  const exam = await request(api.http)
    .post(`/api/v1/classes/${cls.id}/exams`)
    .set(bearer(staff))
    .send({
      heldOn: localDate(new Date(Date.now() - 86_400_000), 'Asia/Shanghai'),
      mode: 'score',
      supervisorName: '区民政局 赵监考',
      supervisorOrgId,
    })
    .expect(201);
  await request(api.http)
    .put(`/api/v1/exams/${exam.body.id}/results`)
    .set(bearer(staff))
    .send({ results: cls.trainees.map((t) => ({ enrollmentId: t.enrollmentId, score })) })
    .expect(200);
  return exam.body.id as string;
}

/**
 * Certificates issued for real (a worker app must be running): a finished class of district A
 * with `trainees` who all passed the exam, issued by the institution's staff and rendered.
 */
export async function issuedCertificates(
  api: TestApi,
  org: TestOrg,
  staff: Session,
  trainees = 1,
  classSpec: { sessions?: number } = {},
): Promise<{ cls: FinishedClass; certificates: IssuedCertificate[] }> {
  const cls = await aFinishedClass(api.ds, org, { trainees, ...classSpec });
  await aPassedExam(api, cls, staff, org.districtA.id);
  await request(api.http)
    .post(`/api/v1/classes/${cls.id}/certificates/issue`)
    .set(bearer(staff))
    .expect(202);
  const deadline = Date.now() + 45_000;
  for (;;) {
    const p = await request(api.http)
      .get(`/api/v1/classes/${cls.id}/certificates/progress`)
      .set(bearer(staff))
      .expect(200);
    if ((p.body as { issued: number }).issued >= trainees) break;
    if (Date.now() > deadline) throw new Error(`not issued: ${JSON.stringify(p.body)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  const list = await request(api.http)
    .get(`/api/v1/classes/${cls.id}/certificates`)
    .set(bearer(staff))
    .expect(200);
  return { cls, certificates: list.body as IssuedCertificate[] };
}
