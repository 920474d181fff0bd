import { Injectable } from '@nestjs/common';
import { DiscoveryModule } from '@nestjs/core';
import { Test } from '@nestjs/testing';
import { AppConfig, loadConfig } from '../config/app-config';
import { JOB_CATALOGUE, JobName } from './job-catalogue';
import { checkHandlers, HandlesJob, MissingJobHandlerError } from './job-handler';
import { PlatformRedis } from './platform-redis';
import { QueueWorkersService } from './queue-workers.service';

describe('job catalogue', () => {
  it.each<[string, JobName[], JobName[], RegExp | null]>([
    ['all present', ['audit.retention'], ['audit.retention'], null],
    ['one missing', ['audit.retention'], [], /"audit.retention" has no handler/],
    [
      'two handlers',
      ['audit.retention'],
      ['audit.retention', 'audit.retention'],
      /more than one handler/,
    ],
    ['unknown handler', [], ['audit.retention'], /not in the job catalogue/],
  ])('%s', (_, catalogue, found, error) => {
    if (error) expect(() => checkHandlers(catalogue, found)).toThrow(error);
    else expect(() => checkHandlers(catalogue, found)).not.toThrow();
  });

  it('gives every job a deterministic BullMQ-valid id', () => {
    const id = JOB_CATALOGUE['audit.retention'].jobId({
      runKey: 'nightly-2026-11-23',
      retentionDays: 365,
    });
    expect(id).toBe(
      JOB_CATALOGUE['audit.retention'].jobId({ runKey: 'nightly-2026-11-23', retentionDays: 365 }),
    );
    expect(id).not.toContain(':');
  });

  const boot = async (providers: (new (...a: never[]) => unknown)[]) => {
    const mod = await Test.createTestingModule({
      imports: [DiscoveryModule],
      providers: [
        QueueWorkersService,
        PlatformRedis,
        { provide: AppConfig, useValue: loadConfig({}) },
        ...providers,
      ],
    }).compile();
    return mod.get(QueueWorkersService);
  };

  it('refuses to start a worker when a catalogued job has no handler', async () => {
    const svc = await boot([]);
    expect(() => svc.collectHandlers()).toThrow(MissingJobHandlerError);
  });

  const stubFor = (name: JobName) => {
    @Injectable()
    @HandlesJob(name)
    class Stub {
      handle(): Promise<string> {
        return Promise.resolve(name);
      }
    }
    return Stub;
  };
  const allJobs = Object.keys(JOB_CATALOGUE) as JobName[];

  it('finds the handlers declared with @HandlesJob, one per catalogued job', async () => {
    const svc = await boot(allJobs.map(stubFor));
    expect([...svc.collectHandlers().keys()].sort()).toEqual([...allJobs].sort());
  });

  it('refuses to start when one job of several lacks its handler', async () => {
    const svc = await boot(allJobs.slice(1).map(stubFor));
    expect(() => svc.collectHandlers()).toThrow(`"${allJobs[0]}" has no handler`);
  });
});
