import { Account, hashPassword, Role } from '@peixun/core';
import { OrgKind, OrgUnit } from '@peixun/org';
import { regionByKey } from '@peixun/policy';
import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';

export const TEST_PASSWORD = 'Test#2026pass';
const uniq = (): string => randomBytes(4).toString('hex');

/**
 * A small organisation tree of its own for one test file: 2 区 → streets → communities + institution,
 * under the region's (shared) municipality. Its districts, streets and communities carry no codes.
 */
export interface TestOrg {
  municipality: OrgUnit;
  districtA: OrgUnit;
  districtB: OrgUnit;
  streetA1: OrgUnit;
  streetA2: OrgUnit;
  streetB1: OrgUnit;
  communityA1: OrgUnit;
  communityA2: OrgUnit;
  communityB1: OrgUnit;
  institution: OrgUnit;
}

export async function anOrgUnit(
  ds: DataSource,
  kind: OrgKind,
  name: string,
  parent?: OrgUnit,
): Promise<OrgUnit> {
  return ds.getRepository(OrgUnit).save({
    kind,
    name: `${name}-${uniq()}`,
    parentId: parent?.id ?? null,
    districtId: parent?.kind === 'district' ? parent.id : (parent?.districtId ?? null),
    streetId: parent?.kind === 'street' ? parent.id : (parent?.streetId ?? null),
  });
}

/**
 * The municipality of a supported region (beijing, shenyang) under its real
 * division code, which the region table must know. There is one per region,
 * as in production: the test files share it (division codes are unique).
 */
export async function aMunicipality(ds: DataSource, region = 'beijing'): Promise<OrgUnit> {
  const { municipality } = regionByKey(region)!;
  await ds.query(
    `insert into org_unit (kind, name, code) values ('municipality', $1, $2)
     on conflict (code) where code is not null do nothing`,
    [municipality.name, municipality.code],
  );
  return ds.getRepository(OrgUnit).findOneByOrFail({ code: municipality.code });
}

export async function anOrgTree(ds: DataSource, region = 'beijing'): Promise<TestOrg> {
  const municipality = await aMunicipality(ds, region);
  const districtA = await anOrgUnit(ds, 'district', '东城区', municipality);
  const districtB = await anOrgUnit(ds, 'district', '海淀区', municipality);
  const streetA1 = await anOrgUnit(ds, 'street', '东华门街道', districtA);
  const streetA2 = await anOrgUnit(ds, 'street', '景山街道', districtA);
  const streetB1 = await anOrgUnit(ds, 'street', '中关村街道', districtB);
  const communityA1 = await anOrgUnit(ds, 'community', '多福巷社区', streetA1);
  const communityA2 = await anOrgUnit(ds, 'community', '吉祥社区', streetA2);
  const communityB1 = await anOrgUnit(ds, 'community', '科源社区', streetB1);
  const institution = await anOrgUnit(ds, 'institution', '培训学院', municipality);
  return {
    municipality,
    districtA,
    districtB,
    streetA1,
    streetA2,
    streetB1,
    communityA1,
    communityA2,
    communityB1,
    institution,
  };
}

/** Builder: `anAccount().withRole('district_admin').inOrg(d).create(ds)`. */
export class AccountBuilder {
  private role: Role = 'worker';
  private org: OrgUnit | null = null;
  private password = TEST_PASSWORD;
  private active = true;
  private workerId: string | null = null;
  readonly username = `u-${uniq()}`;

  /** A worker's own account. */
  forWorker(workerId: string): this {
    this.role = 'worker';
    this.workerId = workerId;
    return this;
  }

  withRole(role: Role): this {
    this.role = role;
    return this;
  }
  inOrg(org: OrgUnit | null): this {
    this.org = org;
    return this;
  }
  withPassword(p: string): this {
    this.password = p;
    return this;
  }
  disabled(): this {
    this.active = false;
    return this;
  }

  async create(ds: DataSource): Promise<Account & { plainPassword: string }> {
    const account = await ds.getRepository(Account).save({
      username: this.username,
      displayName: `测试 ${this.role}`,
      role: this.role,
      scopeOrgId: this.org?.id ?? null,
      workerId: this.workerId,
      passwordHash: await hashPassword(this.password),
      active: this.active,
    });
    return Object.assign(account, { plainPassword: this.password });
  }
}

export const anAccount = (): AccountBuilder => new AccountBuilder();
