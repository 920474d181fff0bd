import { Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentActor } from '../auth/access.decorators';
import type { Actor } from '../auth/roles';
import { IdParam } from '../common/id-param';
import {
  MarkedReadDto,
  NotificationDto,
  NotificationPageDto,
  NotificationQueryDto,
  UnreadCountDto,
} from './dto/notifications.dto';
import { NotificationsQueryService } from './notifications-query.service';

/** The caller's own in-app notifications (every role; strictly self-scoped). */
@ApiTags('notifications')
@ApiBearerAuth()
@Controller('v1/notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsQueryService) {}

  /** My notifications, newest first (keyset cursor); `unread=true` for unread ones only. */
  @Get()
  @AnyRole()
  @ApiOkResponse({ type: NotificationPageDto })
  list(
    @CurrentActor() actor: Actor,
    @Query() q: NotificationQueryDto,
  ): Promise<NotificationPageDto> {
    return this.notifications.list(actor, q);
  }

  /** How many of my notifications are unread (for the badge). */
  @Get('unread-count')
  @AnyRole()
  @ApiOkResponse({ type: UnreadCountDto })
  async unreadCount(@CurrentActor() actor: Actor): Promise<UnreadCountDto> {
    return { count: await this.notifications.unreadCount(actor) };
  }

  /** Marks all my unread notifications read. */
  @Post('read-all')
  @AnyRole()
  @HttpCode(200)
  @ApiOkResponse({ type: MarkedReadDto })
  markAllRead(@CurrentActor() actor: Actor): Promise<MarkedReadDto> {
    return this.notifications.markAllRead(actor);
  }

  /** Marks one of my notifications read (idempotent); anyone else's is 404. */
  @Post(':id/read')
  @AnyRole()
  @HttpCode(200)
  @ApiOkResponse({ type: NotificationDto })
  markRead(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<NotificationDto> {
    return this.notifications.markRead(actor, id);
  }
}
