import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  ValidateNested,
} from 'class-validator';
import { QuestionDto } from '../questionnaires/questionnaire.dto';
import { KEY_PATTERN, QUESTIONNAIRE_LIMITS } from '../questionnaires/questionnaire.rules';

const KEY_MESSAGE = { message: '$property must be a question or option key (a-z, 0-9, _)' };

export class AnswerDto {
  @ApiProperty({ description: '问题标识 (question key)', example: 'methods' })
  @IsString()
  @Matches(KEY_PATTERN, KEY_MESSAGE)
  question: string;

  @ApiPropertyOptional({
    description: '所选选项（排序题按顺序，第一位最想要）(options chosen; rank: in order)',
    type: [String],
    example: ['case_teaching', 'site_visit'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(QUESTIONNAIRE_LIMITS.options)
  @IsString({ each: true })
  @Matches(KEY_PATTERN, { each: true, ...KEY_MESSAGE })
  options?: string[];

  @ApiPropertyOptional({ description: '文字回答 (text answer)', example: '希望多安排案例教学' })
  @IsOptional()
  @IsString()
  @MaxLength(QUESTIONNAIRE_LIMITS.textLength)
  text?: string;
}

export class SaveAnswersDto {
  @ApiProperty({ description: '各题回答 (answers, one per question)', type: [AnswerDto] })
  @IsArray()
  @ArrayMaxSize(QUESTIONNAIRE_LIMITS.questions)
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers: AnswerDto[];
}

export class MySurveyDto {
  @ApiProperty({ description: '调查 ID (campaign id)', format: 'uuid' }) campaignId: string;
  @ApiProperty({ description: '调查年度 (year)' }) year: number;
  @ApiProperty({ description: '调查名称 (title)' }) title: string;
  @ApiProperty({ description: '说明 (introduction)', nullable: true, type: String })
  description: string | null;
  @ApiProperty({ description: '开始时间 (opens at)', format: 'date-time' }) opensAt: Date;
  @ApiProperty({ description: '截止时间 (closes at)', format: 'date-time' }) closesAt: Date;
  @ApiProperty({ description: '调查状态 (campaign status)', enum: ['scheduled', 'open', 'closed'] })
  campaignStatus: string;
  @ApiProperty({ description: '现在可以作答 (answers taken now)' }) accepting: boolean;
  @ApiProperty({
    description: '我的状态：invited 未作答、draft 草稿、submitted 已提交 (my status)',
    enum: ['invited', 'draft', 'submitted'],
  })
  status: string;
  @ApiProperty({
    description: '提交时间 (submitted at)',
    nullable: true,
    type: String,
    format: 'date-time',
  })
  submittedAt: Date | null;
}

export class MySurveyDetailDto extends MySurveyDto {
  @ApiProperty({ description: '问卷标题 (questionnaire title)' }) questionnaireTitle: string;
  @ApiProperty({
    description: '问卷说明 (questionnaire introduction)',
    nullable: true,
    type: String,
  })
  questionnaireDescription: string | null;
  @ApiProperty({ description: '问题 (questions)', type: [QuestionDto] }) questions: QuestionDto[];
  @ApiProperty({ description: '我保存或提交的回答 (my answers so far)', type: [AnswerDto] })
  answers: AnswerDto[];
  @ApiProperty({ description: '修改次数：提交为 1，每次修改加一 (revision)' }) revision: number;
}
