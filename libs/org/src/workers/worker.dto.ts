import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
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
} from 'class-validator';
import {
  ENTRY_CHANNELS,
  EntryChannel,
  GENDERS,
  Gender,
  POSITION_TIERS,
  POST_CODES,
  PositionTier,
  Post,
  QUALIFICATIONS,
  Qualification,
  WORKER_STATUSES,
  WorkerStatus,
} from './workers.rules';
import { OptionalNotNull } from '@peixun/core';

const DATE = { message: '$property must be a date YYYY-MM-DD' };
const PHONE = /^[0-9+\- ]{5,20}$/;

export class CreateWorkerDto {
  @ApiProperty({ description: '姓名 (name)', example: '李四' })
  @IsString()
  @Length(1, 50)
  name: string;

  @ApiPropertyOptional({
    description: '性别；缺省按身份证号 (gender; defaults to the ID number’s)',
    enum: GENDERS,
  })
  @IsOptional()
  @IsIn(GENDERS)
  gender?: Gender;

  @ApiPropertyOptional({
    description: '出生日期；缺省按身份证号 (birth date)',
    example: '1990-03-07',
  })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  birthDate?: string;

  @ApiProperty({
    description: '身份证号，18 位，校验位 (resident ID number)',
    example: '110101199003076632',
  })
  @IsString()
  @Length(18, 18)
  idNumber: string;

  @ApiPropertyOptional({ description: '联系电话 (phone)', example: '13800000000' })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be 5-20 digits' })
  phone?: string;

  @ApiProperty({ description: '所在社区 ID (community)', format: 'uuid' })
  @IsUUID()
  communityId: string;

  @ApiProperty({
    description: '岗位层级：head 正职 / deputy 副职 / staff 一般工作人员',
    enum: POSITION_TIERS,
  })
  @IsIn(POSITION_TIERS)
  positionTier: PositionTier;

  @ApiPropertyOptional({ description: '职务 (post)', enum: POST_CODES })
  @IsOptional()
  @IsIn(POST_CODES)
  post?: Post;

  @ApiProperty({ description: '进入方式 (entry channel)', enum: ENTRY_CHANNELS })
  @IsIn(ENTRY_CHANNELS)
  entryChannel: EntryChannel;

  @ApiProperty({
    description: '社区工作起始日期 (started community work on)',
    example: '2015-07-01',
  })
  @IsDateString({ strict: true }, DATE)
  startedOn: string;

  @ApiPropertyOptional({
    description: '社会工作职业资格 (social-work qualification)',
    enum: QUALIFICATIONS,
  })
  @IsOptional()
  @IsIn(QUALIFICATIONS)
  qualification?: Qualification;

