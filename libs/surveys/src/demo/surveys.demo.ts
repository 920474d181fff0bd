import { Injectable, OnModuleInit } from '@nestjs/common';
import { DemoSeedContext, DemoSeedService } from '@peixun/org';
import { randomUUID } from 'node:crypto';
import { EntityManager } from 'typeorm';
import { AnswerInput, checkAnswers, encodeAnswers } from '../answers/answers.rules';
import { SurveyCampaign, SurveyResponse } from '../campaigns/campaign.entity';
import { emptyPopulation } from '../campaigns/campaign.rules';
import { distributeBatchSql, municipalDistrictIds } from '../campaigns/population.sql';
import { SurveyQuestionnaire } from '../questionnaires/questionnaire.entity';
import { normalizeQuestion } from '../questionnaires/questionnaire.rules';
import { STANDARD_QUESTIONNAIRE } from '../questionnaires/standard-questionnaire';

const DAY = 24 * 3600 * 1000;
const SUGGESTIONS = [
  '希望多安排案例教学和现场观摩，少一些照本宣科。',
  '建议增加矛盾纠纷调解的实操演练。',
  '希望晚上或周末安排线上课程，方便工作日值班的同志。',
  '希望增加心理疏导和压力调适方面的课程。',
  '建议多组织到先进社区现场观摩学习。',
  '数字化办公培训很实用，希望多开几期。',
];

/**
 * The demo's needs survey: the standard questionnaire (in use), and this year's campaign open
 * now for every active worker of 北京市, invited, most of them having answered — except
 * worker.li, who finds it waiting under 我的调查. The bureau (shi.admin) can follow the
 * response rates and ask for an interim report right away.
 */
@Injectable()
export class SurveysDemoSeed implements OnModuleInit {
  constructor(private readonly seeder: DemoSeedService) {}

  onModuleInit(): void {
    this.seeder.addStep({ name: 'surveys', run: (em, ctx) => this.seed(em, ctx) });
  }

  private async seed(em: EntityManager, ctx: DemoSeedContext): Promise<number> {
    const bj = ctx.units.get('bj');
    if (!bj) return 0;
    const [admin] = await em.query<{ id: string }[]>(
      `select id from account where username = 'shi.admin'`,
    );
    if (!admin) return 0;
    const now = Date.now();
    const questions = STANDARD_QUESTIONNAIRE.questions.map(normalizeQuestion);
    const qId = randomUUID();
    await em.save(
      em.create(SurveyQuestionnaire, {
        id: qId,
        region: 'beijing',
        lineageId: qId,
        version: 1,
        supersedesId: null,
        title: STANDARD_QUESTIONNAIRE.title,
        description: STANDARD_QUESTIONNAIRE.description,
        questions,
        lockedAt: new Date(now - 7 * DAY),
        createdBy: admin.id,
      }),
    );
    const year = new Date(now).getUTCFullYear();
    const c = await em.save(
      em.create(SurveyCampaign, {
        region: 'beijing',
        municipalityId: bj.id,
        year,
        title: `${year} 年度社区工作者培训需求调查`,
        description: '请根据自己的实际需要填写，约需 5 分钟。结果只以汇总形式使用。',
        questionnaireId: qId,
        population: emptyPopulation(),
        opensAt: new Date(now - 7 * DAY),
        closesAt: new Date(now + 14 * DAY),
        reminders: [new Date(now + 7 * DAY)],
        minGroupSize: 3,
        status: 'open',
        launchedAt: new Date(now - 7 * DAY),
        launchedBy: admin.id,
        createdBy: admin.id,
      }),
    );
    const districts = await municipalDistrictIds(em, bj.id);
    const { sql, params } = distributeBatchSql(
      c,
      districts,
      '00000000-0000-0000-0000-000000000000',
      100000,
    );
    const [batch] = await em.query<{ added: string[] }[]>(sql, params);
    await em.query(
      'update survey_campaign set invited_count = $2, distributed_at = opens_at where id = $1',
      [c.id, batch.added.length],
    );
    const invitations = await em.query<
      {
        id: string;
        worker_id: string;
        district_id: string;
        position_tier: string;
        entry_channel: string;
      }[]
    >(
      `select i.id, i.worker_id, i.district_id, i.position_tier, i.entry_channel
         from survey_invitation i
        where i.campaign_id = $1
          and i.worker_id not in (select a.worker_id from account a where a.username = 'worker.li' and a.worker_id is not null)
        order by i.worker_id`,
      [c.id],
    );
    let n = 0;
    for (const [i, inv] of invitations.entries()) {
      if (i % 5 === 4) continue; // some have not answered yet
      const pick = <T>(list: readonly T[], k: number): T => list[(i * 7 + k) % list.length];
      const answers: AnswerInput[] = [
        {
          question: 'training_types',
          options: [
            pick(['post', 'continuing', 'advanced'], 0),
            pick(['elective', 'induction'], 1),
          ],
        },
        {
          question: 'topics',
          options: [
            pick(['mediation', 'digital', 'governance', 'psychology'], 0),
            pick(['policy_law', 'emergency', 'social_work'], 1),
            pick(['writing', 'elderly', 'family', 'mass_work'], 2),
          ],
        },
        {
          question: 'methods',
          options: [
            pick(['case_teaching', 'site_visit', 'simulation'], 0),
            pick(['online', 'discussion'], 1),
          ],
        },
        { question: 'days', options: [pick(['weekday', 'weekday', 'weekend', 'either'], 0)] },
        { question: 'daytime', options: [pick(['daytime', 'daytime', 'evening'], 0)] },
        { question: 'pattern', options: [pick(['concentrated', 'spread'], 0)] },
        { question: 'suggestions', text: pick(SUGGESTIONS, 0) },
      ];
      const checked = checkAnswers(questions, answers, 'submit');
      if (checked.problems.length)
        throw new Error(`demo survey answers: ${checked.problems[0].message}`);
      const enc = encodeAnswers(questions, checked.answers);
      const at = new Date(now - (6 - (i % 6)) * DAY);
      await em.save(
        em.create(SurveyResponse, {
          invitationId: inv.id,
          campaignId: c.id,
          districtId: inv.district_id,
          positionTier: inv.position_tier,
          entryChannel: inv.entry_channel,
          status: 'submitted',
          answers: checked.answers,
          choiceCodes: enc.choiceCodes,
          breakdownCodes: enc.breakdownCodes,
          terms: enc.terms,
          revision: 1,
          submittedAt: at,
        }),
      );
      await em.query(
        `update survey_invitation set status = 'submitted', submitted_at = $2 where id = $1`,
        [inv.id, at],
      );
      n += 1;
    }
    return 2 + batch.added.length + n;
  }
}
