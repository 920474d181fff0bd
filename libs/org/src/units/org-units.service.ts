import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  AuditService,
  ConflictError,
  DomainError,
  ErrorCode,
  NotFoundError,
} from '@peixun/core';
import { DataSource, EntityManager } from 'typeorm';
import { SupportedRegion } from '@peixun/policy';
import { CHILD_KIND, OrgKind, OrgUnit } from '../org-unit.entity';
import { administers } from '../scope.rules';
import { regionOfUnit } from './municipality';
import {
  CreateOrgUnitDto,
  DeleteOutcomeDto,
  ListOrgUnitsQuery,
  UpdateOrgUnitDto,
} from './org-unit.dto';
import { divisionCodeProblem } from './org-unit.rules';

/** Refuses a division code that is not the region's, or not inside the parent's (400 on field code). */
function assertDivisionCode(
  kind: OrgKind,
  code: string | null | undefined,
  region: SupportedRegion,
  parentCode: string | null,
): void {
  const problem = divisionCodeProblem(kind, code, region, parentCode);
  if (problem) {
    throw new DomainError(ErrorCode.VALIDATION_FAILED, `code: ${problem}`, 400, [
      { field: 'code', problems: [problem] },
    ]);
  }
}

/** Who may see a unit: its administrators, and staff/teachers of their own institution. */
export function maySeeUnit(actor: Actor, unit: OrgUnit): boolean {
  if (actor.role === 'institution_staff' || actor.role === 'teacher')
    return unit.id === actor.orgId;
  return administers(actor, unit);
}

/** Who may create, change or remove a unit: the administrators of its parent (the level above). */
export function mayManageUnder(actor: Actor, parent: OrgUnit): boolean {
  if (actor.role === 'municipal_admin') return true;
  if (actor.role === 'district_admin')
    return parent.kind === 'district' && parent.id === actor.districtId;
  if (actor.role === 'street_admin')
    return parent.kind === 'street' && parent.id === actor.streetId;
  return false;
}

