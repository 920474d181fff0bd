import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '../queue/queue.module';
import { InAppChannel } from './in-app.channel';
import { Notification, NotificationDelivery } from './notification.entity';
import { NotificationsController } from './notifications.controller';
import { NotificationsQueryService } from './notifications-query.service';
import { NOTIFICATION_ROUTES } from './notifications.rules';
import { NOTIFICATION_ROUTING, NotificationsService } from './notifications.service';

/**
 * The notification outbox, for every process: writing (NotificationsService,
 * global, for every feature), the recipient's API and the in-app channel.
 * The dispatcher, its jobs and schedules are providers of the worker
 * (apps/worker/src/worker.module.ts).
 */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([Notification, NotificationDelivery]), QueueModule],
  providers: [
    NotificationsService,
    NotificationsQueryService,
    InAppChannel,
    { provide: NOTIFICATION_ROUTING, useValue: NOTIFICATION_ROUTES },
  ],
  controllers: [NotificationsController],
  exports: [NotificationsService, NOTIFICATION_ROUTING],
})
export class NotificationsModule {}
