import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { AuditLog } from './audit-log.entity';
import { AuditPageDto, AuditQueryDto } from './dto/audit.dto';

/** Reads the audit log, newest first, with keyset pagination on id. */
@Injectable()
export class AuditQueryService {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async list(q: AuditQueryDto): Promise<AuditPageDto> {
    const limit = q.limit ?? 50;
    const qb = this.dataSource
      .getRepository(AuditLog)
      .createQueryBuilder('a')
      .orderBy('a.id', 'DESC')
      .limit(limit + 1);
    if (q.action) qb.andWhere('a.action = :action', { action: q.action });
    if (q.entityType) qb.andWhere('a.entity_type = :et', { et: q.entityType });
    if (q.entityId) qb.andWhere('a.entity_id = :eid', { eid: q.entityId });
    if (q.actorAccountId) qb.andWhere('a.actor_account_id = :actor', { actor: q.actorAccountId });
    if (q.from) qb.andWhere('a.occurred_at >= :from', { from: q.from });
    if (q.to) qb.andWhere('a.occurred_at < :to', { to: q.to });
    if (q.cursor) qb.andWhere('a.id < :cursor', { cursor: q.cursor });
    const rows = await qb.getMany();
    const items = rows.slice(0, limit);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].id : null };
  }
}