@Injectable()
export class OrgUnitsService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
  ) {}

  async list(actor: Actor, q: ListOrgUnitsQuery): Promise<OrgUnit[]> {
    const qb = this.ds
      .getRepository(OrgUnit)
      .createQueryBuilder('u')
      .orderBy('u.kind')
      .addOrderBy('u.name');
    switch (actor.role) {
      case 'municipal_admin':
        break;
      case 'district_admin':
        qb.andWhere('(u.id = :d or u.district_id = :d)', { d: actor.districtId });
        break;
      case 'street_admin':
        qb.andWhere('(u.id = :s or u.street_id = :s)', { s: actor.streetId });
        break;
      default:
        qb.andWhere('u.id = :o', { o: actor.orgId });
    }
    if (q.kind) qb.andWhere('u.kind = :kind', { kind: q.kind });
    if (q.parentId) qb.andWhere('u.parent_id = :parent', { parent: q.parentId });
    if (!q.includeInactive) qb.andWhere('u.active');
    return qb.getMany();
  }

  async get(actor: Actor, id: string): Promise<OrgUnit> {
    const unit = await this.ds.getRepository(OrgUnit).findOneBy({ id });
    if (!unit || !maySeeUnit(actor, unit)) throw new NotFoundError('组织', id);
    return unit;
  }

  async create(actor: Actor, dto: CreateOrgUnitDto): Promise<OrgUnit> {
    return this.ds.transaction(async (em) => {
      const parentId = dto.parentId ?? actor.orgId;
      const parent = parentId ? await em.findOneBy(OrgUnit, { id: parentId }) : null;
      if (!parent || !administers(actor, parent))
        throw new NotFoundError('上级组织', parentId ?? '');
      const expected =
        dto.kind === 'institution'
          ? parent.kind === 'municipality'
            ? 'institution'
            : null
          : CHILD_KIND[parent.kind];
      if (expected !== dto.kind) {
        throw new DomainError(
          'ORG_KIND_MISMATCH',
          `kind: ${parent.kind} 下不能建立 ${dto.kind} (a ${dto.kind} cannot sit under a ${parent.kind})`,
          400,
          [{ field: 'kind', problems: [`expected ${expected ?? 'nothing'} under ${parent.kind}`] }],
        );
      }
      if (!mayManageUnder(actor, parent)) {
        throw new DomainError(
          ErrorCode.FORBIDDEN_SCOPE,
          `只有上一级可以建立 ${dto.kind} (only the level above creates it)`,
          403,
        );
      }
      if (!parent.active)
        throw new ConflictError('parentId: 上级组织已停用 (parent is deactivated)');
      // nothing is built under a municipality the region table does not know (REGION_UNSUPPORTED)
      const region = await regionOfUnit(em, parent.id);
      assertDivisionCode(dto.kind, dto.code, region, parent.code);
      await this.assertCodeFree(em, dto.code ?? null, null);
      const unit = await em.save(
        em.create(OrgUnit, {
          kind: dto.kind,
          name: dto.name.trim(),
          code: dto.code ?? null,
          parentId: parent.id,
          districtId: parent.kind === 'district' ? parent.id : parent.districtId,
          streetId: parent.kind === 'street' ? parent.id : parent.streetId,
        }),
      );
      await this.audit.record(em, actor, {
        action: 'org.unit_created',
        entityType: 'org_unit',
        entityId: unit.id,
        data: { kind: unit.kind, name: unit.name, parentId: parent.id },
      });
      return unit;
    });
  }

  async update(actor: Actor, id: string, dto: UpdateOrgUnitDto): Promise<OrgUnit> {
    return this.ds.transaction(async (em) => {
      const unit = await this.lockManageable(em, actor, id);
      if (dto.code !== undefined) {
        const parent = await em.findOneByOrFail(OrgUnit, { id: unit.parentId! });
        assertDivisionCode(unit.kind, dto.code, await regionOfUnit(em, parent.id), parent.code);
        await this.assertCodeFree(em, dto.code, unit.id);
      }
      const changes: Partial<OrgUnit> = {};
      if (dto.name !== undefined) changes.name = dto.name.trim();
      if (dto.code !== undefined) changes.code = dto.code;
      if (dto.active !== undefined) changes.active = dto.active;
      if (Object.keys(changes).length) await em.update(OrgUnit, { id }, changes);
      await this.audit.record(em, actor, {
        action: 'org.unit_updated',
        entityType: 'org_unit',
        entityId: id,
        data: { before: { name: unit.name, code: unit.code, active: unit.active }, after: changes },
      });
      return em.findOneByOrFail(OrgUnit, { id });
    });
  }

  /** Deletes a unit nothing refers to; otherwise deactivates it and says what refers to it. */
  async remove(actor: Actor, id: string): Promise<DeleteOutcomeDto> {
    return this.ds.transaction(async (em) => {
      const unit = await this.lockManageable(em, actor, id);
      const [refs] = await em.query<Record<string, number>[]>(
        `select (select count(*) from org_unit where parent_id = $1)::int as children,
                (select count(*) from account where scope_org_id = $1)::int as accounts,
                (select count(*) from worker where community_id = $1)::int as workers,
                (select count(*) from worker_post_history where community_id = $1)::int as "workerHistory"`,
        [id],
      );
      const references = Object.fromEntries(Object.entries(refs).filter(([, n]) => n > 0));
      const outcome = Object.keys(references).length ? 'deactivated' : 'deleted';
      if (outcome === 'deleted') await em.delete(OrgUnit, { id });
      else await em.update(OrgUnit, { id }, { active: false });
      await this.audit.record(em, actor, {
        action: outcome === 'deleted' ? 'org.unit_deleted' : 'org.unit_deactivated',
        entityType: 'org_unit',
        entityId: id,
        data: { name: unit.name, kind: unit.kind, references },
      });
      return { outcome, references };
    });
  }

  private async lockManageable(em: EntityManager, actor: Actor, id: string): Promise<OrgUnit> {
    const unit = await em.findOne(OrgUnit, { where: { id }, lock: { mode: 'pessimistic_write' } });
    if (!unit || !maySeeUnit(actor, unit)) throw new NotFoundError('组织', id);
    const parent = unit.parentId ? await em.findOneBy(OrgUnit, { id: unit.parentId }) : null;
    if (!parent || !mayManageUnder(actor, parent)) {
      throw new DomainError(
        ErrorCode.FORBIDDEN_SCOPE,
        '只有上一级可以修改或删除 (only the level above manages it)',
        403,
      );
    }
    return unit;
  }

  private async assertCodeFree(
    em: EntityManager,
    code: string | null,
    exceptId: string | null,
  ): Promise<void> {
    if (!code) return;
    const other = await em.findOneBy(OrgUnit, { code });
    if (other && other.id !== exceptId) {
      throw new ConflictError(`code: 代码 ${code} 已被使用 (code already used)`, [
        { field: 'code', problems: ['taken'] },
      ]);
    }
  }
}
