import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import type { Actor } from '../auth/roles';
import { NotFoundError } from '../errors/domain-error';
import {
  MarkedReadDto,
  NotificationDto,
  NotificationPageDto,
  NotificationQueryDto,
} from './dto/notifications.dto';
import { decodeCursor, encodeCursor } from './notifications.rules';

interface Row {
  id: string;
  kind: string;
  title: string;
  body: string;
  data: Record<string, string | number | boolean | null>;
  created_at: Date;
  read_at: Date | null;
  micros: string;
}

const COLUMNS = `n.id, n.kind, n.title, n.body, n.data, n.created_at, n.read_at`;
/** The caller's worker record, read from the account (not the token): only for worker accounts. */
const MY_WORKER = `(select a.worker_id from account a where a.id = $1 and a.role = 'worker')`;
/** Notifications addressed to the caller ($1 = account id): their account, or their worker record. */
const MINE = `((n.recipient_kind = 'account' and n.recipient_id = $1)
            or (n.recipient_kind = 'worker' and n.recipient_id = ${MY_WORKER}))`;

/**
 * The recipient's side of the outbox: strictly self-scoped. A worker account
 * sees what is addressed to its account or to its worker record; any other
 * account what is addressed to it. Only notifications the in-app channel has
 * delivered are shown. Someone else's notification is "not found".
 */
@Injectable()
export class NotificationsQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /** Newest first, keyset-paged on (created_at, id); `unread=true` lists unread ones only. */
  async list(actor: Actor, q: NotificationQueryDto): Promise<NotificationPageDto> {
    const limit = q.limit ?? 20;
    const params: unknown[] = [actor.accountId, limit + 1];
    const conds = ['n.visible_at is not null'];
    if (q.unread === 'true') conds.push('n.read_at is null');
    const cursor = q.cursor ? decodeCursor(q.cursor) : null;
    if (cursor) {
      params.push(cursor.createdMicros, cursor.id);
      conds.push(
        `(n.created_at, n.id) < ('epoch'::timestamptz + $3::bigint * interval '1 microsecond', $4::uuid)`,
      );
    }
    // one ordered, limited index scan per recipient key, merged: each branch uses the partial index
    const branch = (recipient: string): string =>
      `(select ${COLUMNS}, (extract(epoch from n.created_at) * 1000000)::bigint::text as micros
          from notification n
         where ${recipient} and ${conds.join(' and ')}
         order by n.created_at desc, n.id desc
         limit $2)`;
    const rows: Row[] = await this.dataSource.query(
      `select * from (
         ${branch(`n.recipient_kind = 'account' and n.recipient_id = $1`)}
         union all
         ${branch(`n.recipient_kind = 'worker' and n.recipient_id = ${MY_WORKER}`)}
       ) x order by created_at desc, id desc limit $2`,
      params,
    );
    const page = rows.slice(0, limit);
    const last = page[page.length - 1];
    return {
      items: page.map(toDto),
      nextCursor: rows.length > limit && last ? encodeCursor(last.micros, last.id) : null,
    };
  }

  async unreadCount(actor: Actor): Promise<number> {
    const [{ count }]: { count: number }[] = await this.dataSource.query(
      `select count(*)::int as count from notification n
        where n.visible_at is not null and n.read_at is null and ${MINE}`,
      [actor.accountId],
    );
    return count;
  }

  /** Marks one of the caller's notifications read (again: keeps the first time). */
  async markRead(actor: Actor, id: string): Promise<NotificationDto> {
    const [rows]: [Row[], number] = await this.dataSource.query(
      `update notification n set read_at = coalesce(n.read_at, now())
        where n.id = $2 and n.visible_at is not null and ${MINE}
        returning ${COLUMNS}`,
      [actor.accountId, id],
    );
    if (!rows.length) throw new NotFoundError('通知', id);
    return toDto(rows[0]);
  }

  async markAllRead(actor: Actor): Promise<MarkedReadDto> {
    const [, updated]: [unknown, number] = await this.dataSource.query(
      `update notification n set read_at = now()
        where n.visible_at is not null and n.read_at is null and ${MINE}`,
      [actor.accountId],
    );
    return { updated };
  }
}

function toDto(r: Row): NotificationDto {
  return {
    id: r.id,
    kind: r.kind,
    title: r.title,
    body: r.body,
    data: r.data,
    createdAt: r.created_at,
    readAt: r.read_at,
  };
}
