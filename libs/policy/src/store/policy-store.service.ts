import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import {
  Actor,
  AppConfig,
  AuditService,
  ConflictError,
  DomainError,
  ErrorCode,
  localYear,
} from '@peixun/core';
import { DataSource, EntityManager } from 'typeorm';
import { policyFor, policyProblems } from '../policy.rules';
import { TrainingPolicy } from '../policy.types';
import { TrainingPolicyRow } from './training-policy.entity';

/** Reads the policy in force from the database; adds new versions for later years. */
@Injectable()
export class PolicyStore {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly audit: AuditService,
    private readonly config: AppConfig,
  ) {}

  /** The version in force for a region in a year, or null. */
  async forYear(
    region: string,
    year: number,
    em: EntityManager = this.ds.manager,
  ): Promise<TrainingPolicy | null> {
    // the pure rule decides which version is in force; the store only loads the region's versions
    const rows = await em.findBy(TrainingPolicyRow, { region });
    return policyFor(
      region,
      year,
      rows.map((r) => r.data),
    );
  }

  /** Like forYear, but a missing policy is the caller's error. */
  async require(region: string, year: number, em?: EntityManager): Promise<TrainingPolicy> {
    const p = await this.forYear(region, year, em);
    if (!p) {
      throw new DomainError(
        'NO_POLICY',
        `year: ${region} 在 ${year} 年没有适用的培训政策 (no policy for that year)`,
        400,
        [{ field: 'year', problems: ['no policy in force'] }],
      );
    }
    return p;
  }

  list(): Promise<TrainingPolicyRow[]> {
    return this.ds
      .getRepository(TrainingPolicyRow)
      .find({ order: { region: 'ASC', fromYear: 'ASC' } });
  }

  /** A new version takes effect from a year that has not begun; earlier versions stay as they were. */
  async add(actor: Actor, policy: TrainingPolicy): Promise<TrainingPolicyRow> {
    const thisYear = localYear(new Date(), this.config.timezone);
    if (policy.fromYear <= thisYear) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        `fromYear: 新版本只能从以后的年度生效 (a new version must start after ${thisYear})`,
        400,
        [{ field: 'fromYear', problems: [`must be after ${thisYear}`] }],
      );
    }
    const problems = policyProblems(policy);
    if (problems.length) {
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        `policy: ${problems.join('; ')}`,
        400,
        problems.map((p) => ({
          field: p.split(':')[0],
          problems: [p],
        })),
      );
    }
    return this.ds.transaction(async (em) => {
      if (await em.findOneBy(TrainingPolicyRow, { id: policy.id })) {
        throw new ConflictError(`id: 政策版本 ${policy.id} 已存在 (version id taken)`, [
          { field: 'id', problems: ['taken'] },
        ]);
      }
      if (
        await em.findOneBy(TrainingPolicyRow, { region: policy.region, fromYear: policy.fromYear })
      ) {
        throw new ConflictError(
          `fromYear: ${policy.region} 已有 ${policy.fromYear} 年起的版本 (version exists)`,
        );
      }
      await em.insert(TrainingPolicyRow, {
        id: policy.id,
        region: policy.region,
        fromYear: policy.fromYear,
        data: policy,
        createdBy: actor.accountId,
      });
      const row = await em.findOneByOrFail(TrainingPolicyRow, { id: policy.id });
      await this.audit.record(em, actor, {
        action: 'policy.version_added',
        entityType: 'training_policy',
        entityId: policy.id,
        data: { region: policy.region, fromYear: policy.fromYear },
      });
      return row;
    });
  }
}
