import { INestApplicationContext, Type } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test, TestingModule } from '@nestjs/testing';
import {
  Account,
  CoreModule,
  DELIVERY_MAX_ATTEMPTS,
  JobName,
  JobsService,
  NOTIFICATION_ROUTING,
  NotificationChannel,
  NotificationDispatcher,
  NotificationRoutes,
  NotificationsService,
  NotifyInput,
} from '@peixun/core';
import { OrgModule } from '@peixun/org';
import { PolicyModule } from '@peixun/policy';
import { Logger } from 'nestjs-pino';
import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { EntityManager } from 'typeorm';
import { createWorkerApp } from '../apps/worker/src/bootstrap';
import { anAccount, anOrgTree, TEST_PASSWORD, TestOrg } from './factories/org.factory';
import { aWorker, TestWorker } from './factories/worker.factory';
import { bearer, bootApi, login, Session, TestApi } from './support/app';
import { waitForJob } from './support/queues';
import { aRecordingChannel } from './support/recording-channel';

/** Polls `check` until it returns a value other than undefined/false (no fixed sleeps). */
async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A second process with a dispatcher (no queue workers: only what the test calls runs). */
async function aDispatcherProcess(
  channels: Type<NotificationChannel>[],
  routes: NotificationRoutes,
): Promise<TestingModule> {
  const mod = await Test.createTestingModule({
    imports: [CoreModule, PolicyModule, OrgModule, DiscoveryModule],
    providers: [NotificationDispatcher, ...channels],
  })
    .overrideProvider(NOTIFICATION_ROUTING)
    .useValue(routes)
    .compile();
  mod.useLogger(mod.get(Logger));
  await mod.init();
  return mod;
}

