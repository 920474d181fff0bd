import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { OptionalNotNull } from '@peixun/core';
import { TRAINING_TYPES } from '@peixun/policy';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
  IsIn,
  IsInt,
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
import { CLASS_STATUSES, SESSION_METHODS } from '../classes.rules';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

/** A session as entered: a day and times on the region's clock (Asia/Shanghai). */
export class SessionInputDto {
  @ApiProperty({ description: '日期 (date, region time)', example: '2026-12-01' })
  @Matches(DATE, { message: 'date must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'date must be a real date' })
  date: string;

  @ApiProperty({ description: '开始时间 (start, HH:MM)', example: '09:00' })
  @Matches(TIME, { message: 'startTime must be HH:MM' })
  startTime: string;

  @ApiProperty({ description: '结束时间 (end, HH:MM)', example: '11:30' })
  @Matches(TIME, { message: 'endTime must be HH:MM' })
  endTime: string;

  @ApiProperty({
    description: '学时，以半学时计 (class hours in halves: 3 = 1.5 学时)',
    example: 4,
  })
  @IsInt()
  @Min(1)
  @Max(48)
  halfHours: number;

  @ApiProperty({ description: '主题 (topic)', example: '社区治理与居民自治' })
  @IsString()
  @Length(1, 200)
  topic: string;

  @ApiProperty({ description: '教学方式 (method)', enum: SESSION_METHODS })
  @IsIn(SESSION_METHODS)
  method: (typeof SESSION_METHODS)[number];

  @ApiPropertyOptional({ description: '师资库教师 (teacher of the pool)', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  teacherId?: string;

  @ApiPropertyOptional({ description: '主讲人（街道培训可不在师资库）(speaker, street classes)' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  speakerName?: string;

  @ApiPropertyOptional({ description: '教室 (room)', example: '301 教室' })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  room?: string;
}

export class SessionPatchDto {
  @ApiPropertyOptional({ description: '日期 (date)', example: '2026-12-01' })
  @OptionalNotNull()
  @Matches(DATE, { message: 'date must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'date must be a real date' })
  date?: string;

  @ApiPropertyOptional({ description: '开始时间 (HH:MM)' })
  @OptionalNotNull()
  @Matches(TIME, { message: 'startTime must be HH:MM' })
  startTime?: string;

  @ApiPropertyOptional({ description: '结束时间 (HH:MM)' })
  @OptionalNotNull()
  @Matches(TIME, { message: 'endTime must be HH:MM' })
  endTime?: string;

  @ApiPropertyOptional({ description: '学时（半学时）(class hours in halves)' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(48)
  halfHours?: number;

  @ApiPropertyOptional({ description: '主题 (topic)' })
  @OptionalNotNull()
  @IsString()
  @Length(1, 200)
  topic?: string;

  @ApiPropertyOptional({ description: '教学方式 (method)', enum: SESSION_METHODS })
  @OptionalNotNull()
  @IsIn(SESSION_METHODS)
  method?: (typeof SESSION_METHODS)[number];

  @ApiPropertyOptional({
    description: '教师；null 取消指定 (teacher; null: none)',
    format: 'uuid',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @IsUUID()
  teacherId?: string | null;

  @ApiPropertyOptional({
    description: '教室；null 取消 (room; null: none)',
    nullable: true,
    type: String,
  })
  @IsOptional()
  @IsString()
  @Length(1, 100)
  room?: string | null;

  @ApiPropertyOptional({ description: '变更原因（开放报名后必填）(reason, required once open)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reason?: string;
}

export class CancelSessionDto {
  @ApiProperty({ description: '取消原因 (reason)' })
  @IsString()
  @Length(1, 200)
  reason: string;
}

class ClassSettingsDto {
  @ApiProperty({ description: '名额 (places)', example: 60 })
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity: number;

  @ApiProperty({
    description: '报名开始 (enrolment opens, ISO time)',
    example: '2026-11-20T00:00:00+08:00',
  })
  @IsDateString({ strict: true })
  enrolOpensAt: string;

  @ApiProperty({
    description: '报名截止 (enrolment closes, ISO time)',
    example: '2026-12-01T00:00:00+08:00',
  })
  @IsDateString({ strict: true })
  enrolClosesAt: string;

  @ApiPropertyOptional({
    description: '费用（分），仅职称类、学历类 (fee in fen, elective only)',
    example: 0,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  feeFen?: number;
}

export class CreatePlanClassDto extends ClassSettingsDto {
  @ApiProperty({ description: '已批准的项目计划书 (approved project plan)', format: 'uuid' })
  @IsUUID()
  projectPlanId: string;

  @ApiPropertyOptional({
    description: '班次名称，默认取计划书标题 (title; default: the plan title)',
  })
  @IsOptional()
  @IsString()
  @Length(2, 100)
  title?: string;

  @ApiPropertyOptional({
    description: '地点，默认取计划书地点 (location; default: the plan place)',
  })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  location?: string;
}

export class CreateOwnClassDto extends ClassSettingsDto {
  @ApiProperty({ description: '班次名称 (title)', example: '2026 年社区工作业务培训' })
  @IsString()
  @Length(2, 100)
  title: string;

  @ApiProperty({ description: '地点 (location)', example: '东华门街道办事处三楼会议室' })
  @IsString()
  @Length(2, 200)
  location: string;

  @ApiProperty({ description: '课次 (sessions)', type: [SessionInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(200)
  @ValidateNested({ each: true })
  @Type(() => SessionInputDto)
  sessions: SessionInputDto[];
}

export class CreateAdvancedClassDto extends CreateOwnClassDto {
  @ApiProperty({ description: '承办机构（已备案的高校等）(institution, filed)', format: 'uuid' })
  @IsUUID()
  institutionId: string;

  @ApiProperty({ description: '年度 (year)', example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

export class UpdateClassDto {
  @ApiProperty({ description: '当前版本 (version, optimistic lock)' })
  @IsInt()
  @Min(1)
  version: number;

  @ApiPropertyOptional({ description: '班次名称 (title)' })
  @OptionalNotNull()
  @IsString()
  @Length(2, 100)
  title?: string;

  @ApiPropertyOptional({ description: '名额 (places)' })
  @OptionalNotNull()
  @IsInt()
  @Min(1)
  @Max(10000)
  capacity?: number;

  @ApiPropertyOptional({ description: '地点 (location)' })
  @OptionalNotNull()
  @IsString()
  @Length(2, 200)
  location?: string;

  @ApiPropertyOptional({ description: '报名开始 (ISO time)' })
  @OptionalNotNull()
  @IsDateString({ strict: true })
  enrolOpensAt?: string;

  @ApiPropertyOptional({ description: '报名截止 (ISO time)' })
  @OptionalNotNull()
  @IsDateString({ strict: true })
  enrolClosesAt?: string;

  @ApiPropertyOptional({ description: '费用（分）(fee in fen)' })
  @OptionalNotNull()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  feeFen?: number;
  @ApiPropertyOptional({
    description:
      '迟到认定（分钟），只能严于政策；null 按政策 (late threshold, stricter than the policy; null: the policy)',
    nullable: true,
    type: Number,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(240)
  lateThresholdMinutes?: number | null;

  @ApiPropertyOptional({
    description:
      '早退认定（分钟），只能严于政策；null 按政策 (early-leaving threshold; null: the policy)',
    nullable: true,
    type: Number,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(240)
  earlyThresholdMinutes?: number | null;
}

export class CancelClassDto {
  @ApiProperty({ description: '取消原因 (reason)' })
  @IsString()
  @Length(2, 500)
  reason: string;
}

export class ListClassesQuery {
  @ApiPropertyOptional({ description: '状态 (status)', enum: CLASS_STATUSES })
  @IsOptional()
  @IsIn(CLASS_STATUSES)
  status?: (typeof CLASS_STATUSES)[number];

  @ApiPropertyOptional({ description: '培训类型 (type)', enum: [...TRAINING_TYPES, 'street'] })
  @IsOptional()
  @IsIn([...TRAINING_TYPES, 'street'])
  type?: string;

  @ApiPropertyOptional({ description: '年度 (year)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ description: '承办机构 (institution)', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  institutionId?: string;

  @ApiPropertyOptional({ description: '区 (district)', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @ApiPropertyOptional({ description: '翻页游标 (cursor)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ description: '每页条数 (page size, ≤ 100)', default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

/** A class's session (课次); planning's SessionDto is a plan's timetable row, hence its own schema name. */
@ApiSchema({ name: 'ClassSessionDto' })
export class SessionDto {
  @ApiProperty({ description: '课次 id' }) id: string;
  @ApiProperty({ description: '日期 (region date)' }) date: string;
  @ApiProperty({ description: '开始 (HH:MM)' }) startTime: string;
  @ApiProperty({ description: '结束 (HH:MM)' }) endTime: string;
  @ApiProperty({ description: '开始时刻 (instant)' }) startsAt: Date;
  @ApiProperty({ description: '结束时刻 (instant)' }) endsAt: Date;
  @ApiProperty({ description: '学时（半学时）(half hours)' }) halfHours: number;
  @ApiProperty({ description: '主题 (topic)' }) topic: string;
  @ApiProperty({ description: '教学方式 (method)' }) method: string;
  @ApiProperty({ description: '教师 id', nullable: true, type: String }) teacherId: string | null;
  @ApiProperty({ description: '教师或主讲人姓名', nullable: true, type: String })
  teacherName: string | null;
  @ApiProperty({ description: '教室', nullable: true, type: String }) room: string | null;
  @ApiProperty({ description: '状态 (scheduled / cancelled)' }) status: string;
}

export class ClassDto {
  @ApiProperty({ description: '班次 id' }) id: string;
  @ApiProperty({ description: '来源 (plan / municipal / street)' }) origin: string;
  @ApiProperty({ description: '项目计划书', nullable: true, type: String })
  projectPlanId: string | null;
  @ApiProperty({ description: '承办机构', nullable: true, type: String })
  institutionId: string | null;
  @ApiProperty({ description: '承办机构名称', nullable: true, type: String })
  institutionName: string | null;
  @ApiProperty({ description: '区', nullable: true, type: String }) districtId: string | null;
  @ApiProperty({ description: '街道（街道培训）', nullable: true, type: String })
  streetId: string | null;
  @ApiProperty({ description: '年度' }) year: number;
  @ApiProperty({ description: '类型' }) type: string;
  @ApiProperty({ description: '类型名称' }) typeLabel: string;
  @ApiProperty({ description: '名称' }) title: string;
  @ApiProperty({ description: '面向层级', type: [String] }) targetTiers: string[];
  @ApiProperty({ description: '面向进入方式', type: [String] }) targetChannels: string[];
  @ApiProperty({ description: '名额' }) capacity: number;
  @ApiProperty({ description: '已占名额（已报名 + 候补待确认）' }) taken: number;
  @ApiProperty({ description: '地点' }) location: string;
  @ApiProperty({ description: '报名开始' }) enrolOpensAt: Date;
  @ApiProperty({ description: '报名截止' }) enrolClosesAt: Date;
  @ApiProperty({ description: '费用（分）' }) feeFen: number;
  @ApiProperty({ description: '本班迟到认定（分钟），null 按政策', nullable: true, type: Number })
  lateThresholdMinutes: number | null;
  @ApiProperty({ description: '本班早退认定（分钟），null 按政策', nullable: true, type: Number })
  earlyThresholdMinutes: number | null;
  @ApiProperty({ description: '状态' }) status: string;
  @ApiProperty({ description: '当前可报名' }) enrolmentOpen: boolean;
  @ApiProperty({ description: '课时合计（半学时）' }) halfHours: number;
  @ApiProperty({ description: '首次课时间', nullable: true, type: Date }) startsAt: Date | null;
  @ApiProperty({ description: '末次课结束', nullable: true, type: Date }) endsAt: Date | null;
  @ApiProperty({ description: '取消原因', nullable: true, type: String })
  cancelReason: string | null;
  @ApiProperty({ description: '版本' }) version: number;
  @ApiProperty({ description: '课次', type: [SessionDto] }) sessions: SessionDto[];
}

export class ClassPageDto {
  @ApiProperty({ description: '班次', type: [ClassDto] }) items: ClassDto[];
  @ApiProperty({ description: '下一页游标', nullable: true, type: String })
  nextCursor: string | null;
}
