import { Injectable, Type } from '@nestjs/common';
import { NotificationChannel, NotificationChannelAdapter, NotificationMessage } from '@peixun/core';

/** What a recording channel saw, and how it should behave (shared by every instance of it). */
export interface ChannelLog {
  /** Every call, in order, with the instance (one per Nest application) that got it. */
  calls: (NotificationMessage & { instance: number })[];
  /** Throw on every call while set (the message is a provider error with a phone number in it). */
  failing: boolean;
  /** Awaited before each delivery (e.g. a barrier between two dispatchers). */
  beforeDeliver?: (instance: number) => Promise<void>;
}

/**
 * A test double of a channel adapter (e.g. `sms`): register the returned class
 * as a provider of a worker-side module; it records every message and fails
 * on demand. Every instance shares `log`.
 */
export function aRecordingChannel(name: string): {
  channel: Type<NotificationChannel>;
  log: ChannelLog;
} {
  const log: ChannelLog = { calls: [], failing: false };
  let instances = 0;

  @Injectable()
  @NotificationChannelAdapter()
  class RecordingChannel implements NotificationChannel {
    readonly name = name;
    readonly instance = ++instances;

    async deliver(message: NotificationMessage): Promise<void> {
      log.calls.push({ ...message, instance: this.instance });
      await log.beforeDeliver?.(this.instance);
      if (log.failing) throw new Error(`provider refused the number 13800001234 (${name})`);
    }
  }
  return { channel: RecordingChannel, log };
}