describe('notifications (outbox, delivery, the recipient API)', () => {
  let api: TestApi;
  let worker: INestApplicationContext;
  let org: TestOrg;
  let workerLi: TestWorker;
  let li: Session; // worker account linked to workerLi
  let wang: Session; // another worker
  let district: Session;
  let municipal: Session;
  let notifications: NotificationsService;

  const inTx = <T>(fn: (em: EntityManager) => Promise<T>): Promise<T> => api.ds.transaction(fn);
  const notify = (items: NotifyInput | NotifyInput[]): Promise<string[]> =>
    inTx((em) => notifications.notify(em, items));
  const list = async (s: Session, query: Record<string, string | number> = {}) =>
    (await request(api.http).get('/api/v1/notifications').query(query).set(bearer(s)).expect(200))
      .body as {
      items: { id: string; title: string; body: string; readAt: string | null }[];
      nextCursor: string | null;
    };
  const listed = async (s: Session, id: string) =>
    (await list(s, { limit: 100 })).items.find((n) => n.id === id);
  const unread = async (s: Session): Promise<number> =>
    (await request(api.http).get('/api/v1/notifications/unread-count').set(bearer(s)).expect(200))
      .body.count as number;
  const deliveries = (ids: string[]) =>
    api.ds.query<
      {
        notification_id: string;
        channel: string;
        status: string;
        attempts: number;
        last_error: string | null;
      }[]
    >(
      `select notification_id, channel, status, attempts, last_error from notification_delivery
        where notification_id = any($1::uuid[]) order by channel`,
      [ids],
    );

  beforeAll(async () => {
    api = await bootApi();
    worker = await createWorkerApp();
    notifications = api.app.get(NotificationsService);
    org = await anOrgTree(api.ds);
    workerLi = await aWorker().inCommunity(org.communityA1).create(api.ds);
    const workerWang = await aWorker().inCommunity(org.communityA1).create(api.ds);
    const liAccount = await anAccount().withRole('worker').create(api.ds);
    const wangAccount = await anAccount().withRole('worker').create(api.ds);
    await api.ds.getRepository(Account).update({ id: liAccount.id }, { workerId: workerLi.id });
    await api.ds.getRepository(Account).update({ id: wangAccount.id }, { workerId: workerWang.id });
    li = await login(api.http, liAccount.username, TEST_PASSWORD);
    wang = await login(api.http, wangAccount.username, TEST_PASSWORD);
    const d = await anAccount().withRole('district_admin').inOrg(org.districtA).create(api.ds);
    district = await login(api.http, d.username, TEST_PASSWORD);
    const m = await anAccount().withRole('municipal_admin').inOrg(org.municipality).create(api.ds);
    municipal = await login(api.http, m.username, TEST_PASSWORD);
  });
  afterAll(async () => {
    await worker?.close();
    await api?.close();
  });

  it('is written in the caller’s transaction: a rolled-back change leaves nothing', async () => {
    const marker = `test.rollback_${randomUUID().slice(0, 8)}`;
    await expect(
      inTx(async (em) => {
        await notifications.notify(em, {
          to: { workerId: workerLi.id },
          kind: marker,
          title: '课次调整',
          body: '不会发出',
        });
        throw new Error('change failed');
      }),
    ).rejects.toThrow('change failed');
    const [{ n, d }] = await api.ds.query(
      `select (select count(*)::int from notification where kind = $1) as n,
              (select count(*)::int from notification_delivery dl join notification x on x.id = dl.notification_id
                where x.kind = $1) as d`,
      [marker],
    );
    expect({ n, d }).toEqual({ n: 0, d: 0 });
  });

  it('refuses a malformed kind or recipient (a programming error) and writes nothing', async () => {
    const before = await api.ds.query(`select count(*)::int as n from notification`);
    await expect(
      notify({ to: { workerId: workerLi.id }, kind: 'NoArea', title: 't', body: 'b' }),
    ).rejects.toThrow(/<area>\.<event>/);
    await expect(
      notify([
        { to: { workerId: workerLi.id }, kind: 'test.ok', title: 't', body: 'b' },
        { to: { accountId: 'not-a-uuid' }, kind: 'test.ok', title: 't', body: 'b' },
      ]),
    ).rejects.toThrow(/UUID/);
    expect(await api.ds.query(`select count(*)::int as n from notification`)).toEqual(before);
  });

  it('after commit the worker delivers it in-app, and the worker’s account lists it', async () => {
    const committed = Date.now();
    const [id] = await notify({
      to: { workerId: workerLi.id },
      kind: 'class.session_changed',
      title: '课次时间调整：社区治理专题',
      body: `第 3 次课改到 5 月 8 日 14:00。如有疑问请联系 13800001234（身份证 110101199003076632 的学员请注意）。`,
      data: { classId: '3f1e0c1a-9b7e-4f5e-8a4e-0c1f0b2d3e4f', sessionNo: 3 },
    });
    const item = await eventually('the notification in the list', () => listed(li, id));
    console.log(`[notifications] commit → listed in ${Date.now() - committed} ms`);
    expect(item).toMatchObject({
      id,
      kind: 'class.session_changed',
      title: '课次时间调整：社区治理专题',
      data: { classId: '3f1e0c1a-9b7e-4f5e-8a4e-0c1f0b2d3e4f', sessionNo: 3 },
      readAt: null,
      createdAt: expect.any(String),
    });
    // personal data never reaches the text
    expect(item.body).toContain('138****1234');
    expect(item.body).toContain('1101**********6632');
    expect(item.body).not.toMatch(/13800001234|110101199003076632/);
    expect(await deliveries([id])).toEqual([
      {
        notification_id: id,
        channel: 'in_app',
        status: 'delivered',
        attempts: 1,
        last_error: null,
      },
    ]);
    // addressed to the worker record: not to other workers, nor to the district
    expect(await listed(wang, id)).toBeUndefined();
    expect(await listed(district, id)).toBeUndefined();
  });

  it('lists only what the in-app channel has delivered', async () => {
    const [id] = await inTx(async (em) => {
      const ids = await notifications.notify(em, {
        to: { accountId: district.actor.accountId },
        kind: 'nomination.refused',
        title: '进修推荐未获通过',
        body: '理由：名额已满。',
      });
      // not due for an hour (as if its delivery were waiting for a retry)
      await em.query(
        `update notification_delivery set next_attempt_at = now() + interval '1 hour' where notification_id = $1`,
        [ids[0]],
      );
      return ids;
    });
    await worker.get(NotificationDispatcher).dispatchDue(); // a dispatcher ran: not due, not shown
    expect(await deliveries([id])).toMatchObject([{ status: 'pending', attempts: 0 }]);
    expect(await listed(district, id)).toBeUndefined();
    await request(api.http)
      .post(`/api/v1/notifications/${id}/read`)
      .set(bearer(district))
      .expect(404);
    await api.ds.query(
      `update notification_delivery set next_attempt_at = now() where notification_id = $1`,
      [id],
    );
    await notifications.dispatchSoon();
    await eventually('the notification in the list', () => listed(district, id));
  });

  it('marks one read and all read; unread counts and the unread filter follow', async () => {
    const ids = await notify([
      {
        to: { accountId: li.actor.accountId },
        kind: 'enrollment.place_offered',
        title: '候补名额',
        body: '请在 48 小时内确认。',
      },
      {
        to: { workerId: workerLi.id },
        kind: 'class.session_changed',
        title: '课次地点调整',
        body: '改到 3 楼会议室。',
      },
      {
        to: { workerId: workerLi.id },
        kind: 'class.session_changed',
        title: '课次取消',
        body: '第 5 次课取消。',
      },
    ]);
    await eventually('all three listed', async () => {
      const unreadIds = (await list(li, { unread: 'true', limit: 100 })).items.map((n) => n.id);
      return ids.every((id) => unreadIds.includes(id));
    });
    const before = await unread(li);
    expect(before).toBeGreaterThanOrEqual(3);

    const read = await request(api.http)
      .post(`/api/v1/notifications/${ids[0]}/read`)
      .set(bearer(li))
      .expect(200);
    expect(read.body).toMatchObject({ id: ids[0], readAt: expect.any(String) });
    const again = await request(api.http)
      .post(`/api/v1/notifications/${ids[0]}/read`)
      .set(bearer(li))
      .expect(200);
    expect(again.body.readAt).toBe(read.body.readAt); // idempotent: the first time stays
    expect(await unread(li)).toBe(before - 1);
    const unreadIds = (await list(li, { unread: 'true', limit: 100 })).items.map((n) => n.id);
    expect(unreadIds).not.toContain(ids[0]);
    expect(unreadIds).toEqual(expect.arrayContaining([ids[1], ids[2]]));

    const all = await request(api.http)
      .post('/api/v1/notifications/read-all')
      .set(bearer(li))
      .expect(200);
    expect(all.body).toEqual({ updated: before - 1 });
    expect(await unread(li)).toBe(0);
    expect((await list(li, { unread: 'true' })).items).toEqual([]);
    expect((await listed(li, ids[1]))?.readAt).toEqual(expect.any(String));
  });

  it('is strictly self-scoped: someone else’s notification is not found, to read and to mark', async () => {
    const [id] = await notify({
      to: { workerId: workerLi.id },
      kind: 'enrollment.place_offered',
      title: '候补名额',
      body: '请确认。',
    });
    await eventually('the notification in the list', () => listed(li, id));
    for (const other of [wang, district, municipal]) {
      const res = await request(api.http)
        .post(`/api/v1/notifications/${id}/read`)
        .set(bearer(other))
        .expect(404);
      expect(res.body.code).toBe('NOT_FOUND');
      expect(await listed(other, id)).toBeUndefined();
      await request(api.http).post('/api/v1/notifications/read-all').set(bearer(other)).expect(200);
    }
    expect((await listed(li, id))?.readAt).toBeNull();
    await request(api.http)
      .post(`/api/v1/notifications/${randomUUID()}/read`)
      .set(bearer(li))
      .expect(404);
    await request(api.http).post(`/api/v1/notifications/nope/read`).set(bearer(li)).expect(400);
    await request(api.http).get('/api/v1/notifications').expect(401);
  });

  it('pages newest first with a keyset cursor, without gaps or repeats', async () => {
    const account = await anAccount().withRole('teacher').inOrg(org.institution).create(api.ds);
    const teacher = await login(api.http, account.username, TEST_PASSWORD);
    // 12 in one statement (one created_at: the id breaks the tie), then 13 more one by one
    const first = await notify(
      Array.from({ length: 12 }, (_, i) => ({
        to: { accountId: account.id },
        kind: 'test.paging',
        title: `通知 ${i}`,
        body: '分页',
      })),
    );
    const rest: string[] = [];
    for (let i = 0; i < 13; i++) {
      rest.push(
        ...(await notify({
          to: { accountId: account.id },
          kind: 'test.paging',
          title: `后续 ${i}`,
          body: '分页',
        })),
      );
    }
    await eventually(
      'all 25 listed',
      async () => (await list(teacher, { limit: 100 })).items.length === 25,
    );
    const seen: string[] = [];
    let cursor: string | null = null;
    const sizes: number[] = [];
    do {
      const page = await list(teacher, { limit: 10, ...(cursor ? { cursor } : {}) });
      sizes.push(page.items.length);
      seen.push(...page.items.map((n) => n.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(sizes).toEqual([10, 10, 5]);
    expect(new Set(seen).size).toBe(25);
    // newest first: the 13 sent later come before the first 12
    expect(seen.slice(0, 13)).toEqual([...rest].reverse());
    expect(new Set(seen.slice(13))).toEqual(new Set(first));

    for (const query of [
      { unread: 'yes' },
      { limit: 101 },
      { limit: 0 },
      { cursor: 'abc' },
      { extra: 1 },
    ]) {
      const res = await request(api.http)
        .get('/api/v1/notifications')
        .query(query)
        .set(bearer(teacher))
        .expect(400);
      expect(res.body.code).toBe('VALIDATION_FAILED');
    }
  });

  it('notifies 300 trainees with one INSERT statement, and the worker delivers them all', async () => {
    const trainees = Array.from({ length: 300 }, () => randomUUID());
    let statements = 0;
    let insertMs = 0;
    const ids = await inTx(async (em) => {
      const runner = em.queryRunner!;
      const query = runner.query.bind(runner);
      runner.query = ((...args: Parameters<typeof query>) => {
        statements++;
        return query(...args);
      }) as typeof runner.query;
      const started = performance.now();
      const out = await notifications.notify(
        em,
        trainees.map((workerId) => ({
          to: { workerId },
          kind: 'class.session_changed',
          title: '课次时间调整',
          body: '第 2 次课改到周五下午。',
          data: { classId: '3f1e0c1a-9b7e-4f5e-8a4e-0c1f0b2d3e4f' },
        })),
      );
      insertMs = performance.now() - started;
      runner.query = query;
      return out;
    });
    const committed = Date.now();
    expect(statements).toBe(1);
    expect(ids).toHaveLength(300);
    const [{ n, d }] = await api.ds.query(
      `select count(*)::int as n, (select count(*)::int from notification_delivery where notification_id = any($1::uuid[])) as d
         from notification where id = any($1::uuid[])`,
      [ids],
    );
    expect({ n, d }).toEqual({ n: 300, d: 300 });
    const [{ recipients }] = await api.ds.query(
      `select array_agg(recipient_id::text order by recipient_id) as recipients from notification where id = any($1::uuid[])`,
      [ids],
    );
    expect(recipients).toEqual([...trainees].sort());
    await eventually('all 300 delivered', async () => {
      const [{ done }] = await api.ds.query(
        `select count(*)::int as done from notification_delivery where notification_id = any($1::uuid[]) and status = 'delivered'`,
        [ids],
      );
      return done === 300;
    });
    console.log(
      `[notifications] 300 recipients: notify ${insertMs.toFixed(1)} ms (1 statement); commit → all delivered ${Date.now() - committed} ms`,
    );
  });

  describe('with a second channel (a recording "sms" adapter in other processes)', () => {
    const sms = aRecordingChannel('sms');
    const routes: NotificationRoutes = { 'test.sms_too': ['sms'] };
    let a: TestingModule;
    let b: TestingModule;

    beforeAll(async () => {
      a = await aDispatcherProcess([sms.channel], routes);
      b = await aDispatcherProcess([sms.channel], routes);
    });
    afterAll(async () => {
      await a?.close();
      await b?.close();
    });
    beforeEach(() => {
      sms.log.calls.length = 0;
      sms.log.failing = false;
      sms.log.beforeDeliver = undefined;
    });

    const notifyThrough = (ctx: TestingModule, items: NotifyInput[]): Promise<string[]> =>
      api.ds.transaction((em) => ctx.get(NotificationsService).notify(em, items));
    const dueNow = (ids: string[]) =>
      api.ds.query(
        `update notification_delivery set next_attempt_at = now()
          where notification_id = any($1::uuid[]) and status = 'pending'`,
        [ids],
      );

    it('a worker without the adapter refuses to start', async () => {
      const later: Record<string, string[]> = {};
      const mod = await aDispatcherProcess([], later);
      try {
        later['test.sms_too'] = ['sms']; // the boot check, run again with the channel routed
        expect(() => mod.get(NotificationDispatcher).onModuleInit()).toThrow(
          /routed to channel "sms", which has no adapter/,
        );
      } finally {
        await mod.close();
      }
    });

    it('a failing channel is retried with backoff and finally marked failed; in-app is unaffected', async () => {
      sms.log.failing = true;
      const [id] = await notifyThrough(a, [
        {
          to: { workerId: workerLi.id },
          kind: 'test.sms_too',
          title: '候补名额',
          body: '请确认。',
        },
      ]);
      const dispatcher = a.get(NotificationDispatcher);
      for (let attempt = 1; attempt <= DELIVERY_MAX_ATTEMPTS; attempt++) {
        await dueNow([id]); // time passes: the backoff is over
        await dispatcher.dispatchDue();
        const [, smsRow] = await deliveries([id]);
        expect(smsRow).toMatchObject({ channel: 'sms', attempts: attempt });
        expect(smsRow.status).toBe(attempt < DELIVERY_MAX_ATTEMPTS ? 'pending' : 'failed');
        // a short reason, without the phone number the provider put in its message
        expect(smsRow.last_error).toBe('Error: provider refused the number 138****1234 (sms)');
      }
      expect(sms.log.calls.map((c) => c.attempt)).toEqual(
        Array.from({ length: DELIVERY_MAX_ATTEMPTS }, (_, i) => i + 1),
      );
      await api.ds.query(
        `update notification_delivery set next_attempt_at = now() where notification_id = $1`,
        [id],
      );
      await dispatcher.dispatchDue();
      expect(sms.log.calls).toHaveLength(DELIVERY_MAX_ATTEMPTS); // failed for good: not tried again
      const [inApp] = await deliveries([id]);
      expect(inApp).toMatchObject({ channel: 'in_app', status: 'delivered', last_error: null });
      expect(await listed(li, id)).toBeDefined();
    });

    it('a channel that recovers delivers on a later attempt', async () => {
      sms.log.failing = true;
      const [id] = await notifyThrough(a, [
        {
          to: { accountId: district.actor.accountId },
          kind: 'test.sms_too',
          title: '通知',
          body: '正文',
        },
      ]);
      await dueNow([id]);
      await b.get(NotificationDispatcher).dispatchDue();
      sms.log.failing = false;
      await dueNow([id]);
      await b.get(NotificationDispatcher).dispatchDue();
      const [, smsRow] = await deliveries([id]);
      expect(smsRow).toMatchObject({ status: 'delivered', attempts: 2, last_error: null });
      expect(
        sms.log.calls.map((c) => [c.id, c.kind, c.recipientKind, c.recipientId, c.attempt]),
      ).toEqual([
        [id, 'test.sms_too', 'account', district.actor.accountId, 1],
        [id, 'test.sms_too', 'account', district.actor.accountId, 2],
      ]);
    });

    it('two dispatchers running at once deliver each message exactly once', async () => {
      const ids = await notifyThrough(
        a,
        Array.from({ length: 300 }, () => ({
          to: { workerId: randomUUID() },
          kind: 'test.sms_too',
          title: '课次调整',
          body: '正文',
        })),
      );
      // neither may start before the other has its first batch in hand
      let release!: () => void;
      const bothIn = new Promise<void>((r) => (release = r));
      const started = new Set<number>();
      const timeout = setTimeout(release, 15_000);
      sms.log.beforeDeliver = async (instance) => {
        started.add(instance);
        if (started.size === 2) release();
        await bothIn;
      };
      await dueNow(ids);
      const [ra, rb] = await Promise.all([
        a.get(NotificationDispatcher).dispatchDue({ batchSize: 20, maxBatches: 100 }),
        b.get(NotificationDispatcher).dispatchDue({ batchSize: 20, maxBatches: 100 }),
      ]);
      clearTimeout(timeout);
      expect(started.size).toBe(2); // both really ran at the same time
      const calls = sms.log.calls.filter((c) => ids.includes(c.id));
      expect(calls).toHaveLength(300);
      expect(new Set(calls.map((c) => c.id)).size).toBe(300);
      expect(new Set(calls.map((c) => c.instance)).size).toBe(2);
      const rows = (await deliveries(ids)).filter((r) => r.channel === 'sms');
      expect(rows.every((r) => r.status === 'delivered' && r.attempts === 1)).toBe(true);
      console.log(
        `[notifications] two dispatchers: ${ra.claimed} + ${rb.claimed} claimed (sms and in-app), 300 sms calls, none twice`,
      );
    });
  });

  it('retention deletes notifications older than the period, with their deliveries (nightly job)', async () => {
    const [old] = await api.ds.query(
      `insert into notification (recipient_kind, recipient_id, kind, title, body, created_at, visible_at)
       values ('account', $1, 'test.old', '旧通知', '一年多以前', now() - interval '400 days', now() - interval '400 days')
       returning id`,
      [li.actor.accountId],
    );
    await api.ds.query(
      `insert into notification_delivery (notification_id, channel, status, delivered_at) values ($1, 'in_app', 'delivered', now())`,
      [old.id],
    );
    const [young] = await notify({
      to: { accountId: li.actor.accountId },
      kind: 'test.young',
      title: '新通知',
      body: '刚发',
    });
    const ref = await api.app.get(JobsService).enqueue(JobName.NotificationsRetention, {
      runKey: `test-${randomUUID()}`,
      retentionDays: 365,
    });
    const status = await waitForJob(
      api.http,
      municipal,
      ref,
      (s) => s.state === 'completed' || s.state === 'failed',
    );
    expect(status.state).toBe('completed');
    expect((status.result as { deleted: number }).deleted).toBeGreaterThanOrEqual(1);
    const [{ n, d, y }] = await api.ds.query(
      `select (select count(*)::int from notification where id = $1) as n,
              (select count(*)::int from notification_delivery where notification_id = $1) as d,
              (select count(*)::int from notification where id = $2) as y`,
      [old.id, young],
    );
    expect({ n, d, y }).toEqual({ n: 0, d: 0, y: 1 });
  });
});
