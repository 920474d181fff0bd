import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Account,
  Actor,
  AuditService,
  AuthService,
  ConflictError,
  DomainError,
  ErrorCode,
  hashPassword,
  NotFoundError,
  passwordProblem,
  Role,
  ROLE_SCOPE_KIND,
} from '@peixun/core';
import { randomBytes } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { OrgUnit } from '../org-unit.entity';
import { Worker } from '../workers/worker.entity';
import {
  AccountDto,
  AccountPageDto,
  CreateAccountDto,
  CreatedAccountDto,
  CreateWorkerAccountDto,
  ListAccountsQuery,
} from './account.dto';

/** Where an account sits, for deciding who manages it. */
interface AccountPlace {
  role: Role;
  unit: OrgUnit | null;
  worker: Worker | null;
}

/**
 * Who manages (creates, lists, resets, deactivates) which accounts:
 * the municipal bureau all of them; a district its streets' admins and its workers;
 * a street its workers; institution staff the teachers of their institution.
 */
export function managesAccount(actor: Actor, place: AccountPlace): boolean {
  const { role, unit, worker } = place;
  switch (actor.role) {
    case 'municipal_admin':
      return true;
    case 'district_admin':
      if (role === 'street_admin')
        return unit?.kind === 'street' && unit.districtId === actor.districtId;
      if (role === 'worker') return worker?.districtId === actor.districtId;
      return false;
    case 'street_admin':
      return role === 'worker' && worker?.streetId === actor.streetId;
    case 'institution_staff':
      return role === 'teacher' && unit?.id === actor.orgId;
    default:
      return false;
  }
}

const generatePassword = (): string => `Px${randomBytes(9).toString('base64url')}7`;

