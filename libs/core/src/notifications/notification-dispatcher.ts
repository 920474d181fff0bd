import { Inject, Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { DiscoveryService } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { RecipientKind } from './notification.entity';
import {
  NotificationChannel,
  NotificationChannelAdapter,
  NotificationMessage,
} from './notification-channel';
import {
  afterFailedAttempt,
  deliveryError,
  IN_APP_CHANNEL,
  isChannelName,
  NotificationData,
  NotificationRoutes,
} from './notifications.rules';
import { NOTIFICATION_ROUTING } from './notifications.service';

/**
 * How long a claimed delivery belongs to the dispatcher that claimed it. Only
 * matters when that dispatcher dies mid-delivery: the row is then due again
 * once the lease lapses (the attempt counts). Adapters give up well before.
 */
export const DELIVERY_LEASE_MS = 5 * 60_000;
/** Deliveries claimed per statement, and claims per dispatch job. */
export const DISPATCH_BATCH_SIZE = 200;
export const DISPATCH_MAX_BATCHES = 25;
/** Messages one channel is handed at once when it delivers them one by one. */
const PER_CHANNEL_CONCURRENCY = 10;

export class NotificationChannelConfigError extends Error {}

export interface DispatchResult {
  batches: number;
  claimed: number;
  delivered: number;
  retrying: number;
  failed: number;
  /** The last batch was full: more may be due (the job pokes again). */
  more: boolean;
}

interface Claimed extends NotificationMessage {
  channel: string;
}

interface Outcome {
  message: Claimed;
  error?: unknown;
}

/** Checks the discovered adapters against the routing table; throws naming every problem. */
export function checkChannels(found: readonly string[], routes: NotificationRoutes): void {
  const problems: string[] = [];
  for (const name of found.filter((n, i) => found.indexOf(n) !== i))
    problems.push(`channel "${name}" has more than one adapter`);
  for (const name of found.filter((n) => !isChannelName(n)))
    problems.push(`channel name "${name}" must be lower case letters, digits and _ (≤ 20)`);
  if (!found.includes(IN_APP_CHANNEL)) problems.push(`the in-app channel has no adapter`);
  for (const [kind, channels] of Object.entries(routes))
    for (const c of channels.filter((x) => !found.includes(x)))
      problems.push(`kind "${kind}" is routed to channel "${c}", which has no adapter`);
  if (problems.length)
    throw new NotificationChannelConfigError(
      `Notification channel check failed: ${problems.join('; ')}`,
    );
}

/**
 * Delivers the outbox (worker only). Each round claims up to a batch of due
 * pending deliveries of the channels this process has adapters for, with
 * FOR UPDATE SKIP LOCKED, and in the same statement counts the attempt and
 * leases the rows (next_attempt_at = now + lease), so that a concurrent
 * dispatcher neither waits for nor takes them. Then it calls the adapters
 * outside any transaction and records each outcome — delivered, or a retry
 * after a backoff, or failed after the last attempt — only if the row is
 * still the one it claimed (same attempt). A dispatcher that dies mid-way
 * leaves its rows to be claimed again when the lease lapses: nothing is lost;
 * a message may then be handed to a channel twice (in-app: harmless).
 */
@Injectable()
export class NotificationDispatcher implements OnModuleInit {
  private readonly logger = new Logger('NotificationDispatcher');
  private readonly channels = new Map<string, NotificationChannel>();

  constructor(
    private readonly discovery: DiscoveryService,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(NOTIFICATION_ROUTING) private readonly routes: NotificationRoutes,
  ) {}

  /** Discovers the adapters (@NotificationChannelAdapter) before any job runs; throws when one is missing. */
  onModuleInit(): void {
    const found: NotificationChannel[] = [];
    for (const wrapper of this.discovery.getProviders({
      metadataKey: NotificationChannelAdapter.KEY,
    })) {
      if (wrapper.instance) found.push(wrapper.instance as NotificationChannel);
    }
    checkChannels(
      found.map((c) => c.name),
      this.routes,
    );
    for (const c of found) this.channels.set(c.name, c);
    this.logger.log(`notification channels: ${[...this.channels.keys()].join(', ')}`);
  }

  async dispatchDue(
    opts: { batchSize?: number; maxBatches?: number; signal?: AbortSignal } = {},
  ): Promise<DispatchResult> {
    const batchSize = opts.batchSize ?? DISPATCH_BATCH_SIZE;
    const maxBatches = opts.maxBatches ?? DISPATCH_MAX_BATCHES;
    const result: DispatchResult = {
      batches: 0,
      claimed: 0,
      delivered: 0,
      retrying: 0,
      failed: 0,
      more: false,
    };
    while (result.batches < maxBatches) {
      opts.signal?.throwIfAborted(); // between batches only: a claimed batch is always finished
      const claimed = await this.claim(batchSize);
      if (!claimed.length) break;
      result.batches++;
      result.claimed += claimed.length;
      const outcomes = await this.deliverAll(claimed);
      const { retrying, failed } = await this.record(outcomes);
      result.delivered += outcomes.length - retrying - failed;
      result.retrying += retrying;
      result.failed += failed;
      result.more = claimed.length === batchSize;
      if (!result.more) break;
    }
    return result;
  }

  private async claim(batchSize: number): Promise<Claimed[]> {
    const rows: {
      channel: string;
      attempts: number;
      id: string;
      recipient_kind: RecipientKind;
      recipient_id: string;
      kind: string;
      title: string;
      body: string;
      data: NotificationData;
      created_at: Date;
    }[] = await this.dataSource.query(
      `with due as (
         select notification_id, channel from notification_delivery
          where status = 'pending' and next_attempt_at <= now() and channel = any($1::text[])
          order by next_attempt_at
          limit $2
          for update skip locked
       ), claimed as (
         update notification_delivery d
            set attempts = d.attempts + 1, next_attempt_at = now() + $3::int * interval '1 millisecond'
           from due where d.notification_id = due.notification_id and d.channel = due.channel
         returning d.notification_id, d.channel, d.attempts
       )
       select c.channel, c.attempts, n.id, n.recipient_kind, n.recipient_id, n.kind, n.title, n.body,
              n.data, n.created_at
         from claimed c join notification n on n.id = c.notification_id`,
      [[...this.channels.keys()], batchSize, DELIVERY_LEASE_MS],
    );
    return rows.map((r) => ({
      channel: r.channel,
      attempt: r.attempts,
      id: r.id,
      recipientKind: r.recipient_kind,
      recipientId: r.recipient_id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      data: r.data,
      createdAt: r.created_at,
    }));
  }

  private async deliverAll(claimed: Claimed[]): Promise<Outcome[]> {
    const byChannel = new Map<string, Claimed[]>();
    for (const m of claimed) byChannel.set(m.channel, [...(byChannel.get(m.channel) ?? []), m]);
    const outcomes = await Promise.all(
      [...byChannel].map(([name, messages]) =>
        this.deliverThrough(this.channels.get(name)!, messages),
      ),
    );
    return outcomes.flat();
  }

  private async deliverThrough(
    channel: NotificationChannel,
    messages: Claimed[],
  ): Promise<Outcome[]> {
    if (channel.deliverMany) {
      try {
        await channel.deliverMany(messages.map(toMessage));
        return messages.map((message) => ({ message }));
      } catch {
        // one bad message must not hold back the others: try each alone
      }
    }
    const outcomes: Outcome[] = [];
    for (let i = 0; i < messages.length; i += PER_CHANNEL_CONCURRENCY) {
      const slice = messages.slice(i, i + PER_CHANNEL_CONCURRENCY);
      outcomes.push(
        ...(await Promise.all(
          slice.map(async (message): Promise<Outcome> => {
            try {
              await channel.deliver(toMessage(message));
              return { message };
            } catch (error) {
              return { message, error: error ?? new Error('delivery failed') };
            }
          }),
        )),
      );
    }
    return outcomes;
  }

  /** Writes the outcomes (two statements per batch); returns how many will be retried or failed. */
  private async record(outcomes: Outcome[]): Promise<{ retrying: number; failed: number }> {
    const ok = outcomes.filter((o) => o.error === undefined).map((o) => o.message);
    if (ok.length) {
      await this.dataSource.query(
        `update notification_delivery d
            set status = 'delivered', delivered_at = now(), last_error = null
           from unnest($1::uuid[], $2::text[], $3::int[]) as r(id, channel, attempts)
          where d.notification_id = r.id and d.channel = r.channel and d.attempts = r.attempts
            and d.status = 'pending'`,
        [ok.map((m) => m.id), ok.map((m) => m.channel), ok.map((m) => m.attempt)],
      );
    }
    const bad = outcomes.filter((o) => o.error !== undefined);
    if (!bad.length) return { retrying: 0, failed: 0 };
    const next = bad.map((o) => ({
      ...o,
      reason: deliveryError(o.error),
      then: afterFailedAttempt(o.message.attempt),
    }));
    await this.dataSource.query(
      `update notification_delivery d
          set status = case when r.final then 'failed' else 'pending' end,
              last_error = r.reason,
              next_attempt_at = case when r.final then d.next_attempt_at
                                     else now() + r.delay * interval '1 millisecond' end
         from unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::int[], $6::bool[])
              as r(id, channel, attempts, reason, delay, final)
        where d.notification_id = r.id and d.channel = r.channel and d.attempts = r.attempts
          and d.status = 'pending'`,
      [
        next.map((o) => o.message.id),
        next.map((o) => o.message.channel),
        next.map((o) => o.message.attempt),
        next.map((o) => o.reason),
        next.map((o) => (o.then.final ? 0 : o.then.delayMs)),
        next.map((o) => o.then.final),
      ],
    );
    let failed = 0;
    for (const o of next) {
      const fields = {
        notificationId: o.message.id,
        kind: o.message.kind,
        channel: o.message.channel,
        attempt: o.message.attempt,
        reason: o.reason,
      };
      if (o.then.final) {
        failed++;
        this.logger.error(fields, 'notification delivery failed for good');
      } else {
        this.logger.warn({ ...fields, retryInMs: o.then.delayMs }, 'notification delivery failed');
      }
    }
    return { retrying: next.length - failed, failed };
  }
}

function toMessage(c: Claimed): NotificationMessage {
  return {
    id: c.id,
    recipientKind: c.recipientKind,
    recipientId: c.recipientId,
    kind: c.kind,
    title: c.title,
    body: c.body,
    data: c.data,
    createdAt: c.createdAt,
    attempt: c.attempt,
  };
}
