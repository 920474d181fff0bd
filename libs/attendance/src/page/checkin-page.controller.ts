import { Controller, Get, Header, Param, Req, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AppConfig, Public } from '@peixun/core';
import { ClassesService } from '@peixun/classes';
import { attendanceRules } from '@peixun/policy';
import type { Request, Response } from 'express';
import { DataSource } from 'typeorm';
import { AttendanceService } from '../attendance.service';
import { verifyToken } from '../attendance.rules';
import { AddressLimiter } from './address-limiter';
import { CheckInPageSession, CheckInPageState, renderCheckInPage } from './checkin-page';

/** The QR code's short path, outside /api (see apps/api bootstrap): the web app may take it over. */
export const CHECK_IN_PAGE_PATH = 'c/:sessionId/:token';
/** Requests per client address per minute. */
export const CHECK_IN_PAGE_RATE = 60;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const STATUS: Record<CheckInPageState, number> = {
  current: 200,
  expired: 200,
  invalid: 200,
  cancelled: 200,
  not_found: 404,
  rate_limited: 429,
};

/**
 * `GET /c/:sessionId/:token`: a plain page naming the session and whether the scanned code is
 * still current, telling the worker to sign in to check in. Public, rate-limited per address.
 */
@ApiExcludeController()
@Controller()
export class CheckInPageController {
  private readonly limiter = new AddressLimiter(CHECK_IN_PAGE_RATE, 60_000);

  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly attendance: AttendanceService,
    private readonly classes: ClassesService,
    private readonly config: AppConfig,
  ) {}

  @Get(CHECK_IN_PAGE_PATH)
  @Public()
  @Header('Cache-Control', 'no-store')
  @Header('Content-Type', 'text/html; charset=utf-8')
  async page(
    @Param('sessionId') sessionId: string,
    @Param('token') token: string,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const { state, session } = this.limiter.take(req.ip ?? '')
      ? await this.look(sessionId, token)
      : { state: 'rate_limited' as const, session: null };
    if (state === 'rate_limited') res.setHeader('Retry-After', '60');
    res.status(STATUS[state]);
    return renderCheckInPage(state, session, this.config.timezone);
  }

  private async look(
    sessionId: string,
    token: string,
  ): Promise<{ state: CheckInPageState; session: CheckInPageSession | null }> {
    if (!UUID.test(sessionId)) return { state: 'not_found', session: null };
    const [row] = await this.ds.query<
      {
        class_title: string;
        topic: string;
        institution: string | null;
        location: string;
        room: string | null;
        starts_at: Date;
        ends_at: Date;
        session_status: string;
        class_status: string;
        municipality_id: string;
        year: number;
      }[]
    >(
      `select c.title as class_title, s.topic, i.name as institution, c.location, s.room, s.starts_at, s.ends_at,
              s.status as session_status, c.status as class_status, c.municipality_id, c.year
         from class_session s
         join training_class c on c.id = s.class_id
         left join org_unit i on i.id = c.institution_id
        where s.id = $1 and c.status <> 'draft'`,
      [sessionId],
    );
    if (!row) return { state: 'not_found', session: null };
    const session: CheckInPageSession = {
      classTitle: row.class_title,
      topic: row.topic,
      institution: row.institution,
      location: row.room ? `${row.location} ${row.room}` : row.location,
      startsAt: row.starts_at,
      endsAt: row.ends_at,
    };
    if (row.session_status !== 'scheduled' || row.class_status === 'cancelled') {
      return { state: 'cancelled', session };
    }
    const rules = attendanceRules(
      await this.classes.policyOfClass(this.ds.manager, {
        municipalityId: row.municipality_id,
        year: row.year,
      }),
    );
    const verdict = verifyToken(
      this.attendance.checkInKey,
      sessionId,
      token,
      new Date(),
      rules.tokenPeriodSeconds,
    );
    if (verdict.ok) return { state: 'current', session };
    // a forged or other-session code says nothing about the session
    return verdict.reason === 'CHECKIN_TOKEN_EXPIRED'
      ? { state: 'expired', session }
      : { state: 'invalid', session: null };
  }
}
