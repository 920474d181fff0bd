import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { ActorUnits, OrgPlacement, ScopeResolver, UnitRef } from '@peixun/core';
import { In, Repository } from 'typeorm';
import { OrgUnit } from './org-unit.entity';
import { Worker } from './workers/worker.entity';

/** Tells core's auth where an account's organisation sits in the tree. */
@Injectable()
export class OrgScopeResolver implements ScopeResolver {
  constructor(
    @InjectRepository(OrgUnit) private readonly orgUnits: Repository<OrgUnit>,
    @InjectRepository(Worker) private readonly workers: Repository<Worker>,
  ) {}

  async placement(orgId: string): Promise<OrgPlacement | null> {
    const unit = await this.orgUnits.findOneBy({ id: orgId });
    return unit
      ? {
          id: unit.id,
          kind: unit.kind,
          districtId: unit.districtId,
          streetId: unit.streetId,
          active: unit.active,
        }
      : null;
  }

  async units(actor: {
    orgId: string | null;
    districtId: string | null;
    streetId: string | null;
    workerId: string | null;
  }): Promise<ActorUnits> {
    let { orgId: unitId, districtId, streetId } = actor;
    if (actor.workerId) {
      const worker = await this.workers.findOne({
        where: { id: actor.workerId },
        select: { id: true, communityId: true, districtId: true, streetId: true },
      });
      if (worker) ({ communityId: unitId, districtId, streetId } = worker);
    }
    const ids = [unitId, districtId, streetId].filter((x): x is string => !!x);
    const found = ids.length ? await this.orgUnits.findBy({ id: In(ids) }) : [];
    const ref = (id: string | null): UnitRef | null => {
      const u = id ? found.find((x) => x.id === id) : undefined;
      return u ? { id: u.id, kind: u.kind, name: u.name } : null;
    };
    return { unit: ref(unitId), district: ref(districtId), street: ref(streetId) };
  }
}
