import { BullModule } from '@nestjs/bullmq';
import { Module } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import { ALL_QUEUES, DEFAULT_JOB_OPTIONS } from './job-catalogue';
import { JobsService } from './jobs.service';
import { PlatformRedis } from './platform-redis';
import { resolveRedisUrl } from './redis-url';
import { redisConnectionOptions } from './redis-options';

/** Queue connection and producers, for both processes. Processors live only in the worker. */
@Module({
  imports: [
    BullModule.forRootAsync({
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => ({
        connection: redisConnectionOptions(await resolveRedisUrl(config)),
        prefix: config.queue.prefix,
        defaultJobOptions: DEFAULT_JOB_OPTIONS,
      }),
    }),
    ...ALL_QUEUES.map((name) => BullModule.registerQueue({ name })),
  ],
  providers: [JobsService, PlatformRedis],
  exports: [JobsService, PlatformRedis, BullModule],
})
export class QueueModule {}
