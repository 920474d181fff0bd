import { Body, Controller, Get, Patch, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, IdParam, Roles } from '@peixun/core';
import {
  CreateQuestionnaireDto,
  QuestionnaireDto,
  QuestionnaireTemplateDto,
  UpdateQuestionnaireDto,
} from './questionnaire.dto';
import { QuestionnairesService } from './questionnaires.service';

/** Versioned needs-survey questionnaires: kept by the municipal bureau. */
@ApiTags('surveys')
@ApiBearerAuth()
@Controller('v1/survey-questionnaires')
export class QuestionnairesController {
  constructor(private readonly questionnaires: QuestionnairesService) {}

  /** The standard questionnaire (Art. 11: projects, content, methods, times) to start from. */
  @Get('template')
  @Roles('municipal_admin')
  @ApiOkResponse({ type: QuestionnaireTemplateDto })
  template(): QuestionnaireTemplateDto {
    return this.questionnaires.template();
  }

  @Post()
  @Roles('municipal_admin')
  @ApiCreatedResponse({ type: QuestionnaireDto })
  create(
    @CurrentActor() actor: Actor,
    @Body() dto: CreateQuestionnaireDto,
  ): Promise<QuestionnaireDto> {
    return this.questionnaires.create(actor, dto);
  }

  @Get()
  @Roles('municipal_admin')
  @ApiOkResponse({ type: [QuestionnaireDto] })
  list(@CurrentActor() actor: Actor): Promise<QuestionnaireDto[]> {
    return this.questionnaires.list(actor);
  }

  @Get(':id')
  @Roles('municipal_admin')
  @ApiOkResponse({ type: QuestionnaireDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<QuestionnaireDto> {
    return this.questionnaires.get(actor, id);
  }

  /** Edits a draft version; one in use is refused (409 SURVEY_QUESTIONNAIRE_IN_USE). */
  @Patch(':id')
  @Roles('municipal_admin')
  @ApiOkResponse({ type: QuestionnaireDto })
  update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: UpdateQuestionnaireDto,
  ): Promise<QuestionnaireDto> {
    return this.questionnaires.update(actor, id, dto);
  }

  /** A new version of the questionnaire, superseding its latest version for new campaigns. */
  @Post(':id/versions')
  @Roles('municipal_admin')
  @ApiCreatedResponse({ type: QuestionnaireDto })
  newVersion(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: CreateQuestionnaireDto,
  ): Promise<QuestionnaireDto> {
    return this.questionnaires.newVersion(actor, id, dto);
  }
}
