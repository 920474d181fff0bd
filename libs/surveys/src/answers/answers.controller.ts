import { Body, Controller, Get, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, IdParam, Roles } from '@peixun/core';
import { MySurveyDetailDto, MySurveyDto, SaveAnswersDto } from './answer.dto';
import { AnswersService } from './answers.service';

/** The worker's own surveys: see, save a draft, submit once, replace before the close. */
@ApiTags('surveys')
@ApiBearerAuth()
@Controller('v1/my-surveys')
export class AnswersController {
  constructor(private readonly answers: AnswersService) {}

  @Get()
  @Roles('worker')
  @ApiOkResponse({ type: [MySurveyDto] })
  list(@CurrentActor() actor: Actor): Promise<MySurveyDto[]> {
    return this.answers.mine(actor);
  }

  /** The campaign's questionnaire and my answers so far (403 outside the population). */
  @Get(':id')
  @Roles('worker')
  @ApiOkResponse({ type: MySurveyDetailDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<MySurveyDetailDto> {
    return this.answers.get(actor, id);
  }

  /** Saves a draft (may be incomplete; checked against the questionnaire). */
  @Put(':id/draft')
  @Roles('worker')
  @ApiOkResponse({ type: MySurveyDetailDto })
  draft(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: SaveAnswersDto,
  ): Promise<MySurveyDetailDto> {
    return this.answers.save(actor, id, dto, 'draft');
  }

  /** Submits (once: 409 SURVEY_ALREADY_SUBMITTED the second time). */
  @Post(':id/submission')
  @Roles('worker')
  @ApiCreatedResponse({ type: MySurveyDetailDto })
  submit(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: SaveAnswersDto,
  ): Promise<MySurveyDetailDto> {
    return this.answers.save(actor, id, dto, 'submit');
  }

  /** Replaces the submission before the close (audited). */
  @Put(':id/submission')
  @Roles('worker')
  @ApiOkResponse({ type: MySurveyDetailDto })
  replace(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: SaveAnswersDto,
  ): Promise<MySurveyDetailDto> {
    return this.answers.save(actor, id, dto, 'replace');
  }
}
