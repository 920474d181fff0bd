import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
} from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, AppConfig, CurrentActor, Public, Roles } from '@peixun/core';
import type { Request, Response } from 'express';
import { CalendarFeedService } from './calendar-feed.service';
import {
  CalendarFeedCreatedDto,
  CalendarFeedStatusDto,
  CoverageDto,
  CoverageQuery,
  FillRatesPageDto,
  FillRatesQuery,
  RemedialEnrolDto,
  TimetableDto,
  TimetableQuery,
} from './dto/views.dto';
import { publicBase } from './views.rules';
import { ViewsService } from './views.service';
import { BulkResultDto } from './dto/enrollment.dto';

@ApiTags('enrollment views')
@ApiBearerAuth()
@Controller('v1')
export class ViewsController {
  constructor(private readonly views: ViewsService) {}

  /** My timetable across classes: sessions where I hold a place (offered places flagged). */
  @Get('me/timetable')
  @Roles('worker')
  @ApiOkResponse({ type: TimetableDto })
  timetable(@CurrentActor() actor: Actor, @Query() q: TimetableQuery): Promise<TimetableDto> {
    return this.views.timetable(actor, q);
  }

  /**
   * Classes with places taken and fill rates: an institution its own, a street its own
   * street training, a district its district's, the municipal bureau all. (Not under
   * `classes/`: `GET classes/:id` is registered first and would take the path.)
   */
  @Get('class-fill-rates')
  @Roles('municipal_admin', 'district_admin', 'street_admin', 'institution_staff')
  @ApiOkResponse({ type: FillRatesPageDto })
  fillRates(@CurrentActor() actor: Actor, @Query() q: FillRatesQuery): Promise<FillRatesPageDto> {
    return this.views.fillRates(actor, q);
  }

  /** Which active workers of my unit still lack this year's mandatory training. */
  @Get('coverage')
  @Roles('municipal_admin', 'district_admin', 'street_admin')
  @ApiOkResponse({ type: CoverageDto })
  coverage(@CurrentActor() actor: Actor, @Query() q: CoverageQuery): Promise<CoverageDto> {
    return this.views.coverage(actor, q);
  }

  /**
   * The district enrols, in one action, every worker of the district who owes training after
   * a grade (coverage's `remedial`: Shenyang Art. 32) in the given class.
   */
  @Post('coverage/remedial-enrolments')
  @Roles('district_admin')
  @ApiCreatedResponse({ type: BulkResultDto })
  enrolRemedial(
    @CurrentActor() actor: Actor,
    @Body() dto: RemedialEnrolDto,
  ): Promise<BulkResultDto> {
    return this.views.enrolRemedial(actor, dto);
  }
}

@ApiTags('calendar feed')
@Controller('v1')
export class CalendarFeedController {
  constructor(
    private readonly feeds: CalendarFeedService,
    private readonly config: AppConfig,
  ) {}

  /** Whether I have an active feed (its URL is not kept, so it cannot be shown again). */
  @Get('me/calendar-feed')
  @Roles('worker')
  @ApiBearerAuth()
  @ApiOkResponse({ type: CalendarFeedStatusDto })
  status(@CurrentActor() actor: Actor): Promise<CalendarFeedStatusDto> {
    return this.feeds.status(actor);
  }

  /** A new secret feed URL for my timetable, shown once; any earlier one stops working. */
  @Post('me/calendar-feed')
  @Roles('worker')
  @ApiBearerAuth()
  @ApiCreatedResponse({ type: CalendarFeedCreatedDto })
  create(@CurrentActor() actor: Actor, @Req() req: Request): Promise<CalendarFeedCreatedDto> {
    return this.feeds.create(
      actor,
      // req.host and req.protocol follow X-Forwarded-* only from proxies TRUST_PROXY names
      publicBase(this.config.http.publicBaseUrl, req.protocol, req.host),
    );
  }

  /** Revokes my feed: its URL answers 404 from now on. */
  @Delete('me/calendar-feed')
  @Roles('worker')
  @ApiBearerAuth()
  @HttpCode(204)
  @ApiNoContentResponse({ description: '已停用 (revoked)' })
  async revoke(@CurrentActor() actor: Actor): Promise<void> {
    await this.feeds.revoke(actor);
  }

  /** The feed itself (no sign-in: the secret in the URL is the credential). */
  @Get('calendar/:token.ics')
  @Public()
  @ApiParam({ name: 'token', description: '订阅密钥 (the feed secret)' })
  @ApiProduces('text/calendar')
  @ApiOkResponse({
    description: 'RFC 5545 iCalendar (VCALENDAR, one VEVENT per session)',
    content: { 'text/calendar': { schema: { type: 'string' } } },
  })
  @ApiNotFoundResponse({ description: '地址无效或已停用 (unknown or revoked)' })
  async feed(
    @Param('token') token: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<string> {
    const text = await this.feeds.render(token);
    // set here, not with @Header: those are set before the handler runs, and an error
    // answer (JSON) would then go out labelled as a calendar
    res.setHeader('Content-Type', 'text/calendar; charset=utf-8');
    res.setHeader('Cache-Control', 'private, no-cache');
    res.setHeader('X-Robots-Tag', 'noindex');
    return text;
  }
}
