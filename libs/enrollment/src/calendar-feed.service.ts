import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  AppConfig,
  AuditService,
  DomainError,
  ErrorCode,
  localDate,
  localTime,
  NotFoundError,
} from '@peixun/core';
import { createHash, randomBytes } from 'node:crypto';
import { DataSource, IsNull } from 'typeorm';
import { IcsEvent, serializeCalendar } from './calendar';
import { CalendarFeedCreatedDto, CalendarFeedStatusDto } from './dto/views.dto';
import { CalendarFeed } from './enrollment.entity';
import { calendarFeedUrl, FEED_TOKEN, webcalUrl } from './views.rules';
import { PlaceSessionRow, selfWorkerId, ViewsService } from './views.service';

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** Unknown, malformed and revoked secrets alike: nothing tells them apart. */
const noSuchFeed = (): DomainError =>
  new DomainError(
    ErrorCode.NOT_FOUND,
    '日历订阅地址无效或已停用 (no such calendar feed, or it was revoked)',
    404,
  );

/**
 * A worker's timetable as an iCalendar feed behind a secret URL. Only the SHA-256 of the
 * secret is stored (a lookup by hash: nothing to compare in variable time, and a leaked
 * table gives no working URL); a new feed revokes the previous one, and the worker can
 * revoke it outright. A feed answers only while the worker's account is active. The feed holds
 * only the worker's own classes.
 */
@Injectable()
export class CalendarFeedService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly views: ViewsService,
  ) {}

  /** A new secret URL for the signed-in worker (shown once); earlier ones stop working. */
  async create(actor: Actor, base: string | null): Promise<CalendarFeedCreatedDto> {
    const workerId = selfWorkerId(actor);
    const token = randomBytes(32).toString('base64url');
    const { feed, revokedPrevious } = await this.ds.transaction(async (em) => {
      // the worker's row serialises their feed changes: never two active feeds
      const [worker] = await em.query<{ id: string }[]>(
        `select id from worker where id = $1 for no key update`,
        [workerId],
      );
      if (!worker) throw new NotFoundError('社区工作者');
      const revoked = await em.update(
        CalendarFeed,
        { workerId, revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      const saved = await em.save(
        em.create(CalendarFeed, { workerId, tokenHash: sha256(token), revokedAt: null }),
      );
      await this.audit.record(em, actor, {
        action: 'calendar_feed.created',
        entityType: 'calendar_feed',
        entityId: saved.id,
        data: { revokedPrevious: revoked.affected ?? 0 },
      });
      return { feed: saved, revokedPrevious: revoked.affected ?? 0 };
    });
    const url = calendarFeedUrl(base ?? '', token);
    return {
      url,
      webcalUrl: base ? webcalUrl(url) : url,
      createdAt: feed.createdAt,
      revokedPrevious,
    };
  }

  async status(actor: Actor): Promise<CalendarFeedStatusDto> {
    const feed = await this.ds.getRepository(CalendarFeed).findOne({
      where: { workerId: selfWorkerId(actor), revokedAt: IsNull() },
      order: { createdAt: 'DESC' },
    });
    return { active: !!feed, createdAt: feed?.createdAt ?? null };
  }

  /** Revokes the worker's feed (if any): its URL answers 404 from now on. */
  async revoke(actor: Actor): Promise<void> {
    const workerId = selfWorkerId(actor);
    await this.ds.transaction(async (em) => {
      const revoked = await em.update(
        CalendarFeed,
        { workerId, revokedAt: IsNull() },
        { revokedAt: new Date() },
      );
      if (revoked.affected) {
        await this.audit.record(em, actor, {
          action: 'calendar_feed.revoked',
          entityType: 'worker',
          entityId: workerId,
          data: { revoked: revoked.affected },
        });
      }
    });
  }

  /** The feed behind a secret: the worker's sessions as an RFC 5545 calendar. */
  async render(token: string): Promise<string> {
    if (!FEED_TOKEN.test(token)) throw noSuchFeed();
    // only while the worker's account is active: deactivating it (someone left, a phone was
    // lost) stops the feed with the sign-ins; reactivated, the same URL answers again
    const feed = await this.ds
      .getRepository(CalendarFeed)
      .createQueryBuilder('f')
      .where('f.tokenHash = :hash and f.revokedAt is null', { hash: sha256(token) })
      .andWhere('exists (select 1 from account a where a.worker_id = f.worker_id and a.active)')
      .getOne();
    if (!feed) throw noSuchFeed();
    const rows = await this.views.placeSessions(this.ds.manager, feed.workerId, {
      includeCancelled: true,
    });
    return serializeCalendar({
      prodId: '-//peixun//社区工作者培训课程表//ZH',
      name: '社区工作者培训课程表',
      description: '我报名的培训班次的课程安排 (my training sessions)',
      refreshMinutes: 60,
      events: rows.map((r) => this.event(r)),
    });
  }

  private event(r: PlaceSessionRow): IcsEvent {
    const tz = this.config.timezone;
    const cancelled = r.session_status === 'cancelled';
    const offered = r.place_status === 'offered';
    const hours = r.half_hours / 2;
    const lines = [
      `班次：${r.class_title}`,
      `课次：${r.topic}`,
      `学时：${hours}`,
      r.teacher_name ? `主讲：${r.teacher_name}` : null,
      r.institution_name ? `承办：${r.institution_name}` : null,
      cancelled ? '本次课已取消。' : null,
      offered && r.offered_until
        ? `候补名额待确认：请于 ${localDate(r.offered_until, tz)} ${localTime(r.offered_until, tz)} 前在平台确认报名，逾期名额顺延。`
        : null,
    ].filter((l): l is string => !!l);
    return {
      uid: `${r.session_id}@peixun`,
      stamp: r.revised_at,
      start: r.starts_at,
      end: r.ends_at,
      summary: `${cancelled ? '【已取消】' : offered ? '【待确认】' : ''}${r.class_title}：${r.topic}`,
      location: r.room ? `${r.location} ${r.room}` : r.location,
      description: lines.join('\n'),
      status: cancelled ? 'CANCELLED' : offered ? 'TENTATIVE' : 'CONFIRMED',
    };
  }
}
