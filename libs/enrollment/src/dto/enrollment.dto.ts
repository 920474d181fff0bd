import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { ENROLLMENT_STATUSES } from '../enrollment.rules';

export class EnrolDto {
  @ApiPropertyOptional({
    description: '确认的费用（分），收费班次须与班次费用一致 (the fee the worker confirms, fen)',
    example: 0,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100_000_000)
  confirmFeeFen?: number;
}

export class BulkEnrolDto {
  @ApiProperty({ description: '社区工作者 (workers)', type: [String], format: 'uuid' })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  workerIds: string[];
}

export class EndEntryDto {
  @ApiPropertyOptional({ description: '原因 (reason)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  reason?: string;
}

export class RosterQuery {
  @ApiPropertyOptional({ description: '状态 (status)', enum: ENROLLMENT_STATUSES })
  @IsOptional()
  @IsIn(ENROLLMENT_STATUSES)
  status?: (typeof ENROLLMENT_STATUSES)[number];

  @ApiPropertyOptional({ description: '翻页游标 (cursor)' })
  @IsOptional()
  @IsString()
  @MaxLength(100)
  cursor?: string;

  @ApiPropertyOptional({ description: '每页条数 (≤ 500)', default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class EnrollmentDto {
  @ApiProperty({ description: '报名记录 id' }) id: string;
  @ApiProperty({ description: '班次' }) classId: string;
  @ApiProperty({ description: '班次名称' }) classTitle: string;
  @ApiProperty({ description: '社区工作者' }) workerId: string;
  @ApiProperty({ description: '姓名' }) workerName: string;
  @ApiProperty({
    description:
      '状态 (enrolled / waitlisted / offered / withdrawn / declined / expired / cancelled)',
  })
  status: string;
  @ApiProperty({ description: '来源 (self / bulk / nomination)' }) source: string;
  @ApiProperty({ description: '候补位次（候补中时）', nullable: true, type: Number })
  waitlistPosition: number | null;
  @ApiProperty({ description: '候补名额确认截止', nullable: true, type: Date })
  offeredUntil: Date | null;
  @ApiProperty({ description: '确认的费用（分）' }) feeFen: number;
  @ApiProperty({ description: '报名时间' }) createdAt: Date;
  @ApiProperty({ description: '结束时间（退出、取消等）', nullable: true, type: Date })
  endedAt: Date | null;
  @ApiProperty({ description: '结束原因', nullable: true, type: String }) endReason: string | null;
}

export class RosterEntryDto extends EnrollmentDto {
  @ApiProperty({ description: '身份证号（打码）(masked ID number)' }) idNumberMasked: string;
  @ApiProperty({ description: '社区' }) communityName: string;
  @ApiProperty({ description: '街道' }) streetName: string;
}

export class RosterPageDto {
  @ApiProperty({ description: '名单', type: [RosterEntryDto] }) items: RosterEntryDto[];
  @ApiProperty({ description: '下一页游标', nullable: true, type: String }) nextCursor:
    string | null;
  @ApiProperty({ description: '各状态人数 (counts by status)', type: Object })
  counts: Record<string, number>;
}

export class AvailabilityDto {
  @ApiProperty({ description: '班次' }) classId: string;
  @ApiProperty({ description: '可否报名' }) eligible: boolean;
  @ApiProperty({ description: '不可报名的规则代码', nullable: true, type: String })
  code: string | null;
  @ApiProperty({ description: '原因', nullable: true, type: String }) message: string | null;
  @ApiProperty({ description: '剩余名额' }) placesLeft: number;
  @ApiProperty({ description: '候补人数' }) waitlisted: number;
  @ApiProperty({ description: '费用（分）' }) feeFen: number;
  @ApiProperty({ description: '满员时将进入候补' }) wouldWaitlist: boolean;
}

export class BulkRefusalDto {
  @ApiProperty({ description: '社区工作者' }) workerId: string;
  @ApiProperty({ description: '姓名', nullable: true, type: String }) name: string | null;
  @ApiProperty({ description: '规则代码' }) code: string;
  @ApiProperty({ description: '原因' }) message: string;
}

export class BulkResultDto {
  @ApiProperty({ description: '已报名人数' }) enrolled: number;
  @ApiProperty({ description: '进入候补人数' }) waitlisted: number;
  @ApiProperty({ description: '报名记录', type: [EnrollmentDto] }) items: EnrollmentDto[];
}

export class NominateDto {
  @ApiProperty({ description: '社区工作者', format: 'uuid' })
  @IsUUID()
  workerId: string;

  @ApiProperty({ description: '进修年度 (year of the advanced study)', example: 2026 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiPropertyOptional({ description: '推荐理由 (why)' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class AcceptNominationDto {
  @ApiProperty({ description: '进修班次 (the advanced class)', format: 'uuid' })
  @IsUUID()
  classId: string;
}

export class RejectNominationDto {
  @ApiProperty({ description: '不予确认的原因 (reason)' })
  @IsString()
  @Length(2, 500)
  reason: string;
}

export class ListNominationsQuery {
  @ApiPropertyOptional({ description: '年度 (year)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({
    description: '状态 (status)',
    enum: ['pending', 'accepted', 'rejected', 'withdrawn'],
  })
  @IsOptional()
  @IsIn(['pending', 'accepted', 'rejected', 'withdrawn'])
  status?: 'pending' | 'accepted' | 'rejected' | 'withdrawn';
}

export class NominationDto {
  @ApiProperty({ description: '推荐 id' }) id: string;
  @ApiProperty({ description: '年度' }) year: number;
  @ApiProperty({ description: '社区工作者' }) workerId: string;
  @ApiProperty({ description: '姓名' }) workerName: string;
  @ApiProperty({ description: '区' }) districtId: string;
  @ApiProperty({ description: '上年度考核等次' }) grade: string;
  @ApiProperty({ description: '状态 (pending / accepted / rejected / withdrawn)' }) status: string;
  @ApiProperty({ description: '推荐理由', nullable: true, type: String })
  nominationReason: string | null;
  @ApiProperty({ description: '不予确认的原因', nullable: true, type: String })
  decisionReason: string | null;
  @ApiProperty({ description: '进修班次', nullable: true, type: String }) classId: string | null;
  @ApiProperty({ description: '推荐时间' }) createdAt: Date;
  @ApiProperty({ description: '决定时间', nullable: true, type: Date }) decidedAt: Date | null;
}

export class NominationListDto {
  @ApiProperty({ description: '推荐', type: [NominationDto] }) items: NominationDto[];
  @ApiProperty({ description: '本年度已确认人数' }) accepted: number;
  @ApiProperty({ description: '本年度名额（政策）' }) quota: number;
}
