import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { ENTRY_CHANNELS, POSITION_TIERS, QUALIFICATIONS } from '@peixun/org';
import { CAMPAIGN_STATUSES, type CampaignStatus, MAX_REMINDERS } from './campaign.rules';

const INSTANT = { strict: true, strictSeparator: true } as const;
/** An instant says its offset: a time without one would be read on the server's clock. */
const ZONED = /(Z|[+-]\d{2}:\d{2})$/;
const ZONED_MESSAGE = { message: '$property must end in Z or an offset such as +08:00' };
const ZONED_EACH = { each: true, ...ZONED_MESSAGE };

export class PopulationDto {
  @ApiPropertyOptional({
    description: '限定的区县，空为全市各区 (districts; empty: every district of the municipality)',
    type: [String],
    format: 'uuid',
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  districtIds?: string[];

  @ApiPropertyOptional({
    description: '限定的岗位层级，空为全部 (position tiers; empty: all)',
    enum: POSITION_TIERS,
    isArray: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(POSITION_TIERS.length)
  @IsIn(POSITION_TIERS, { each: true })
  tiers?: string[];

  @ApiPropertyOptional({
    description: '限定的进入方式，空为全部 (entry channels; empty: all)',
    enum: ENTRY_CHANNELS,
    isArray: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(ENTRY_CHANNELS.length)
  @IsIn(ENTRY_CHANNELS, { each: true })
  channels?: string[];

  @ApiPropertyOptional({
    description: '限定的职业资格，空为不限 (social-work qualifications; empty: any)',
    enum: QUALIFICATIONS,
    isArray: true,
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(QUALIFICATIONS.length)
  @IsIn(QUALIFICATIONS, { each: true })
  qualifications?: string[];
}

export class CreateCampaignDto {
  @ApiProperty({ description: '调查年度 (the year the survey runs)', example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ description: '调查名称 (title)', example: '2026 年度社区工作者培训需求调查' })
  @IsString()
  @Length(2, 100)
  title: string;

  @ApiPropertyOptional({ description: '致答卷人的说明 (introduction)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiProperty({
    description: '所用问卷版本（须为最新版本）(questionnaire version, the latest)',
    format: 'uuid',
  })
  @IsUUID('all')
  questionnaireId: string;

  @ApiPropertyOptional({
    description: '调查对象：在职社区工作者，可按区县、层级、进入方式、资格限定 (population)',
    type: PopulationDto,
  })
  @IsOptional()
  @ValidateNested()
  @Type(() => PopulationDto)
  population?: PopulationDto;

  @ApiProperty({
    description: '开始时间 (opens at, ISO 8601 with offset)',
    format: 'date-time',
    example: '2026-12-01T09:00:00+08:00',
  })
  @IsISO8601(INSTANT)
  @Matches(ZONED, ZONED_MESSAGE)
  opensAt: string;

  @ApiProperty({
    description: '截止时间 (closes at, ISO 8601 with offset)',
    format: 'date-time',
    example: '2026-12-31T18:00:00+08:00',
  })
  @IsISO8601(INSTANT)
  @Matches(ZONED, ZONED_MESSAGE)
  closesAt: string;

  @ApiPropertyOptional({
    description: '提醒时间（开始与截止之间，最多 10 次），提醒尚未提交的人 (reminders)',
    type: [String],
    format: 'date-time',
    example: ['2026-12-20T09:00:00+08:00'],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_REMINDERS)
  @IsISO8601(INSTANT, { each: true })
  @Matches(ZONED, ZONED_EACH)
  reminders?: string[];

  @ApiPropertyOptional({
    description:
      '匿名阈值：少于此人数的分组在报告中不单列（默认 5）(minimum group size in reports)',
    default: 5,
    minimum: 3,
    maximum: 100,
  })
  @IsOptional()
  @IsInt()
  @Min(3)
  @Max(100)
  minGroupSize?: number;
}

export class UpdateCampaignDto {
  @ApiProperty({ description: '读到的行版本（乐观锁）(rowVersion read)', example: 1 })
  @IsInt()
  @Min(1)
  rowVersion: number;

  @ApiPropertyOptional({
    description: '调查名称 (title)',
    example: '2026 年度社区工作者培训需求调查',
  })
  @IsOptional()
  @IsString()
  @Length(2, 100)
  title?: string;

  @ApiPropertyOptional({ description: '致答卷人的说明 (introduction)' })
  @IsOptional()
  @IsString()
  @MaxLength(1000)
  description?: string;

  @ApiPropertyOptional({ description: '所用问卷版本 (questionnaire version)', format: 'uuid' })
  @IsOptional()
  @IsUUID('all')
  questionnaireId?: string;

  @ApiPropertyOptional({ description: '调查对象 (population)', type: PopulationDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => PopulationDto)
  population?: PopulationDto;

  @ApiPropertyOptional({
    description: '开始时间 (opens at)',
    format: 'date-time',
    example: '2026-12-01T09:00:00+08:00',
  })
  @IsOptional()
  @IsISO8601(INSTANT)
  @Matches(ZONED, ZONED_MESSAGE)
  opensAt?: string;

  @ApiPropertyOptional({
    description: '截止时间 (closes at)',
    format: 'date-time',
    example: '2026-12-31T18:00:00+08:00',
  })
  @IsOptional()
  @IsISO8601(INSTANT)
  @Matches(ZONED, ZONED_MESSAGE)
  closesAt?: string;

  @ApiPropertyOptional({ description: '提醒时间 (reminders)', type: [String], format: 'date-time' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(MAX_REMINDERS)
  @IsISO8601(INSTANT, { each: true })
  @Matches(ZONED, ZONED_EACH)
  reminders?: string[];

  @ApiPropertyOptional({ description: '匿名阈值 (minimum group size)', minimum: 3, maximum: 100 })
  @IsOptional()
  @IsInt()
  @Min(3)
  @Max(100)
  minGroupSize?: number;
}

export class PopulationViewDto {
  @ApiProperty({ description: '限定的区县 (districts; empty: all)', type: [String] })
  districtIds: string[];
  @ApiProperty({ description: '限定的岗位层级 (tiers; empty: all)', type: [String] })
  tiers: string[];
  @ApiProperty({ description: '限定的进入方式 (channels; empty: all)', type: [String] })
  channels: string[];
  @ApiProperty({ description: '限定的职业资格 (qualifications; empty: any)', type: [String] })
  qualifications: string[];
  @ApiProperty({ description: '调查对象的文字说明 (in words)' }) text: string;
}

export class QuestionnaireRefDto {
  @ApiProperty({ description: '问卷版本 ID (questionnaire version id)', format: 'uuid' })
  id: string;
  @ApiProperty({ description: '问卷标题 (title)' }) title: string;
  @ApiProperty({ description: '版本号 (version)' }) version: number;
}

export class CampaignDto {
  @ApiProperty({ description: '调查 ID (campaign id)', format: 'uuid' }) id: string;
  @ApiProperty({ description: '调查年度 (year)' }) year: number;
  @ApiProperty({ description: '调查名称 (title)' }) title: string;
  @ApiProperty({ description: '说明 (introduction)', nullable: true, type: String })
  description: string | null;
  @ApiProperty({ description: '问卷 (questionnaire version)', type: QuestionnaireRefDto })
  questionnaire: QuestionnaireRefDto;
  @ApiProperty({ description: '调查对象 (population)', type: PopulationViewDto })
  population: PopulationViewDto;
  @ApiProperty({ description: '开始时间 (opens at)', format: 'date-time' }) opensAt: Date;
  @ApiProperty({ description: '截止时间 (closes at)', format: 'date-time' }) closesAt: Date;
  @ApiProperty({ description: '提醒时间 (reminders)', type: [String], format: 'date-time' })
  reminders: Date[];
  @ApiProperty({ description: '已发出的提醒次数 (reminders sent)' }) remindersSent: number;
  @ApiProperty({ description: '匿名阈值 (minimum group size)' }) minGroupSize: number;
  @ApiProperty({
    description:
      '状态（按当前时间）：draft 草稿、scheduled 待开始、open 进行中、closed 已截止 (status)',
    enum: CAMPAIGN_STATUSES,
  })
  status: CampaignStatus;
  @ApiProperty({ description: '已邀请人数（分发的累计与最终人数）(invitations)' })
  invitedCount: number;
  @ApiProperty({
    description: '首次分发完成时间 (distributed at)',
    nullable: true,
    type: String,
    format: 'date-time',
  })
  distributedAt: Date | null;
  @ApiProperty({
    description: '发布时间 (launched at)',
    nullable: true,
    type: String,
    format: 'date-time',
  })
  launchedAt: Date | null;
  @ApiProperty({
    description: '截止（关闭）时间 (closed at)',
    nullable: true,
    type: String,
    format: 'date-time',
  })
  closedAt: Date | null;
  @ApiProperty({ description: '行版本，修改时带回 (row version)' }) rowVersion: number;
  @ApiProperty({ description: '创建时间 (created at)', format: 'date-time' }) createdAt: Date;
}

@ApiSchema({ name: 'SurveyJobRefDto' })
export class JobRefDto {
  @ApiProperty({ description: '队列 (queue)' }) queue: string;
  @ApiProperty({
    description: '任务 ID，用 GET /api/v1/jobs/{queue}/{id} 查询进度 (job id to poll)',
  })
  jobId: string;
}

export class LaunchResultDto {
  @ApiProperty({ description: '调查 (campaign)', type: CampaignDto }) campaign: CampaignDto;
  @ApiProperty({
    description: '分发任务：逐批生成邀请，可查询进度与最终人数 (distribution job)',
    type: JobRefDto,
  })
  distribution: JobRefDto;
}

export class RateRowDto {
  @ApiProperty({ description: '区县或街道 ID (unit id)', format: 'uuid' }) id: string;
  @ApiProperty({ description: '名称 (name)' }) name: string;
  @ApiProperty({ description: '邀请人数 (invited)' }) invited: number;
  @ApiProperty({ description: '已提交 (submitted)' }) submitted: number;
  @ApiProperty({ description: '草稿（未提交）(drafts)' }) drafts: number;
  @ApiProperty({ description: '回收率 0–1 (submitted / invited)' }) rate: number;
}

export class DistrictRateDto extends RateRowDto {
  @ApiProperty({ description: '各街道 (streets)', type: [RateRowDto] }) streets: RateRowDto[];
}

export class ResponseRatesDto {
  @ApiProperty({ description: '调查 ID (campaign id)', format: 'uuid' }) campaignId: string;
  @ApiProperty({ description: '范围：city 全市、district 本区、street 本街道 (scope)' })
  scope: string;
  @ApiProperty({ description: '邀请人数 (invited)' }) invited: number;
  @ApiProperty({ description: '已提交 (submitted)' }) submitted: number;
  @ApiProperty({ description: '草稿 (drafts)' }) drafts: number;
  @ApiProperty({ description: '回收率 0–1 (rate)' }) rate: number;
  @ApiProperty({ description: '各区及其街道 (by district and street)', type: [DistrictRateDto] })
  districts: DistrictRateDto[];
}
