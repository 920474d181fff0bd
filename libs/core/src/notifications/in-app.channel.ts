import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  NotificationChannel,
  NotificationChannelAdapter,
  NotificationMessage,
} from './notification-channel';
import { IN_APP_CHANNEL } from './notifications.rules';

/**
 * The in-app channel: delivering a notification makes it appear in the
 * recipient's list (GET /api/v1/notifications), which shows only rows with
 * `visible_at` set. Idempotent: a second delivery keeps the first time.
 */
@Injectable()
@NotificationChannelAdapter()
export class InAppChannel implements NotificationChannel {
  readonly name = IN_APP_CHANNEL;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async deliver(message: NotificationMessage): Promise<void> {
    await this.deliverMany([message]);
  }

  async deliverMany(messages: NotificationMessage[]): Promise<void> {
    await this.dataSource.query(
      `update notification set visible_at = now() where id = any($1::uuid[]) and visible_at is null`,
      [messages.map((m) => m.id)],
    );
  }
}
