import { InjectQueue } from '@nestjs/bullmq';
import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Queue } from 'bullmq';
import { randomUUID } from 'node:crypto';
import {
  DataSource,
  EntityManager,
  EntitySubscriberInterface,
  QueryRunner,
  TransactionCommitEvent,
  TransactionRollbackEvent,
} from 'typeorm';
import { DEFAULT_JOB_OPTIONS, JOB_CATALOGUE, JobName, QueueName } from '../queue/job-catalogue';
import {
  BODY_MAX,
  channelsFor,
  isNotificationKind,
  NotificationData,
  notificationData,
  NotificationKind,
  NotificationRoutes,
  notificationText,
  TITLE_MAX,
} from './notifications.rules';

/** Injection token of the routing table (NotificationRoutes); NOTIFICATION_ROUTES by default. */
export const NOTIFICATION_ROUTING = Symbol('NOTIFICATION_ROUTING');

/** Who receives it: a worker (seen by the account linked to that worker) or an account. */
export type NotificationRecipient = { workerId: string } | { accountId: string };

export interface NotifyInput {
  to: NotificationRecipient;
  /** `<area>.<event>`; see NotificationKind. */
  kind: NotificationKind | (string & {});
  /** Chinese, ≤ 100 characters (longer is cut); ID and phone numbers are masked. */
  title: string;
  /** Chinese, ≤ 1,000 characters (longer is cut); ID and phone numbers are masked. */
  body: string;
  /** Ids for deep links, e.g. `{ classId, sessionId }`: flat, ≤ 2,000 characters as JSON. */
  data?: NotificationData;
}

/** Rows per INSERT statement (a notice to 300 trainees is one statement). */
const ROWS_PER_STATEMENT = 5_000;
/** Pokes within one window share one dispatch job, which runs when the window closes. */
export const POKE_WINDOW_MS = 250;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Marks a query runner whose transaction wrote notifications (poke the dispatcher on commit). */
const WROTE = 'peixun.notificationsWritten';

/**
 * The outbox's writing side. `notify(em, items)` inserts the notifications and
 * one pending delivery per channel of their kind in the caller's transaction,
 * so they exist exactly when the change does. When that transaction commits
 * the dispatcher is poked (`dispatchSoon`); the worker's sweep every
 * NOTIFICATION_SWEEP_INTERVAL_MS finds anything a lost poke left behind.
 */
