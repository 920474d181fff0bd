import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '@peixun/core';
import { AnswersController } from './answers/answers.controller';
import { AnswersService } from './answers/answers.service';
import { CampaignsController, ReportsController } from './campaigns/campaigns.controller';
import { CampaignsService } from './campaigns/campaigns.service';
import { DistributionService } from './campaigns/distribution.service';
import { SurveysDemoSeed } from './demo/surveys.demo';
import { SURVEYS_ENTITIES } from './entities';
import { PlanBasisController, PlanBasisService } from './plan/plan-basis';
import { QuestionnairesController } from './questionnaires/questionnaires.controller';
import { QuestionnairesService } from './questionnaires/questionnaires.service';
import { ReportsService } from './reports/reports.service';

/** The year-end training-needs survey (issue 12): questionnaires, campaigns, answers, reports. */
@Module({
  imports: [TypeOrmModule.forFeature(SURVEYS_ENTITIES), QueueModule],
  controllers: [
    QuestionnairesController,
    CampaignsController,
    ReportsController,
    AnswersController,
    PlanBasisController,
  ],
  providers: [
    QuestionnairesService,
    CampaignsService,
    ReportsService,
    AnswersService,
    DistributionService,
    PlanBasisService,
    SurveysDemoSeed,
  ],
  exports: [
    QuestionnairesService,
    CampaignsService,
    ReportsService,
    AnswersService,
    DistributionService,
    PlanBasisService,
    TypeOrmModule,
  ],
})
export class SurveysModule {}