  @ApiPropertyOptional({ description: '资格证书编号 (certificate number)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  qualificationCertNo?: string;

  @ApiPropertyOptional({ description: '取得资格日期 (qualified on)', example: '2019-06-20' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  qualificationOn?: string;
}

export class UpdateWorkerDto {
  @ApiPropertyOptional({ description: '姓名 (name)' })
  @OptionalNotNull()
  @IsString()
  @Length(1, 50)
  name?: string;

  @ApiPropertyOptional({ description: '联系电话 (phone)' })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be 5-20 digits' })
  phone?: string;

  @ApiPropertyOptional({ description: '社会工作职业资格 (qualification)', enum: QUALIFICATIONS })
  @OptionalNotNull()
  @IsIn(QUALIFICATIONS)
  qualification?: Qualification;

  @ApiPropertyOptional({ description: '资格证书编号 (certificate number)' })
  @IsOptional()
  @IsString()
  @MaxLength(40)
  qualificationCertNo?: string;

  @ApiPropertyOptional({ description: '取得资格日期 (qualified on)' })
  @IsOptional()
  @IsDateString({ strict: true }, DATE)
  qualificationOn?: string;

  @ApiProperty({
    description: '读取时的版本号，防止覆盖他人修改 (version you read; optimistic lock)',
  })
  @IsInt()
  @Min(1)
  version: number;
}

export class PostChangeDto {
  @ApiProperty({ description: '新岗位层级 (new tier)', enum: POSITION_TIERS })
  @IsIn(POSITION_TIERS)
  positionTier: PositionTier;

  @ApiPropertyOptional({ description: '新职务 (new post)', enum: POST_CODES })
  @IsOptional()
  @IsIn(POST_CODES)
  post?: Post;

  @ApiProperty({ description: '生效日期 (effective on)', example: '2026-01-01' })
  @IsDateString({ strict: true }, DATE)
  effectiveOn: string;

  @ApiPropertyOptional({ description: '原因 (reason)', example: '换届选举' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

export class TransferDto {
  @ApiProperty({ description: '调入社区 ID (new community)', format: 'uuid' })
  @IsUUID()
  communityId: string;

  @ApiProperty({ description: '生效日期 (effective on)' })
  @IsDateString({ strict: true }, DATE)
  effectiveOn: string;

  @ApiPropertyOptional({ description: '原因 (reason)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

export class StatusChangeDto {
  @ApiProperty({
    description: '状态：active 在职 / left 离职 / retired 退休',
    enum: WORKER_STATUSES,
  })
  @IsIn(WORKER_STATUSES)
  status: WorkerStatus;

  @ApiProperty({ description: '生效日期 (effective on)' })
  @IsDateString({ strict: true }, DATE)
  effectiveOn: string;

  @ApiPropertyOptional({ description: '原因 (reason)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  reason?: string;
}

export class RecordGradeDto {
  @ApiProperty({
    description: '考核等次：政策中的代码或中文 (grade code or label, e.g. excellent / 优秀)',
  })
  @IsString()
  @Length(1, 30)
  grade: string;

  @ApiPropertyOptional({ description: '备注 (note)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  note?: string;
}

/** Filters shared by the list and the export. */
export class WorkerFiltersDto {
  @ApiPropertyOptional({ description: '区 (district)', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @ApiPropertyOptional({ description: '街道 (street)', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  streetId?: string;

  @ApiPropertyOptional({ description: '社区 (community)', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  communityId?: string;

  @ApiPropertyOptional({ description: '岗位层级 (tier)', enum: POSITION_TIERS })
  @IsOptional()
  @IsIn(POSITION_TIERS)
  positionTier?: PositionTier;

  @ApiPropertyOptional({ description: '进入方式 (entry channel)', enum: ENTRY_CHANNELS })
  @IsOptional()
  @IsIn(ENTRY_CHANNELS)
  entryChannel?: EntryChannel;

  @ApiPropertyOptional({ description: '社工资格 (qualification)', enum: QUALIFICATIONS })
  @IsOptional()
  @IsIn(QUALIFICATIONS)
  qualification?: Qualification;

  @ApiPropertyOptional({ description: '状态 (status)', enum: WORKER_STATUSES })
  @IsOptional()
  @IsIn(WORKER_STATUSES)
  status?: WorkerStatus;

  @ApiPropertyOptional({ description: '姓名包含 (name contains)' })
  @IsOptional()
  @IsString()
  @Length(1, 50)
  name?: string;

  @ApiPropertyOptional({ description: '身份证号（完整 18 位）(exact ID number)' })
  @IsOptional()
  @Matches(/^\d{17}[\dXx]$/, { message: 'idNumber must be 18 characters' })
  idNumber?: string;

  @ApiPropertyOptional({ description: '联系电话（完整号码）(exact phone number)' })
  @IsOptional()
  @Matches(PHONE, { message: 'phone must be 5-20 digits' })
  phone?: string;
}

export class ListWorkersQuery extends WorkerFiltersDto {
  @ApiPropertyOptional({ description: '翻页游标 (cursor from the previous page)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/, {
    message: 'cursor must be the nextCursor of the previous page',
  })
  cursor?: string;

  @ApiPropertyOptional({ description: '每页条数 1-200 (page size)', default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class WorkerYearParams {
  @ApiProperty({ description: '社区工作者 ID', format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({ description: '考核年度 (assessment year)', example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

export class WorkerDto {
  @ApiProperty({ description: 'ID', format: 'uuid' }) id: string;
  @ApiProperty({ description: '姓名' }) name: string;
  @ApiProperty({ description: '性别', enum: GENDERS }) gender: Gender;
  @ApiProperty({ description: '出生日期' }) birthDate: string;
  @ApiProperty({
    description: '身份证号；非本人及其管理者时打码 (masked outside the chain of administration)',
  })
  idNumber: string;
  @ApiProperty({ description: '身份证号是否已打码 (whether idNumber is masked)' })
  idNumberMasked: boolean;
  @ApiProperty({ description: '联系电话', nullable: true, type: String }) phone: string | null;
  @ApiProperty({ description: '社区 ID' }) communityId: string;
  @ApiProperty({ description: '街道 ID' }) streetId: string;
  @ApiProperty({ description: '区 ID' }) districtId: string;
  @ApiProperty({ description: '岗位层级', enum: POSITION_TIERS }) positionTier: PositionTier;
  @ApiProperty({ description: '职务', nullable: true, enum: POST_CODES }) post: Post | null;
  @ApiProperty({ description: '进入方式', enum: ENTRY_CHANNELS }) entryChannel: EntryChannel;
  @ApiProperty({ description: '社区工作起始日期' }) startedOn: string;
  @ApiProperty({ description: '社工资格', enum: QUALIFICATIONS }) qualification: Qualification;
  @ApiProperty({ description: '资格证书编号', nullable: true, type: String }) qualificationCertNo:
    string | null;
  @ApiProperty({ description: '取得资格日期', nullable: true, type: String }) qualificationOn:
    string | null;
  @ApiProperty({ description: '状态', enum: WORKER_STATUSES }) status: WorkerStatus;
  @ApiProperty({ description: '版本号 (for optimistic locking)' }) version: number;
}

export class WorkerPageDto {
  @ApiProperty({ description: '社区工作者，按姓名排序 (by name)', type: [WorkerDto] })
  items: WorkerDto[];
  @ApiProperty({ description: '下一页游标 (next cursor)', nullable: true, type: String })
  nextCursor: string | null;
}

export class PostHistoryDto {
  @ApiProperty({ description: '变动类型 initial / post_change / transfer / status_change' })
  changeKind: string;
  @ApiProperty({ description: '社区 ID' }) communityId: string;
  @ApiProperty({ description: '社区名称', nullable: true, type: String }) communityName:
    string | null;
  @ApiProperty({ description: '岗位层级' }) positionTier: string;
  @ApiProperty({ description: '职务', nullable: true, type: String }) post: string | null;
  @ApiProperty({ description: '状态' }) status: string;
  @ApiProperty({ description: '生效日期' }) effectiveOn: string;
  @ApiProperty({ description: '原因', nullable: true, type: String }) reason: string | null;
  @ApiProperty({ description: '记录时间', format: 'date-time' }) recordedAt: Date;
}

export class GradeDto {
  @ApiProperty({ description: '年度' }) year: number;
  @ApiProperty({ description: '等次代码 (grade code)' }) grade: string;
  @ApiProperty({ description: '等次名称 (grade label)' }) label: string;
  @ApiProperty({ description: '适用政策 (policy)' }) policyId: string;
  @ApiProperty({ description: '备注', nullable: true, type: String }) note: string | null;
  @ApiProperty({ description: '记录时间', format: 'date-time' }) recordedAt: Date;
}

export class WorkerFileDto {
  @ApiProperty({ description: '基本情况 (facts)', type: WorkerDto }) worker: WorkerDto;
  @ApiProperty({ description: '所在社区、街道、区名称 (place names)', type: Object })
  place: { community: string | null; street: string | null; district: string | null };
  @ApiProperty({ description: '岗位变化情况 (post history, oldest first)', type: [PostHistoryDto] })
  postHistory: PostHistoryDto[];
  @ApiProperty({ description: '考核评议 (annual grades, newest first)', type: [GradeDto] })
  assessments: GradeDto[];
  @ApiProperty({ description: '是否有账号 (has an account)' }) hasAccount: boolean;
}
