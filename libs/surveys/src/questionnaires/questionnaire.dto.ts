import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import {
  KEY_PATTERN,
  QUESTION_ROLES,
  QUESTION_TYPES,
  QUESTIONNAIRE_LIMITS,
  type QuestionRole,
  type QuestionType,
} from './questionnaire.rules';

const KEY_MESSAGE = { message: '$property must be lower-case letters, digits or _ (a-z first)' };

export class QuestionOptionDto {
  @ApiProperty({ description: '选项标识 (option key: a-z, 0-9, _)', example: 'case_teaching' })
  @IsString()
  @Matches(KEY_PATTERN, KEY_MESSAGE)
  key: string;

  @ApiProperty({ description: '选项文字 (option label)', example: '案例教学' })
  @IsString()
  @Length(1, 100)
  label: string;
}

export class QuestionDto {
  @ApiProperty({ description: '问题标识，问卷内唯一 (question key, unique)', example: 'methods' })
  @IsString()
  @Matches(KEY_PATTERN, KEY_MESSAGE)
  key: string;

  @ApiProperty({ description: '问题 (question text)', example: '您喜欢哪些培训方式？' })
  @IsString()
  @Length(1, 200)
  label: string;

  @ApiProperty({
    description: '题型：single 单选、multi 多选、rank 排序、text 文字 (question type)',
    enum: QUESTION_TYPES,
  })
  @IsIn(QUESTION_TYPES)
  type: QuestionType;

  @ApiPropertyOptional({ description: '提交时必答 (required on submission)', default: false })
  @IsOptional()
  @IsBoolean()
  required?: boolean;

  @ApiPropertyOptional({ description: '说明 (hint under the question)', example: '最多选三项' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  hint?: string;

  @ApiPropertyOptional({
    description: '选项（选择题 2–30 个）(options of a choice question)',
    type: [QuestionOptionDto],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(QUESTIONNAIRE_LIMITS.options)
  @ValidateNested({ each: true })
  @Type(() => QuestionOptionDto)
  options?: QuestionOptionDto[];

  @ApiPropertyOptional({
    description:
      '多选题最多可选、排序题排几位（默认：多选全部，排序 3 位）(most options chosen / places ranked)',
    example: 3,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(QUESTIONNAIRE_LIMITS.options)
  maxSelections?: number;

  @ApiPropertyOptional({
    description: '文字题最多字数（默认 500）(longest text answer)',
    example: 500,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(QUESTIONNAIRE_LIMITS.textLength)
  maxLength?: number;

  @ApiPropertyOptional({
    description:
      '题目作用：training_types 为「希望参加的培训项目」题，选项须为培训类型，报告按它分组、计划按它排需求 (role)',
    enum: QUESTION_ROLES,
  })
  @IsOptional()
  @IsIn(QUESTION_ROLES)
  role?: QuestionRole;
}

export class CreateQuestionnaireDto {
  @ApiProperty({ description: '问卷标题 (title)', example: '社区工作者年度培训需求调查问卷' })
  @IsString()
  @Length(2, 100)
  title: string;

  @ApiPropertyOptional({ description: '问卷说明 (introduction shown to workers)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiProperty({ description: '问题，按顺序 (questions, in order)', type: [QuestionDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(QUESTIONNAIRE_LIMITS.questions)
  @ValidateNested({ each: true })
  @Type(() => QuestionDto)
  questions: QuestionDto[];
}

export class UpdateQuestionnaireDto {
  @ApiPropertyOptional({
    description: '问卷标题 (title)',
    example: '社区工作者年度培训需求调查问卷',
  })
  @IsOptional()
  @IsString()
  @Length(2, 100)
  title?: string;

  @ApiPropertyOptional({ description: '问卷说明 (introduction)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiPropertyOptional({
    description: '问题（整体替换）(questions, replaced as a whole)',
    type: [QuestionDto],
  })
  @IsOptional()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(QUESTIONNAIRE_LIMITS.questions)
  @ValidateNested({ each: true })
  @Type(() => QuestionDto)
  questions?: QuestionDto[];
}

export class QuestionnaireDto {
  @ApiProperty({ description: '问卷版本 ID (questionnaire version id)', format: 'uuid' })
  id: string;
  @ApiProperty({ description: '所属地区 (policy region)' }) region: string;
  @ApiProperty({
    description: '同一问卷各版本共用的标识（第一版的 ID）(lineage id)',
    format: 'uuid',
  })
  lineageId: string;
  @ApiProperty({ description: '版本号 (version, 1, 2, …)' }) version: number;
  @ApiProperty({ description: '所替代的版本 (version it replaces)', nullable: true, type: String })
  supersedesId: string | null;
  @ApiProperty({ description: '标题 (title)' }) title: string;
  @ApiProperty({ description: '说明 (introduction)', nullable: true, type: String })
  description: string | null;
  @ApiProperty({ description: '问题 (questions)', type: [QuestionDto] }) questions: QuestionDto[];
  @ApiProperty({ description: '已用于已发布的调查，只读 (in use: read-only)' }) locked: boolean;
  @ApiProperty({ description: '是该问卷的最新版本，可用于新调查 (latest version)' })
  current: boolean;
  @ApiProperty({ description: '替代它的新版本 (newer version)', nullable: true, type: String })
  supersededBy: string | null;
  @ApiProperty({
    description: '锁定时间 (locked at)',
    nullable: true,
    type: String,
    format: 'date-time',
  })
  lockedAt: Date | null;
  @ApiProperty({ description: '创建时间 (created at)', format: 'date-time' }) createdAt: Date;
  @ApiProperty({ description: '修改时间 (updated at)', format: 'date-time' }) updatedAt: Date;
}

export class QuestionnaireTemplateDto {
  @ApiProperty({ description: '标题 (title)' }) title: string;
  @ApiProperty({ description: '说明 (introduction)' }) description: string;
  @ApiProperty({ description: '问题 (questions)', type: [QuestionDto] }) questions: QuestionDto[];
}
