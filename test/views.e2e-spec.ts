import { localYear } from '@peixun/core';
import { CalendarFeed } from '@peixun/enrollment';
import { Worker } from '@peixun/org';
import { createHash } from 'node:crypto';
import { createServer } from 'node:net';
import request from 'supertest';
import {
  aConsentingTeacher,
  anApprovedPlan,
  aFiledInstitution,
  dayFromNow,
} from './factories/class.factory';
import { anAccount, anOrgTree, TEST_PASSWORD, TestOrg } from './factories/org.factory';
import { aWorker, TestWorker } from './factories/worker.factory';
import { bearer, bootApi, login, Session, sessionFor, TestApi } from './support/app';
import { startAppProcess } from './support/worker-process';

interface ClassBody {
  id: string;
  title: string;
  sessions: { id: string; date: string; startTime: string; teacherId: string | null }[];
}
interface TimetableItem {
  sessionId: string;
  classId: string;
  classTitle: string;
  placeStatus: string;
  offered: boolean;
  offeredUntil: string | null;
  date: string;
  startTime: string;
  endTime: string;
  startsAt: string;
  hours: number;
  halfHours: number;
  location: string;
  teacherName: string | null;
}

const octets = (s: string): number => Buffer.byteLength(s, 'utf8');
/** Unfolds an iCalendar text into its logical lines (RFC 5545 §3.1). */
const unfold = (text: string): string[] => text.replace(/\r\n[ \t]/g, '').split('\r\n');
/** The VEVENTs of a calendar, each as a map of property name -> value. */
function events(text: string): Record<string, string>[] {
  const out: Record<string, string>[] = [];
  let cur: Record<string, string> | null = null;
  for (const line of unfold(text)) {
    if (line === 'BEGIN:VEVENT') cur = {};
    else if (line === 'END:VEVENT') {
      out.push(cur!);
      cur = null;
    } else if (cur) {
      const i = line.indexOf(':');
      cur[line.slice(0, i).split(';')[0]] = line.slice(i + 1);
    }
  }
  return out;
}

