import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Actor, DomainError, ErrorCode, ForbiddenScopeError, NotFoundError } from '@peixun/core';
import { municipalityOf, regionOfUnit } from '@peixun/org';
import { PolicyLayer, PolicyStore, TrainingPolicy, TrainingPolicyRow } from '@peixun/policy';
import { DataSource } from 'typeorm';
import { DistrictLayerDto } from './dto/policy-layer.dto';

/**
 * A district's rules on top of its municipality's policy (issue 13 part 5). Layers are data,
 * versioned like the rest of the policy: writing one is a new version of the municipality's
 * policy from a later year, with that district's layer replaced and every other layer kept.
 */
@Injectable()
export class PolicyLayersService {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly store: PolicyStore,
  ) {}

  async addDistrictLayer(actor: Actor, dto: DistrictLayerDto): Promise<TrainingPolicyRow> {
    const districtId = this.districtOf(actor, dto.districtId);
    const [district] = await this.ds.query<{ id: string; name: string; code: string | null }[]>(
      `select id, name, code from org_unit where id = $1 and kind = 'district'`,
      [districtId],
    );
    if (!district) throw new NotFoundError('区', districtId);
    if (actor.role === 'municipal_admin') {
      const m = await municipalityOf(this.ds.manager, district.id);
      if (m?.id !== actor.orgId)
        throw new ForbiddenScopeError('districtId: 不在本市 (not in your municipality)');
    }
    const region = await regionOfUnit(this.ds.manager, district.id);
    if (!district.code || !region.districts.some((d) => d.code === district.code)) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        `districtId: ${district.name} 没有本市的行政区划代码 (the district has no division code of ${region.municipality.name})`,
        400,
        [{ field: 'districtId', problems: ['no division code'] }],
      );
    }
    const base = (await this.store.list()).find((r) => r.id === dto.basedOn);
    if (!base || base.region !== region.region) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        `basedOn: ${region.municipality.name} 没有政策版本 ${dto.basedOn} (no such version of the district's municipality)`,
        400,
        [{ field: 'basedOn', problems: ['not a version of this municipality'] }],
      );
    }
    const layers: PolicyLayer[] = (base.data.layers ?? []).filter(
      (l) => l.districtCode !== district.code,
    );
    if (dto.gradeCaps.length) {
      layers.push({
        level: 'district',
        districtCode: district.code,
        name: district.name,
        gradeCaps: dto.gradeCaps,
      });
    }
    const policy: TrainingPolicy = {
      ...base.data,
      id: dto.id,
      title: dto.title ?? `${base.data.title}（含${district.name}规则）`,
      fromYear: dto.fromYear,
      layers,
    };
    return this.store.add(actor, policy);
  }

  private districtOf(actor: Actor, requested: string | undefined): string {
    if (actor.role === 'district_admin') {
      if (!actor.districtId) throw new ForbiddenScopeError();
      if (requested && requested !== actor.districtId) {
        throw new ForbiddenScopeError('districtId: 只能为本区制定规则 (only your own district)');
      }
      return actor.districtId;
    }
    if (!requested) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'districtId: 必须指定区 (required)', 400, [
        { field: 'districtId', problems: ['required'] },
      ]);
    }
    return requested;
  }
}
