import { Injectable } from '@nestjs/common';
import type { Actor } from '@peixun/core';
import type { TrainingPolicy } from '@peixun/policy';
import type { EntityManager } from 'typeorm';
import type { Worker } from './worker.entity';

/** A grade about to be recorded, inside the recording's transaction. */
export interface GradeCheck {
  em: EntityManager;
  actor: Actor;
  worker: Worker;
  year: number;
  /** The grade's code in the policy. */
  grade: string;
  policy: TrainingPolicy;
}

/**
 * A rule that may refuse a grade (throw a DomainError) before it is recorded: e.g. the annual
 * training record's limits (libs/assessment). Returns facts for the audit entry (an override
 * used), or nothing. Feature libs register their guard here at module init: libs/org must not
 * import them (imports flow one way).
 */
export interface GradeGuard {
  check(c: GradeCheck): Promise<Record<string, unknown> | void>;
}

@Injectable()
export class GradeGuards {
  private readonly guards: GradeGuard[] = [];

  register(guard: GradeGuard): void {
    if (!this.guards.includes(guard)) this.guards.push(guard);
  }

  /** Runs every guard; what they return goes into the grade's audit entry. */
  async check(c: GradeCheck): Promise<Record<string, unknown>> {
    const facts: Record<string, unknown> = {};
    for (const g of this.guards) Object.assign(facts, (await g.check(c)) ?? {});
    return facts;
  }
}
