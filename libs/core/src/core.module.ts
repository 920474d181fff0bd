import { Module } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { AuditModule } from './audit/audit.module';
import { AuthModule } from './auth/auth.module';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { LoggingModule } from './logging/logging.module';
import { QueueModule } from './queue/queue.module';
import { JobsController } from './queue/jobs.controller';

/** The platform layer both processes share: config, logs, database, queues, auth, audit. */
@Module({
  imports: [
    ConfigModule,
    LoggingModule,
    DatabaseModule,
    QueueModule,
    AuthModule,
    AuditModule,
    DiscoveryModule,
  ],
  controllers: [JobsController],
  exports: [QueueModule, AuthModule, AuditModule],
})
export class CoreModule {}
