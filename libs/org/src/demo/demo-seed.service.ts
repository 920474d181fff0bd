import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Account,
  AppConfig,
  AuditService,
  hashPassword,
  localYear,
  PiiCipher,
  textTable,
} from '@peixun/core';
import { DataSource, EntityManager } from 'typeorm';
import { OrgUnit } from '../org-unit.entity';
import { Worker, WorkerAssessment, WorkerPostHistory } from '../workers/worker.entity';
import {
  birthDateFromId,
  genderFromId,
  makeIdNumber,
  PositionTier,
  Post,
} from '../workers/workers.rules';
import { sealIdNumber, sealPhone } from '../workers/worker-pii';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, DEMO_UNITS, DEMO_WORKER_NAMES } from './demo-data';
import { DemoSeedStep } from './demo-steps';

export interface DemoSeedResult {
  seeded: boolean;
  accounts: { username: string; role: string; password: string }[];
}

/** Loads the demo organisation and one account per role, in one transaction. */
@Injectable()
export class DemoSeedService {
  private readonly logger = new Logger('DemoSeed');
  private readonly steps: DemoSeedStep[] = [];

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
    private readonly cipher: PiiCipher,
  ) {}

  private async seedWorkers(em: EntityManager, communities: OrgUnit[]): Promise<Worker[]> {
    const roles: [PositionTier, Post][] = [
      ['head', 'party_secretary'],
      ['deputy', 'committee_deputy_director'],
      ['staff', 'station_staff'],
    ];
    const lastYear = localYear(new Date(), this.config.timezone) - 1;
    const grades = ['excellent', 'competent', 'competent', 'basically_competent'];
    const out: Worker[] = [];
    let n = 0;
    for (const c of communities) {
      for (const [tier, post] of roles) {
        const idNumber = makeIdNumber(
          (c.code ?? '110101').slice(0, 6),
          `19${70 + (n % 25)}0${1 + (n % 9)}1${n % 10}`,
          100 + n,
        );
        const w = await em.save(
          em.create(Worker, {
            name: DEMO_WORKER_NAMES[n % DEMO_WORKER_NAMES.length],
            gender: genderFromId(idNumber),
            birthDate: birthDateFromId(idNumber)!,
            ...sealIdNumber(this.cipher, idNumber),
            ...sealPhone(this.cipher, `1380000${String(1000 + n).slice(-4)}`),
            communityId: c.id,
            streetId: c.streetId!,
            districtId: c.districtId!,
            positionTier: tier,
            post,
            entryChannel:
              tier === 'head' ? 'elected' : n % 2 ? 'recruited_citywide' : 'recruited_other',
            startedOn: `20${String(10 + (n % 12)).padStart(2, '0')}-0${1 + (n % 9)}-01`,
            qualification:
              n % 3 === 0 ? 'social_worker' : n % 3 === 1 ? 'assistant_social_worker' : 'none',
            status: 'active',
          }),
        );
        await em.insert(WorkerPostHistory, {
          workerId: w.id,
          changeKind: 'initial',
          communityId: c.id,
          positionTier: tier,
          post,
          status: 'active',
          effectiveOn: w.startedOn,
          reason: '演示数据 (demo)',
        });
        await em.insert(WorkerAssessment, {
          workerId: w.id,
          year: lastYear,
          grade: grades[n % grades.length],
          policyId: 'beijing-2012',
          note: '演示数据 (demo)',
        });
        out.push(w);
        n++;
      }
    }
    return out;
  }

  /** The demo accounts that exist and are active (for the start banner). */
  async presentAccounts(): Promise<{ username: string; role: string; displayName: string }[]> {
    const rows = await this.dataSource.getRepository(Account).find({
      select: { username: true, role: true, displayName: true },
      where: DEMO_ACCOUNTS.map((a) => ({ username: a.username, active: true })),
    });
    const order = new Map(DEMO_ACCOUNTS.map((a, i) => [a.username, i]));
    return rows
      .sort((a, b) => order.get(a.username)! - order.get(b.username)!)
      .map((r) => ({ username: r.username, role: r.role, displayName: r.displayName }));
  }

  /** Another library's part of the demo, run after the organisation, workers and accounts. */
  addStep(step: DemoSeedStep): void {
    if (!this.steps.some((s) => s.name === step.name)) this.steps.push(step);
  }

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
        // a municipality already on file under the same division code is the demo's too
        const existing =
          u.kind === 'municipality'
            ? await em.findOneBy(OrgUnit, { kind: 'municipality', code: u.code })
            : null;
        if (existing) {
          ids.set(u.key, existing);
          continue;
        }
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
      const workers = await this.seedWorkers(
        em,
        [...ids.values()].filter((u) => u.kind === 'community'),
      );
      for (const a of DEMO_ACCOUNTS) {
        await em.insert(Account, {
          username: a.username,
          displayName: a.displayName,
          role: a.role,
          passwordHash: hash,
          scopeOrgId: a.scope ? ids.get(a.scope)!.id : null,
          // the demo worker account is the first worker of the first community
          workerId: a.role === 'worker' ? workers[0].id : null,
        });
      }
      const added: Record<string, number> = {};
      for (const step of this.steps) added[step.name] = await step.run(em, { units: ids });
      const extras = Object.entries(added)
        .map(([name, n]) => `, ${n} ${name}`)
        .join('');
      await this.audit.record(
        em,
        { system: 'demo-seed' },
        {
          action: 'demo.seeded',
          entityType: 'org_unit',
          entityId: ids.get('bj')!.id,
          data: {
            units: DEMO_UNITS.length,
            accounts: DEMO_ACCOUNTS.length,
            workers: workers.length,
            ...added,
          },
        },
      );
      this.logger.log(
        `demo data loaded: ${DEMO_UNITS.length} organisations, ${workers.length} workers with last year’s grades, ${DEMO_ACCOUNTS.length} accounts${extras}`,
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
  return [
    `演示账号 (demo accounts), password ${DEMO_PASSWORD}:`,
    textTable(
      ['username', 'role'],
      result.accounts.map((a) => [a.username, a.role]),
    ),
  ].join('\n');
}