@Injectable()
export class AccountsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly auth: AuthService,
  ) {}

  async create(actor: Actor, dto: CreateAccountDto): Promise<CreatedAccountDto> {
    const unit = await this.ds.getRepository(OrgUnit).findOneBy({ id: dto.scopeOrgId });
    if (!unit) throw new NotFoundError('组织', dto.scopeOrgId);
    if (unit.kind !== ROLE_SCOPE_KIND[dto.role]) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        `scopeOrgId: ${dto.role} 须绑定到 ${ROLE_SCOPE_KIND[dto.role]} (must be bound to a ${ROLE_SCOPE_KIND[dto.role]})`,
        400,
        [{ field: 'scopeOrgId', problems: [`must be a ${ROLE_SCOPE_KIND[dto.role]}`] }],
      );
    }
    if (!managesAccount(actor, { role: dto.role, unit, worker: null })) {
      throw new DomainError(
        ErrorCode.FORBIDDEN_SCOPE,
        `无权为该范围建立 ${dto.role} 账号 (outside your scope)`,
        403,
      );
    }
    if (!unit.active) throw new ConflictError('scopeOrgId: 该组织已停用 (unit is deactivated)');
    return this.insert(actor, dto.username, dto.displayName, dto.role, unit.id, null, dto.password);
  }

  async createForWorker(
    actor: Actor,
    workerId: string,
    dto: CreateWorkerAccountDto,
  ): Promise<CreatedAccountDto> {
    const worker = await this.ds.getRepository(Worker).findOneBy({ id: workerId });
    if (!worker || !managesAccount(actor, { role: 'worker', unit: null, worker })) {
      throw new NotFoundError('社区工作者', workerId);
    }
    const existing = await this.ds.getRepository(Account).findOneBy({ workerId });
    if (existing)
      throw new ConflictError(
        `该社区工作者已有账号 ${existing.username} (worker already has an account)`,
      );
    return this.insert(actor, dto.username, worker.name, 'worker', null, worker.id, dto.password);
  }

  async list(actor: Actor, q: ListAccountsQuery): Promise<AccountPageDto> {
    const limit = q.limit ?? 50;
    const qb = this.ds
      .getRepository(Account)
      .createQueryBuilder('a')
      .leftJoin(OrgUnit, 'u', 'u.id = a.scope_org_id')
      .leftJoin(Worker, 'w', 'w.id = a.worker_id')
      .orderBy('a.username')
      .limit(limit + 1);
    switch (actor.role) {
      case 'municipal_admin':
        break;
      case 'district_admin':
        qb.andWhere(
          `((a.role = 'street_admin' and u.district_id = :d) or (a.role = 'worker' and w.district_id = :d))`,
          { d: actor.districtId },
        );
        break;
      case 'street_admin':
        qb.andWhere(`a.role = 'worker' and w.street_id = :s`, { s: actor.streetId });
        break;
      case 'institution_staff':
        qb.andWhere(`a.role = 'teacher' and a.scope_org_id = :o`, { o: actor.orgId });
        break;
      default:
        qb.andWhere('false');
    }
    if (q.role) qb.andWhere('a.role = :role', { role: q.role });
    if (q.cursor) qb.andWhere('a.username > :cursor', { cursor: q.cursor });
    const rows = await qb.getMany();
    const items = rows.slice(0, limit).map(present);
    return { items, nextCursor: rows.length > limit ? items[items.length - 1].username : null };
  }

  async get(actor: Actor, id: string): Promise<AccountDto> {
    return present((await this.loadManaged(this.ds.manager, actor, id)).account);
  }

  async resetPassword(actor: Actor, id: string): Promise<{ temporaryPassword: string }> {
    const temporaryPassword = generatePassword();
    const hash = await hashPassword(temporaryPassword);
    await this.ds.transaction(async (em) => {
      const { account } = await this.loadManaged(em, actor, id, true);
      await em.update(Account, { id }, { passwordHash: hash, passwordChangedAt: new Date() });
      await this.auth.revokeAll(em, id);
      await this.audit.record(em, actor, {
        action: 'account.password_reset',
        entityType: 'account',
        entityId: id,
        data: { username: account.username },
      });
    });
    return { temporaryPassword };
  }

  async setActive(actor: Actor, id: string, active: boolean): Promise<AccountDto> {
    if (id === actor.accountId && !active) {
      throw new ConflictError('不能停用自己的账号 (you cannot deactivate your own account)');
    }
    return this.ds.transaction(async (em) => {
      const { account } = await this.loadManaged(em, actor, id, true);
      await em.update(Account, { id }, { active });
      if (!active) await this.auth.revokeAll(em, id);
      await this.audit.record(em, actor, {
        action: active ? 'account.activated' : 'account.deactivated',
        entityType: 'account',
        entityId: id,
        data: { username: account.username },
      });
      return present({ ...account, active });
    });
  }

  private async insert(
    actor: Actor,
    username: string,
    displayName: string,
    role: Role,
    scopeOrgId: string | null,
    workerId: string | null,
    password: string | undefined,
  ): Promise<CreatedAccountDto> {
    if (password) {
      const problem = passwordProblem(password);
      if (problem) {
        throw new DomainError(ErrorCode.VALIDATION_FAILED, `password: ${problem}`, 400, [
          { field: 'password', problems: [problem] },
        ]);
      }
    }
    const plain = password ?? generatePassword();
    const hash = await hashPassword(plain);
    return this.ds.transaction(async (em) => {
      const taken = await em.findOneBy(Account, { username });
      if (taken) {
        throw new ConflictError(`username: 用户名 ${username} 已被使用 (username taken)`, [
          { field: 'username', problems: ['taken'] },
        ]);
      }
      const account = await em.save(
        em.create(Account, {
          username,
          displayName,
          role,
          scopeOrgId,
          workerId,
          passwordHash: hash,
        }),
      );
      await this.audit.record(em, actor, {
        action: 'account.created',
        entityType: 'account',
        entityId: account.id,
        data: { username, role, scopeOrgId, workerId },
      });
      return { ...present(account), password: password ? null : plain };
    });
  }

  private async loadManaged(
    em: EntityManager,
    actor: Actor,
    id: string,
    lock = false,
  ): Promise<{ account: Account }> {
    const account = await em.findOne(Account, {
      where: { id },
      ...(lock ? { lock: { mode: 'pessimistic_write' as const } } : {}),
    });
    if (!account) throw new NotFoundError('账号', id);
    const unit = account.scopeOrgId
      ? await em.findOneBy(OrgUnit, { id: account.scopeOrgId })
      : null;
    const worker = account.workerId ? await em.findOneBy(Worker, { id: account.workerId }) : null;
    if (!managesAccount(actor, { role: account.role, unit, worker }))
      throw new NotFoundError('账号', id);
    return { account };
  }
}

function present(a: Account): AccountDto {
  return {
    id: a.id,
    username: a.username,
    displayName: a.displayName,
    role: a.role,
    scopeOrgId: a.scopeOrgId,
    workerId: a.workerId,
    active: a.active,
    lastLoginAt: a.lastLoginAt,
  };
}
