import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { FilesModule } from './files/files.module';
import { LoggingModule } from './logging/logging.module';
import { QueueModule } from './queue/queue.module';
import { JobsController } from './queue/jobs.controller';
import { CryptoModule } from './crypto/crypto.module';
import { DomainEventsModule } from './events/domain-events';
import { CryptoController } from './crypto/crypto.controller';
import { NotificationsModule } from './notifications/notifications.module';

/** The platform layer both processes share: config, logs, database, file store, queues, auth, audit. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    FilesModule,
    QueueModule,
    AuthModule,
    AuditModule,
    DiscoveryModule,
    CryptoModule,
    DomainEventsModule,
    NotificationsModule,
  ],
  controllers: [JobsController, CryptoController],
  exports: [
    QueueModule,
    AuthModule,
    AuditModule,
    CryptoModule,
    DomainEventsModule,
    NotificationsModule,
  ],
})
export class CoreModule {}
