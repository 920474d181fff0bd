import { Global, Injectable, Module } from '@nestjs/common';
import type { EntityManager } from 'typeorm';

/** Something that happened in one feature that another reacts to (in the same transaction). */
export interface DomainEvent {
  type: string;
}

export type DomainEventHandler<E extends DomainEvent> = (
  em: EntityManager,
  event: E,
) => Promise<void>;

/**
 * In-process domain events, handled inside the publisher's transaction: a feature lib
 * (e.g. classes) publishes what changed without importing the libs that react to it
 * (e.g. enrollment, which notifies the trainees) — imports keep flowing one way
 * (ARCHITECTURE.md). A handler that throws rolls the change back. Work that may be slow or
 * retried belongs in a job, which a handler can enqueue.
 */
@Injectable()
export class DomainEvents {
  private readonly handlers = new Map<string, DomainEventHandler<DomainEvent>[]>();

  on<E extends DomainEvent>(type: E['type'], handler: DomainEventHandler<E>): void {
    const list = this.handlers.get(type) ?? [];
    list.push(handler as DomainEventHandler<DomainEvent>);
    this.handlers.set(type, list);
  }

  async publish<E extends DomainEvent>(em: EntityManager, event: E): Promise<void> {
    for (const handler of this.handlers.get(event.type) ?? []) await handler(em, event);
  }
}

@Global()
@Module({ providers: [DomainEvents], exports: [DomainEvents] })
export class DomainEventsModule {}
