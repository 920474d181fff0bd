import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { OrgPlacement, ScopeResolver } from '@peixun/core';
import { Repository } from 'typeorm';
import { OrgUnit } from './org-unit.entity';

/** Tells core's auth where an account's organisation sits in the tree. */
@Injectable()
export class OrgScopeResolver implements ScopeResolver {
  constructor(@InjectRepository(OrgUnit) private readonly units: Repository<OrgUnit>) {}

  async placement(orgId: string): Promise<OrgPlacement | null> {
    const unit = await this.units.findOneBy({ id: orgId });
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
}