describe('enrolment views: timetable, calendar feed, fill rates, coverage', () => {
  let api: TestApi;
  let org: TestOrg;
  let staff: Session;
  let otherStaff: Session;
  let municipal: Session;
  let districtA: Session;
  let districtB: Session;
  let streetA1: Session;
  const year = localYear(new Date(), 'Asia/Shanghai');

  const as = async (
    role: Parameters<ReturnType<typeof anAccount>['withRole']>[0],
    unit: TestOrg[keyof TestOrg],
  ) =>
    login(
      api.http,
      (await anAccount().withRole(role).inOrg(unit).create(api.ds)).username,
      TEST_PASSWORD,
    );
  /** A worker account linked to no worker record. */
  const unlinkedWorker = async () =>
    login(api.http, (await anAccount().withRole('worker').create(api.ds)).username, TEST_PASSWORD);
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

  /** An open class of the tree's district A from a fresh approved plan, with its own teacher. */
  const openClass = async (
    tree: TestOrg,
    runner: Session,
    capacity: number,
    opts: {
      offset?: number;
      type?: 'post' | 'induction';
      title?: string;
      teacherName?: string;
    } = {},
  ): Promise<ClassBody> => {
    const t = await aConsentingTeacher(
      api.ds,
      tree.institution.id,
      opts.teacherName ?? `师${Math.random().toString(36).slice(2, 6)}`,
    );
    const offset = opts.offset ?? 10;
    const plan = await anApprovedPlan(api.ds, tree, {
      type: opts.type ?? 'post',
      teacherIds: [t.id],
      sessions: Array.from({ length: 5 }, (_, i) => ({
        date: dayFromNow(offset + i),
        startTime: '09:00',
        halfHours: 16,
        topic: `专题 ${i + 1}`,
        teacherId: t.id,
      })),
    });
    const c = await request(api.http)
      .post('/api/v1/classes')
      .set(bearer(runner))
      .send({
        projectPlanId: plan.id,
        capacity,
        ...window,
        ...(opts.title ? { title: opts.title } : {}),
      })
      .expect(201);
    await request(api.http)
      .post(`/api/v1/classes/${c.body.id}/publish`)
      .set(bearer(runner))
      .expect(201);
    return c.body as ClassBody;
  };
  const enrol = (w: Worker, classId: string) =>
    request(api.http)
      .post(`/api/v1/classes/${classId}/enrollments`)
      .set(bearer(sessionOf(w)))
      .send({});
  const timetable = (w: Worker | Session, query: Record<string, string> = {}) =>
    request(api.http)
      .get('/api/v1/me/timetable')
      .query(query)
      .set(bearer('accessToken' in w ? w : sessionOf(w)));

  beforeAll(async () => {
    api = await bootApi();
    org = await anOrgTree(api.ds);
    await aFiledInstitution(api.ds, org.institution.id);
    staff = await as('institution_staff', org.institution);
    const otherInstitution = (await anOrgTree(api.ds)).institution;
    otherStaff = await as('institution_staff', otherInstitution);
    municipal = await as('municipal_admin', org.municipality);
    districtA = await as('district_admin', org.districtA);
    districtB = await as('district_admin', org.districtB);
    streetA1 = await as('street_admin', org.streetA1);
  });
  afterAll(async () => {
    await api.close();
  });

  describe('a worker’s timetable', () => {
    it('lists the sessions of every class where I hold a place, by start, on the region clock', async () => {
      // created later-first: the order must come from the sessions, not the classes
      const later = await openClass(org, staff, 10, { offset: 30, teacherName: '李老师' });
      const sooner = await openClass(org, staff, 10, { offset: 20, teacherName: '张老师' });
      const elsewhere = await openClass(org, staff, 10, { offset: 40 });
      const w = await aWorker().inCommunity(org.communityA1).create(api.ds);
      const other = await aWorker().inCommunity(org.communityA1).create(api.ds);
      await enrol(w, later.id).expect(201);
      await enrol(w, sooner.id).expect(201);
      await enrol(other, elsewhere.id).expect(201);

      const res = await timetable(w).expect(200);
      const items = res.body.items as TimetableItem[];
      expect(items).toHaveLength(10);
      expect(items.map((i) => i.classId)).toEqual([
        ...Array(5).fill(sooner.id),
        ...Array(5).fill(later.id),
      ]);
      const starts = items.map((i) => Date.parse(i.startsAt));
      expect([...starts].sort((a, b) => a - b)).toEqual(starts);
      expect(items[0]).toMatchObject({
        classTitle: sooner.title,
        placeStatus: 'enrolled',
        offered: false,
        date: dayFromNow(20),
        startTime: '09:00',
        endTime: '15:00', // 8 class hours of 45 minutes
        hours: 8,
        halfHours: 16,
        location: '东城区社区学院',
        teacherName: '张老师',
      });
      expect(items[5]).toMatchObject({ date: dayFromNow(30), teacherName: '李老师' });
      expect(res.body.enrolledHalfHours).toBe(160);
      // another worker's classes are not in mine
      expect(items.some((i) => i.classId === elsewhere.id)).toBe(false);

      // from / to: days on the region clock, both ends included
      const window = await timetable(w, { from: dayFromNow(21), to: dayFromNow(30) }).expect(200);
      expect(window.body.items.map((i: TimetableItem) => i.date)).toEqual([
        dayFromNow(21),
        dayFromNow(22),
        dayFromNow(23),
        dayFromNow(24),
        dayFromNow(30),
      ]);
    });

    it('flags a place offered from the waitlist, and drops a place once withdrawn', async () => {
      const c = await openClass(org, staff, 1, { offset: 50 });
      const [first, second] = await Promise.all(
        [1, 2].map(() => aWorker().inCommunity(org.communityA1).create(api.ds)),
      );
      const entry = (await enrol(first, c.id).expect(201)).body;
      expect((await enrol(second, c.id).expect(201)).body.status).toBe('waitlisted');
      expect((await timetable(second).expect(200)).body.items).toEqual([]);
      await request(api.http)
        .post(`/api/v1/enrollments/${entry.id}/withdraw`)
        .set(bearer(sessionOf(first)))
        .send({})
        .expect(200);
      expect((await timetable(first).expect(200)).body.items).toEqual([]);
      const offered = (await timetable(second).expect(200)).body;
      expect(offered.items).toHaveLength(5);
      expect(offered.items[0]).toMatchObject({
        placeStatus: 'offered',
        offered: true,
        offeredUntil: expect.any(String),
      });
      expect(offered.enrolledHalfHours).toBe(0);
    });

    it.each([
      [{ from: '2026-02-30' }, 'from'],
      [{ to: '2026-13-01' }, 'to'],
      [{ from: 'tomorrow' }, 'from'],
      [{ from: '2026-12-02', to: '2026-12-01' }, 'to'],
      [{ when: '2026-12-01' }, 'when'],
    ])('refuses %j naming %s', async (query, field) => {
      const w = await aWorker().inCommunity(org.communityA1).create(api.ds);
      const res = await timetable(w, query as Record<string, string>).expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
      expect(JSON.stringify(res.body.details)).toContain(field);
    });

    it('is the worker’s own only: other roles are refused, an unlinked account has none', async () => {
      for (const s of [staff, districtA, streetA1, municipal]) {
        expect((await timetable(s).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
      }
      const unlinked = await unlinkedWorker();
      expect((await timetable(unlinked).expect(404)).body.code).toBe('NOT_FOUND');
    });
  });

  describe('the calendar feed', () => {
    it('serves a valid RFC 5545 calendar at a secret URL, until revoked; a new URL works, the old stays dead', async () => {
      const title = '社区治理,实务;研讨\\进阶班——东城区社区工作者岗位培训示范班（第一期）';
      const c = await openClass(org, staff, 10, { offset: 60, title });
      const second = await openClass(org, staff, 10, { offset: 70 });
      const w = await aWorker().inCommunity(org.communityA1).create(api.ds);
      await enrol(w, c.id).expect(201);
      await enrol(w, second.id).expect(201);
      // a session added and then cancelled: it stays in the feed as cancelled
      const added = await request(api.http)
        .post(`/api/v1/classes/${c.id}/sessions`)
        .set(bearer(staff))
        .send({
          date: dayFromNow(60),
          startTime: '16:00',
          endTime: '17:30',
          halfHours: 4,
          topic: '答疑',
          method: 'lecture',
          teacherId: c.sessions[0].teacherId,
        })
        .expect(201);
      const extra = (added.body as ClassBody).sessions.find((s) => s.startTime === '16:00')!;
      await request(api.http)
        .delete(`/api/v1/classes/${c.id}/sessions/${extra.id}`)
        .set(bearer(staff))
        .send({ reason: '教师出差' })
        .expect(200);

      const account = await anAccount().forWorker(w.id).create(api.ds);
      const me = await login(api.http, account.username, TEST_PASSWORD);
      expect(
        (await request(api.http).get('/api/v1/me/calendar-feed').set(bearer(me))).body,
      ).toEqual({ active: false, createdAt: null });
      const created = await request(api.http)
        .post('/api/v1/me/calendar-feed')
        .set(bearer(me))
        .expect(201);
      expect(created.body).toMatchObject({
        url: expect.stringMatching(
          /^http:\/\/127\.0\.0\.1:\d+\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/,
        ),
        webcalUrl: expect.stringMatching(/^webcal:\/\/127\.0\.0\.1:\d+\/api\/v1\/calendar\//),
        revokedPrevious: 0,
      });
      const url = new URL(created.body.url as string);
      const token = url.pathname.split('/').pop()!.replace('.ics', '');
      // only the hash is kept
      const stored = await api.ds.getRepository(CalendarFeed).findOneByOrFail({ workerId: w.id });
      expect(stored.tokenHash).toBe(createHash('sha256').update(token).digest('hex'));
      expect(JSON.stringify(await api.ds.query(`select * from calendar_feed`))).not.toContain(
        token,
      );
      expect(
        (await request(api.http).get('/api/v1/me/calendar-feed').set(bearer(me))).body,
      ).toMatchObject({ active: true });

      // no sign-in: the secret is the credential
      const feed = await request(api.http)
        .get(url.pathname)
        .buffer(true)
        .parse(textParser)
        .expect(200);
      expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
      const text = feed.body as string;
      // CRLF only, and every physical line within 75 octets
      expect(text.endsWith('\r\n')).toBe(true);
      expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      const physical = text.split('\r\n');
      expect(physical.every((l) => octets(l) <= 75)).toBe(true);
      expect(physical.some((l) => l.startsWith(' '))).toBe(true); // the long Chinese title was folded
      const lines = unfold(text);
      expect(lines.slice(0, 4)).toEqual([
        'BEGIN:VCALENDAR',
        expect.stringMatching(/^PRODID:/),
        'VERSION:2.0',
        'CALSCALE:GREGORIAN',
      ]);
      expect(lines).toContain('X-WR-CALNAME:社区工作者培训课程表');
      expect(lines[lines.length - 2]).toBe('END:VCALENDAR');
      const evs = events(text);
      // one VEVENT per session: 5 + 5 scheduled and the cancelled one
      expect(evs).toHaveLength(11);
      expect(new Set(evs.map((e) => e.UID)).size).toBe(11);
      for (const e of evs) {
        expect(e.DTSTART).toMatch(/^\d{8}T\d{6}Z$/);
        expect(e.DTEND).toMatch(/^\d{8}T\d{6}Z$/);
        expect(e.DTSTAMP).toMatch(/^\d{8}T\d{6}Z$/);
      }
      // 09:00 in Beijing is 01:00 UTC
      const first = evs.find((e) => e.UID === `${c.sessions[0].id}@peixun`)!;
      expect(first.DTSTART).toBe(`${dayFromNow(60).replace(/-/g, '')}T010000Z`);
      expect(first.SUMMARY).toBe(
        '社区治理\\,实务\\;研讨\\\\进阶班——东城区社区工作者岗位培训示范班（第一期）：专题 1',
      );
      expect(first.STATUS).toBe('CONFIRMED');
      expect(first.LOCATION).toBe('东城区社区学院');
      expect(first.DESCRIPTION).toContain('\\n学时：8');
      const cancelled = evs.find((e) => e.UID === `${extra.id}@peixun`)!;
      expect(cancelled.STATUS).toBe('CANCELLED');
      // no personal data: neither the worker's name nor their ID number
      expect(text).not.toContain(w.name);
      expect(text).not.toContain(w.idNumber);
      expect(text).not.toContain(w.idNumberMasked);
      // the same text on the next fetch: stable UIDs and stamps
      const again = await request(api.http).get(url.pathname).buffer(true).parse(textParser);
      expect(again.body).toBe(text);

      // unknown and malformed secrets alike: 404 in the error shape
      for (const path of [
        `/api/v1/calendar/${'A'.repeat(43)}.ics`,
        '/api/v1/calendar/short.ics',
        `/api/v1/calendar/${token}x.ics`,
      ]) {
        const res = await request(api.http).get(path).expect(404);
        expect(res.body).toMatchObject({ code: 'NOT_FOUND', message: expect.any(String) });
        expect(res.body.message).not.toContain(token);
      }

      // the account deactivated (the worker left, a phone was lost): the feed stops with it
      await request(api.http)
        .post(`/api/v1/accounts/${account.id}/deactivate`)
        .set(bearer(districtA))
        .expect(200);
      expect((await request(api.http).get(url.pathname).expect(404)).body.code).toBe('NOT_FOUND');
      await request(api.http)
        .post(`/api/v1/accounts/${account.id}/activate`)
        .set(bearer(districtA))
        .expect(200);
      await request(api.http).get(url.pathname).expect(200);
      const relogged = await login(api.http, account.username, TEST_PASSWORD);

      await request(api.http).delete('/api/v1/me/calendar-feed').set(bearer(relogged)).expect(204);
      expect((await request(api.http).get(url.pathname).expect(404)).body.code).toBe('NOT_FOUND');
      await request(api.http).delete('/api/v1/me/calendar-feed').set(bearer(me)).expect(204); // again: no-op

      const renewed = await request(api.http)
        .post('/api/v1/me/calendar-feed')
        .set(bearer(me))
        .expect(201);
      const newPath = new URL(renewed.body.url as string).pathname;
      expect(newPath).not.toBe(url.pathname);
      await request(api.http).get(newPath).expect(200);
      await request(api.http).get(url.pathname).expect(404);
      // a third: the second stops working as it is issued
      const third = await request(api.http)
        .post('/api/v1/me/calendar-feed')
        .set(bearer(me))
        .expect(201);
      expect(third.body.revokedPrevious).toBe(1);
      await request(api.http).get(newPath).expect(404);
      await request(api.http)
        .get(new URL(third.body.url as string).pathname)
        .expect(200);
      expect(await api.ds.getRepository(CalendarFeed).countBy({ workerId: w.id })).toBe(3);
      const [{ active }] = await api.ds.query(
        `select count(*)::int as active from calendar_feed where worker_id = $1 and revoked_at is null`,
        [w.id],
      );
      expect(active).toBe(1);
    });

    it('uses PUBLIC_BASE_URL for the absolute URL when it is set', async () => {
      const other = await bootApi({ PUBLIC_BASE_URL: 'https://peixun.example.cn/' });
      try {
        const w = await aWorker().inCommunity(org.communityA1).create(other.ds);
        const res = await request(other.http)
          .post('/api/v1/me/calendar-feed')
          .set(bearer(sessionFor(other, sessionOf(w).actor)))
          .expect(201);
        expect(res.body.url).toMatch(
          /^https:\/\/peixun\.example\.cn\/api\/v1\/calendar\/[A-Za-z0-9_-]{43}\.ics$/,
        );
        expect(res.body.webcalUrl).toMatch(/^webcal:\/\/peixun\.example\.cn\//);
      } finally {
        await other.close();
      }
    });

    it('never writes the secret to the log (the real API, debug level)', async () => {
      const w = await aWorker().inCommunity(org.communityA1).create(api.ds);
      const account = await anAccount().forWorker(w.id).create(api.ds);
      const port = await freePort();
      const proc = await startAppProcess(
        'apps/api/src/main.ts',
        {
          PORT: String(port),
          LOG_LEVEL: 'debug',
          LOG_FORMAT: 'json',
          READY_REQUIRES_WORKER: 'false',
        },
        'API ready',
      );
      try {
        const base = `http://127.0.0.1:${port}`;
        const me = (
          await request(base)
            .post('/api/v1/auth/login')
            .send({ username: account.username, password: TEST_PASSWORD })
            .expect(200)
        ).body as Session;
        const created = await request(base)
          .post('/api/v1/me/calendar-feed')
          .set(bearer(me))
          .expect(201);
        const path = new URL(created.body.url as string).pathname;
        const token = path.split('/').pop()!.replace('.ics', '');
        await request(base).get(path).expect(200);
        await request(base).get(path.replace('.ics', '')).expect(404); // no such route
        await request(base).get(`${path}?x=1`).expect(200);
        await request(base).delete('/api/v1/me/calendar-feed').set(bearer(me)).expect(204);
        await request(base).get(path).expect(404);
        await new Promise((r) => setTimeout(r, 300)); // let the last lines flush
        const log = proc.output();
        expect(log).toContain('/api/v1/calendar/***.ics');
        expect({ found: log.includes(token) }).toEqual({ found: false });
        expect({ found: log.includes(token.slice(0, 20)) }).toEqual({ found: false });
      } finally {
        proc.child.kill('SIGTERM');
        await proc.exited;
      }
    });

    it('is a worker’s own: other roles cannot create or revoke one', async () => {
      for (const s of [staff, districtA, municipal]) {
        await request(api.http).post('/api/v1/me/calendar-feed').set(bearer(s)).expect(403);
        await request(api.http).delete('/api/v1/me/calendar-feed').set(bearer(s)).expect(403);
      }
      const unlinked = await unlinkedWorker();
      await request(api.http).post('/api/v1/me/calendar-feed').set(bearer(unlinked)).expect(404);
    });
  });

  describe('fill rates', () => {
    it('counts places by status per class in one answer, scoped to the institution, district or bureau', async () => {
      const full = await openClass(org, staff, 4, { offset: 80 });
      const part = await openClass(org, staff, 3, { offset: 90 });
      const ws = await Promise.all(
        [1, 2, 3, 4, 5, 6, 7].map(() => aWorker().inCommunity(org.communityA1).create(api.ds)),
      );
      const entries = [];
      for (const w of ws.slice(0, 5)) entries.push((await enrol(w, full.id).expect(201)).body);
      for (const w of ws.slice(5)) await enrol(w, part.id).expect(201);
      const rates = async (s: Session, query: Record<string, unknown> = {}) =>
        (
          await request(api.http)
            .get('/api/v1/class-fill-rates')
            .query({ year, ...query })
            .set(bearer(s))
            .expect(200)
        ).body as { items: Record<string, unknown>[]; nextCursor: string | null };
      const byId = (items: Record<string, unknown>[], id: string) => items.find((i) => i.id === id);

      const mine = await rates(staff, { limit: 500 });
      expect(byId(mine.items, full.id)).toMatchObject({
        title: full.title,
        type: 'post',
        status: 'open',
        capacity: 4,
        enrolled: 4,
        offered: 0,
        waitlisted: 1,
        fillRate: 1,
        firstSessionStartsAt: expect.any(String),
        lastSessionEndsAt: expect.any(String),
      });
      expect(byId(mine.items, part.id)).toMatchObject({
        capacity: 3,
        enrolled: 2,
        waitlisted: 0,
        fillRate: 0.667,
      });
      const f = byId(mine.items, full.id)!;
      expect(new Date(f.firstSessionStartsAt as string).toISOString()).toBe(
        new Date(`${dayFromNow(80)}T09:00:00+08:00`).toISOString(),
      );
      expect(new Date(f.lastSessionEndsAt as string).toISOString()).toBe(
        new Date(`${dayFromNow(84)}T15:00:00+08:00`).toISOString(),
      );

      // a withdrawal offers the place to the waitlist: 3 enrolled, 1 offered
      await request(api.http)
        .post(`/api/v1/enrollments/${entries[0].id}/withdraw`)
        .set(bearer(sessionOf(ws[0])))
        .send({})
        .expect(200);
      expect(byId((await rates(staff, { limit: 500 })).items, full.id)).toMatchObject({
        enrolled: 3,
        offered: 1,
        waitlisted: 0,
        fillRate: 0.75,
      });

      // the district and the bureau see them; another institution, district or street does not
      expect(byId((await rates(districtA, { limit: 500 })).items, full.id)).toBeDefined();
      expect(
        byId(
          (await rates(municipal, { institutionId: org.institution.id, limit: 500 })).items,
          full.id,
        ),
      ).toBeDefined();
      expect((await rates(otherStaff)).items).toEqual([]);
      expect((await rates(districtB)).items).toEqual([]);
      expect((await rates(streetA1)).items).toEqual([]); // streets see their own street training only
      // filters narrow within the scope
      expect((await rates(staff, { status: 'cancelled' })).items).toEqual([]);
      expect((await rates(staff, { year: year + 5 })).items).toEqual([]);

      // keyset pages: all rows once, in order
      const seen: string[] = [];
      let cursor: string | null = null;
      do {
        const page: { items: Record<string, unknown>[]; nextCursor: string | null } = await rates(
          staff,
          cursor ? { limit: 2, cursor } : { limit: 2 },
        );
        expect(page.items.length).toBeLessThanOrEqual(2);
        seen.push(...page.items.map((i) => i.id as string));
        cursor = page.nextCursor;
      } while (cursor);
      expect(seen).toEqual(mine.items.map((i) => i.id));
      expect(new Set(seen).size).toBe(seen.length);
    });

    it('refuses workers and teachers, and a cursor that is not one', async () => {
      const w = await aWorker().inCommunity(org.communityA1).create(api.ds);
      await request(api.http)
        .get('/api/v1/class-fill-rates')
        .set(bearer(sessionOf(w)))
        .expect(403);
      const teacher = await as('teacher', org.institution);
      await request(api.http).get('/api/v1/class-fill-rates').set(bearer(teacher)).expect(403);
      for (const cursor of ['x', Buffer.from('["1e400","x"]').toString('base64url')]) {
        const res = await request(api.http)
          .get('/api/v1/class-fill-rates')
          .query({ cursor })
          .set(bearer(staff))
          .expect(400);
        expect(res.body.details[0].field).toBe('cursor');
      }
    });
  });

  describe('coverage of the year’s mandatory training', () => {
    // a tree of its own, so that the counts are exact
    let tree: TestOrg;
    let runner: Session;
    let district: Session;
    let street1: Session;
    let street2: Session;
    let otherDistrict: Session;
    const people: Record<string, TestWorker> = {};

    beforeAll(async () => {
      tree = await anOrgTree(api.ds);
      await aFiledInstitution(api.ds, tree.institution.id);
      runner = await as('institution_staff', tree.institution);
      district = await as('district_admin', tree.districtA);
      otherDistrict = await as('district_admin', tree.districtB);
      street1 = await as('street_admin', tree.streetA1);
      street2 = await as('street_admin', tree.streetA2);
      const post = await openClass(tree, runner, 10, { offset: 100 });
      const induction = await openClass(tree, runner, 10, { offset: 110, type: 'induction' });
      const make = (
        name: string,
        fields: Parameters<ReturnType<typeof aWorker>['with']>[0],
        c = tree.communityA1,
      ) => aWorker().inCommunity(c).named(name).with(fields).create(api.ds);
      people.newcomer = await make('a 新人', { startedOn: dayFromNow(-30) });
      people.serving = await make('b 老人', { startedOn: '2015-05-01' });
      people.trained = await make('c 已报名', { startedOn: '2016-05-01' });
      people.inducted = await make('d 入职', { startedOn: dayFromNow(-60) });
      people.left = await make('e 离职', { startedOn: '2015-05-01', status: 'left' });
      people.elsewhere = await make('f 景山', { startedOn: '2017-05-01' }, tree.communityA2);
      await enrol(people.trained, post.id).expect(201);
      await enrol(people.inducted, induction.id).expect(201);
    });

    const coverage = (s: Session, query: Record<string, unknown> = {}) =>
      request(api.http)
        .get('/api/v1/coverage')
        .query({ year, ...query })
        .set(bearer(s));

    it('lists the workers still lacking induction or post training, with counts per type', async () => {
      const res = await coverage(district).expect(200);
      expect(res.body).toMatchObject({
        year,
        unitId: tree.districtA.id,
        unitKind: 'district',
        policyId: 'beijing-2012',
        inductionWindowMonths: 12,
        activeWorkers: 5,
        summary: [
          { type: 'induction', mandatoryFor: 'new_workers', required: 2, covered: 1, missing: 1 },
          { type: 'post', mandatoryFor: 'serving_workers', required: 5, covered: 1, missing: 4 },
        ],
        nextCursor: null,
      });
      const items = res.body.items as {
        workerId: string;
        missing: string[];
        idNumberMasked: string;
      }[];
      expect(items.map((i) => [i.workerId, i.missing])).toEqual([
        [people.newcomer.id, ['induction', 'post']],
        [people.serving.id, ['post']],
        [people.inducted.id, ['post']],
        [people.elsewhere.id, ['post']],
      ]);
      expect(items.map((i) => i.workerId)).not.toContain(people.trained.id);
      expect(items.map((i) => i.workerId)).not.toContain(people.left.id);
      expect(items[0]).toMatchObject({
        name: 'a 新人',
        streetId: tree.streetA1.id,
        streetName: tree.streetA1.name,
        communityName: tree.communityA1.name,
        idNumberMasked: `${people.newcomer.idNumber.slice(0, 4)}**********${people.newcomer.idNumber.slice(-4)}`,
        startedOn: dayFromNow(-30),
      });
      // never the full ID number
      expect(JSON.stringify(res.body)).not.toContain(people.newcomer.idNumber);
    });

    it('pages by name with a cursor, every worker once', async () => {
      const first = await coverage(district, { limit: 3 }).expect(200);
      expect(first.body.items).toHaveLength(3);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      const second = await coverage(district, { limit: 3, cursor: first.body.nextCursor }).expect(
        200,
      );
      expect(second.body.items).toHaveLength(1);
      expect(second.body.nextCursor).toBeNull();
      expect(
        [...first.body.items, ...second.body.items].map((i: { workerId: string }) => i.workerId),
      ).toEqual([people.newcomer.id, people.serving.id, people.inducted.id, people.elsewhere.id]);
      for (const cursor of [
        'x',
        Buffer.from('["a\\u0000b","00000000-0000-4000-8000-000000000000"]').toString('base64url'),
      ]) {
        const bad = await coverage(district, { cursor }).expect(400);
        expect(bad.body.details[0].field).toBe('cursor');
      }
    });

    it('is scoped: a street sees its street, the bureau any district, others nothing of it', async () => {
      const s1 = await coverage(street1).expect(200);
      expect(s1.body).toMatchObject({
        unitId: tree.streetA1.id,
        unitKind: 'street',
        activeWorkers: 4,
      });
      expect(s1.body.items.map((i: { workerId: string }) => i.workerId)).not.toContain(
        people.elsewhere.id,
      );
      const s2 = await coverage(street2).expect(200);
      expect(s2.body.items.map((i: { workerId: string }) => i.workerId)).toEqual([
        people.elsewhere.id,
      ]);

      const bureau = await coverage(municipal, { districtId: tree.districtA.id }).expect(200);
      expect(bureau.body.summary).toEqual((await coverage(district).expect(200)).body.summary);
      const city = await coverage(municipal, { limit: 1 }).expect(200);
      expect(city.body).toMatchObject({ unitId: org.municipality.id, unitKind: 'municipality' });
      expect(city.body.activeWorkers).toBeGreaterThanOrEqual(5);

      // another district: its own (empty) coverage, never this one's
      const b = await coverage(otherDistrict).expect(200);
      expect(b.body).toMatchObject({ unitId: tree.districtB.id, activeWorkers: 0, items: [] });
      for (const [s, districtId] of [
        [otherDistrict, tree.districtA.id],
        [street1, tree.districtB.id],
        [municipal, tree.streetA1.id], // not a district
        [municipal, '00000000-0000-4000-8000-000000000000'],
      ] as const) {
        expect((await coverage(s, { districtId }).expect(404)).body.code).toBe('NOT_FOUND');
      }
      for (const s of [runner, sessionOf(people.serving)]) {
        expect((await coverage(s).expect(403)).body.code).toBe('FORBIDDEN_ROLE');
      }
    });

    it('judges a past year on its last day and counts only that year’s places', async () => {
      const res = await coverage(district, { year: year - 1 }).expect(200);
      const ref = `${year - 1}-12-31`;
      expect(res.body.referenceDate).toBe(ref);
      // who had started by then (the newcomers, as a rule, had not) …
      const started = [dayFromNow(-30), '2015-05-01', '2016-05-01', dayFromNow(-60), '2017-05-01'];
      const active = started.filter((d) => d <= ref).length;
      expect(res.body.activeWorkers).toBe(active);
      // … and nobody held a post place in that year
      expect(res.body.summary[1]).toMatchObject({ required: active, covered: 0, missing: active });
    });
  });
});

/** supertest parses text/calendar as nothing: keep the text. */
function textParser(res: request.Response, cb: (err: Error | null, body: string) => void): void {
  let data = '';
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => (data += chunk));
  res.on('end', () => cb(null, data));
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}