@Injectable()
export class NotificationsService implements OnModuleInit {
  private readonly logger = new Logger('Notifications');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @InjectQueue(QueueName.Notifications) private readonly queue: Queue,
    @Inject(NOTIFICATION_ROUTING) private readonly routes: NotificationRoutes,
  ) {}

  onModuleInit(): void {
    // after the outermost COMMIT of a transaction that called notify(): poke the dispatcher
    const subscriber: EntitySubscriberInterface = {
      afterTransactionCommit: (event: TransactionCommitEvent) => {
        if (this.takeMark(event.queryRunner)) this.pokeQuietly();
      },
      afterTransactionRollback: (event: TransactionRollbackEvent) => {
        this.takeMark(event.queryRunner);
      },
    };
    this.dataSource.subscribers.push(subscriber);
  }

  /**
   * Writes notifications (one or many) and their pending deliveries in the
   * transaction of `em`: if it rolls back, nothing was sent. Many recipients
   * cost one INSERT statement per 5,000. Returns the new ids, in input order.
   * Throws (a programming error) on a malformed kind, recipient id or data.
   */
  async notify(em: EntityManager, items: NotifyInput | readonly NotifyInput[]): Promise<string[]> {
    const list: readonly NotifyInput[] = Array.isArray(items) ? items : [items as NotifyInput];
    const ids: string[] = [];
    for (let i = 0; i < list.length; i += ROWS_PER_STATEMENT) {
      ids.push(...(await this.insert(em, list.slice(i, i + ROWS_PER_STATEMENT))));
    }
    if (!ids.length) return ids;
    const runner = em.queryRunner;
    if (runner?.isTransactionActive) (runner.data as Record<string, unknown>)[WROTE] = true;
    else this.pokeQuietly(); // no transaction: the statement has committed already
    return ids;
  }

  /**
   * Asks the worker to deliver what is due soon: one dispatch job per
   * POKE_WINDOW_MS (deterministic job id), delayed to the end of its window so
   * that it starts after every commit that poked it. Called after commit by
   * notify() itself; call it yourself only after writing outbox rows some other way.
   */
  async dispatchSoon(): Promise<void> {
    const now = Date.now();
    const bucket = Math.floor(now / POKE_WINDOW_MS);
    const payload = { trigger: 'poke' as const, bucket };
    const def = JOB_CATALOGUE[JobName.NotificationsDispatch];
    await this.queue.add(JobName.NotificationsDispatch, payload, {
      ...DEFAULT_JOB_OPTIONS,
      ...def.options,
      jobId: def.jobId(payload),
      delay: Math.max(0, (bucket + 1) * POKE_WINDOW_MS - now),
    });
  }

  private async insert(em: EntityManager, items: readonly NotifyInput[]): Promise<string[]> {
    if (!items.length) return [];
    const cols = {
      id: [] as string[],
      recipientKind: [] as string[],
      recipientId: [] as string[],
      kind: [] as string[],
      title: [] as string[],
      body: [] as string[],
      data: [] as string[],
    };
    for (const item of items) {
      const [recipientKind, recipientId] =
        'workerId' in item.to ? ['worker', item.to.workerId] : ['account', item.to.accountId];
      if (typeof recipientId !== 'string' || !UUID.test(recipientId))
        throw new Error(`notification recipient ${recipientKind} id must be a UUID`);
      if (!isNotificationKind(item.kind))
        throw new Error(`notification kind "${item.kind}" must look like "<area>.<event>"`);
      const title = notificationText(item.title, TITLE_MAX);
      if (!title) throw new Error(`notification of kind "${item.kind}" needs a title`);
      cols.id.push(randomUUID());
      cols.recipientKind.push(recipientKind);
      cols.recipientId.push(recipientId);
      cols.kind.push(item.kind);
      cols.title.push(title);
      cols.body.push(notificationText(item.body, BODY_MAX));
      cols.data.push(JSON.stringify(notificationData(item.data)));
    }
    const routeKinds: string[] = [];
    const routeChannels: string[] = [];
    for (const kind of new Set(cols.kind)) {
      for (const channel of channelsFor(kind, this.routes)) {
        routeKinds.push(kind);
        routeChannels.push(channel);
      }
    }
    // one statement: the notifications and their deliveries (atomic even without a transaction)
    await em.query(
      `with n as (
         insert into notification (id, recipient_kind, recipient_id, kind, title, body, data)
         select id, rk, rid, k, t, b, d::jsonb
           from unnest($1::uuid[], $2::text[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[])
                as x(id, rk, rid, k, t, b, d)
         returning id, kind
       )
       insert into notification_delivery (notification_id, channel)
       select n.id, r.channel from n join unnest($8::text[], $9::text[]) as r(kind, channel) on r.kind = n.kind`,
      [
        cols.id,
        cols.recipientKind,
        cols.recipientId,
        cols.kind,
        cols.title,
        cols.body,
        cols.data,
        routeKinds,
        routeChannels,
      ],
    );
    return cols.id;
  }

  /** True once for a runner whose outermost transaction wrote notifications; clears the mark. */
  private takeMark(runner: QueryRunner | undefined): boolean {
    if (!runner || runner.isTransactionActive) return false; // a savepoint, not the end
    const data = runner.data as Record<string, unknown>;
    const marked = data[WROTE] === true;
    delete data[WROTE];
    return marked;
  }

  /** A failed poke loses nothing: the rows wait for the worker's next sweep. */
  private pokeQuietly(): void {
    this.dispatchSoon().catch((err: unknown) =>
      this.logger.warn(
        `could not poke the notification dispatcher (the next sweep delivers): ${err instanceof Error ? err.message : String(err)}`,
      ),
    );
  }
}
