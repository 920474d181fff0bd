import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import type { Actor } from '../auth/roles';
import { RequestContext } from '../common/request-context';
import { AuditLog } from './audit-log.entity';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId?: string | null;
  data?: Record<string, unknown> | null;
}

/** Who did it: a signed-in actor, or a name for the system itself / an anonymous caller. */
export type AuditActor = Pick<Actor, 'accountId' | 'username' | 'role'> | { system: string } | null;

function whoOf(actor: AuditActor): {
  actorAccountId: string | null;
  actorUsername: string | null;
  actorRole: string | null;
} {
  return actor && 'system' in actor
    ? { actorAccountId: null, actorUsername: `system:${actor.system}`, actorRole: null }
    : {
        actorAccountId: actor?.accountId ?? null,
        actorUsername: actor?.username ?? null,
        actorRole: actor?.role ?? null,
      };
}

@Injectable()
export class AuditService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  /**
   * Appends an entry using `manager`: pass the transaction's manager so the
   * entry commits (or rolls back) with the change it describes.
   */
  async record(manager: EntityManager, actor: AuditActor, entry: AuditEntry): Promise<void> {
    const ctx = RequestContext.current();
    await manager.insert(AuditLog, {
      ...whoOf(actor),
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId ?? null,
      data: (entry.data ?? null) as never,
      requestId: ctx?.requestId ?? null,
      ip: ctx?.ip ?? null,
    });
  }

  /**
   * The entry as record() writes it, for a caller that inserts it inside one of its own
   * statements (one round trip): the values of AuditService.COLUMNS, in that order (`data`
   * as a JSON text, to cast with `::jsonb`).
   */
  values(
    actor: AuditActor,
    entry: AuditEntry,
  ): [
    string | null,
    string | null,
    string | null,
    string,
    string,
    string | null,
    string | null,
    string | null,
    string | null,
  ] {
    const ctx = RequestContext.current();
    const who = whoOf(actor);
    return [
      who.actorAccountId,
      who.actorUsername,
      who.actorRole,
      entry.action,
      entry.entityType,
      entry.entityId ?? null,
      entry.data == null ? null : JSON.stringify(entry.data),
      ctx?.requestId ?? null,
      ctx?.ip ?? null,
    ];
  }

  /** The audit_log columns of values(), in order. */
  static readonly COLUMNS =
    'actor_account_id, actor_username, actor_role, action, entity_type, entity_id, data, request_id, ip';

  /** For events that are not part of a change (e.g. a failed login). */
  async recordStandalone(actor: AuditActor, entry: AuditEntry): Promise<void> {
    await this.record(this.dataSource.manager, actor, entry);
  }
}
