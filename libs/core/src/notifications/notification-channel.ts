import { DiscoveryService } from '@nestjs/core';
import type { RecipientKind } from './notification.entity';
import type { NotificationData } from './notifications.rules';

/** What a channel adapter is given to deliver (one recipient, one notification). */
export interface NotificationMessage {
  id: string;
  recipientKind: RecipientKind;
  recipientId: string;
  kind: string;
  title: string;
  body: string;
  data: NotificationData;
  createdAt: Date;
  /** This delivery's attempt through this channel, from 1. */
  attempt: number;
}

/**
 * A way to reach a recipient: in-app (shipped), SMS or e-mail (one class more
 * each). A channel resolves the recipient's contact details itself (e.g. an
 * SMS adapter unseals the worker's phone number at the moment of sending);
 * they never enter the outbox. `deliver` resolves when the message is handed
 * over and throws to have it retried (backoff, then failed). A delivery can be
 * attempted again after a crash, so providers that take an idempotency key
 * should get `${id}:${channel}`. Calls must give up on their own well within
 * DELIVERY_LEASE_MS (one minute).
 *
 * Register an adapter as a provider of the worker marked @NotificationChannelAdapter();
 * the dispatcher discovers it and refuses to start when a routed channel has none.
 */
export interface NotificationChannel {
  /** The name used in the routing table and the delivery rows (`sms`, `email`). */
  readonly name: string;
  deliver(message: NotificationMessage): Promise<void>;
  /**
   * Optional: many messages at once, all or nothing (e.g. one UPDATE for the
   * in-app list). When it throws, each message is tried alone with `deliver`.
   */
  deliverMany?(messages: NotificationMessage[]): Promise<void>;
}

/** Marks a provider as a notification channel adapter (discovered by the dispatcher in the worker). */
export const NotificationChannelAdapter = DiscoveryService.createDecorator<void>();
