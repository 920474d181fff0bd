import type { DomainEvent } from '@peixun/core';

/** A session of an open class was added, moved or cancelled: trainees are told (enrollment). */
export interface SessionChangedEvent extends DomainEvent {
  type: 'class.session_changed';
  classId: string;
  classTitle: string;
  sessionId: string;
  change: 'added' | 'rescheduled' | 'cancelled';
  /** Human summary in Chinese, e.g. "12月1日 09:00 → 12月2日 14:00". */
  summary: string;
}

/** A class was cancelled: its places and waitlist are released (enrollment). */
export interface ClassCancelledEvent extends DomainEvent {
  type: 'class.cancelled';
  classId: string;
  classTitle: string;
  reason: string;
}

/** A class's capacity grew: waitlisted workers can be offered the new places (enrollment). */
export interface ClassCapacityChangedEvent extends DomainEvent {
  type: 'class.capacity_changed';
  classId: string;
  capacity: number;
}

export type ClassEvent = SessionChangedEvent | ClassCancelledEvent | ClassCapacityChangedEvent;
