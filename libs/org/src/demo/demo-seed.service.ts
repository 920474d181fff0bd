import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Account, AuditService, hashPassword } from '@peixun/core';
import { DataSource } from 'typeorm';
import { OrgUnit } from '../org-unit.entity';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_UNITS } from './demo-data';

export interface DemoSeedResult {
  seeded: boolean;
  accounts: { username: string; role: string; password: string }[];
}

/** Loads the demo organisation and one account per role, in one transaction. */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('DemoSeed');

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
  ) {}

  async isEmpty(): Promise<boolean> {
    return (await this.dataSource.getRepository(Account).count()) === 0;
  }

  async seed(): Promise<DemoSeedResult> {
    const hash = await hashPassword(DEMO_PASSWORD);
    return this.dataSource.transaction(async (em) => {
      if ((await em.count(Account, { where: { username: DEMO_ACCOUNTS[0].username } })) > 0) {
        return { seeded: false, accounts: [] };
      }
      const ids = new Map<string, OrgUnit>();
      for (const u of DEMO_UNITS) {
        const parent = u.parent ? ids.get(u.parent)! : null;
        const unit = em.create(OrgUnit, {
          kind: u.kind,
          name: u.name,
          code: u.code,
          parentId: parent?.id ?? null,
          districtId: parent?.kind === 'district' ? parent.id : (parent?.districtId ?? null),
          streetId: parent?.kind === 'street' ? parent.id : (parent?.streetId ?? null),
        });
        ids.set(u.key, await em.save(unit));
      }
      for (const a of DEMO_ACCOUNTS) {
        await em.insert(Account, {
          username: a.username,
          displayName: a.displayName,
          role: a.role,
          passwordHash: hash,
          scopeOrgId: a.scope ? ids.get(a.scope)!.id : null,
        });
      }
      await this.audit.record(
        em,
        { system: 'demo-seed' },
        {
          action: 'demo.seeded',
          entityType: 'org_unit',
          entityId: ids.get('bj')!.id,
          data: { units: DEMO_UNITS.length, accounts: DEMO_ACCOUNTS.length },
        },
      );
      this.logger.log(
        `demo data loaded: ${DEMO_UNITS.length} organisations, ${DEMO_ACCOUNTS.length} accounts`,
      );
      return {
        seeded: true,
        accounts: DEMO_ACCOUNTS.map((a) => ({
          username: a.username,
          role: a.role,
          password: DEMO_PASSWORD,
        })),
      };
    });
  }
}

export function formatDemoAccounts(result: DemoSeedResult): string {
  const lines = result.accounts.map(
    (a) => `  ${a.username.padEnd(22)} ${a.role.padEnd(18)} ${a.password}`,
  );
  return ['演示账号 (demo accounts, shown once):', ...lines].join('\n');
}
