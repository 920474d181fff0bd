import { Injectable, OnModuleInit } from '@nestjs/common';
import { AppConfig, localYear } from '@peixun/core';
import { DemoSeedService } from '@peixun/org';
import { EntityManager } from 'typeorm';
import { RecordsService } from '../records.service';

/**
 * The demo's training records: every demo worker's record of this year, computed after the
 * classes and enrolments steps (Haidian's workers, with no training yet, show the district
 * layer's reason on the assessment screen: 不得评为优秀：… 年未参加培训).
 */
@Injectable()
export class AssessmentDemoSeed implements OnModuleInit {
  constructor(
    private readonly seeder: DemoSeedService,
    private readonly records: RecordsService,
    private readonly config: AppConfig,
  ) {}

  onModuleInit(): void {
    this.seeder.addStep({ name: 'training-records', run: (em) => this.seed(em) });
  }

  private async seed(em: EntityManager): Promise<number> {
    const year = localYear(new Date(), this.config.timezone);
    const ids = (await em.query<{ id: string }[]>(`select id from worker order by id`)).map(
      (r) => r.id,
    );
    return this.records.store(em, ids, year);
  }
}
