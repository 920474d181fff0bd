import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
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
  Min,
  ValidateNested,
} from 'class-validator';
import { MARK_STATUSES } from '../attendance.rules';

export class MarkInputDto {
  @ApiProperty({ description: '报名记录（学员）(the trainee’s enrolment)', format: 'uuid' })
  @IsUUID()
  enrollmentId: string;

  @ApiProperty({
    description: '考勤状态 (present / late / left_early / leave / absent)',
    enum: MARK_STATUSES,
  })
  @IsIn(MARK_STATUSES)
  status: (typeof MARK_STATUSES)[number];

  @ApiPropertyOptional({ description: '迟到分钟数 (minutes late)', default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1440)
  minutesLate?: number;

  @ApiPropertyOptional({ description: '早退分钟数 (minutes early)', default: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1440)
  minutesEarly?: number;

  @ApiPropertyOptional({ description: '备注 (note)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  note?: string;
}

export class MarkRosterDto {
  @ApiProperty({ description: '考勤 (marks, one per trainee)', type: [MarkInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => MarkInputDto)
  marks: MarkInputDto[];

  @ApiPropertyOptional({
    description: '更正原因（更改已有记录时必填）(reason, required to change existing marks)',
  })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  reason?: string;
}

export class MarkOneDto {
  @ApiProperty({ description: '考勤状态', enum: MARK_STATUSES })
  @IsIn(MARK_STATUSES)
  status: (typeof MARK_STATUSES)[number];

  @ApiPropertyOptional({ description: '迟到分钟数' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1440)
  minutesLate?: number;

  @ApiPropertyOptional({ description: '早退分钟数' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1440)
  minutesEarly?: number;

  @ApiPropertyOptional({ description: '备注' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  note?: string;

  @ApiPropertyOptional({ description: '更正原因（更改已有记录时必填）' })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  reason?: string;
}

const CLIENT_REF = /^[A-Za-z0-9_-]{8,64}$/;

export class CheckInDto {
  @ApiProperty({ description: '课次 (session)', format: 'uuid' })
  @IsUUID()
  sessionId: string;

  @ApiProperty({
    description: '二维码中的令牌 (the token in the QR code URL)',
    example: '59966180.abcdEFGHijkl1234',
  })
  @IsString()
  @Length(3, 40)
  token: string;

  @ApiPropertyOptional({ description: '签到或签退 (in / out)', enum: ['in', 'out'], default: 'in' })
  @IsOptional()
  @IsIn(['in', 'out'])
  direction?: 'in' | 'out';

  @ApiPropertyOptional({ description: '离线扫码时间（联网后补交）(when an offline phone scanned)' })
  @IsOptional()
  @IsDateString({ strict: true })
  scannedAt?: string;

  @ApiPropertyOptional({
    description:
      '手机生成的请求编号，重试时不变 (the phone’s id of this check-in, kept on retries)',
  })
  @IsOptional()
  @Matches(CLIENT_REF, { message: 'clientRef must be 8-64 letters, digits, - or _' })
  clientRef?: string;
}

export class CodeCheckInDto {
  @ApiProperty({
    description: '投屏上显示的 6 位签到码 (the 6-digit code on the screen)',
    example: '048213',
  })
  @Matches(/^\d{6}$/, { message: 'code must be 6 digits' })
  code: string;

  @ApiPropertyOptional({ description: '签到或签退', enum: ['in', 'out'], default: 'in' })
  @IsOptional()
  @IsIn(['in', 'out'])
  direction?: 'in' | 'out';

  @ApiPropertyOptional({ description: '请求编号（重试不变）' })
  @IsOptional()
  @Matches(CLIENT_REF, { message: 'clientRef must be 8-64 letters, digits, - or _' })
  clientRef?: string;
}

export class LeaveRequestInputDto {
  @ApiProperty({ description: '请假事由 (reason)' })
  @IsString()
  @Length(2, 500)
  reason: string;
}

export class LeaveDecisionDto {
  @ApiPropertyOptional({ description: '说明 (note)' })
  @IsOptional()
  @IsString()
  @Length(1, 200)
  note?: string;
}

export class HoursQuery {
  @ApiPropertyOptional({ description: '年度 (year)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class MarkDto {
  @ApiProperty({ description: '报名记录' }) enrollmentId: string;
  @ApiProperty({ description: '社区工作者' }) workerId: string;
  @ApiProperty({ description: '姓名' }) name: string;
  @ApiProperty({ description: '身份证号（打码）' }) idNumberMasked: string;
  @ApiProperty({ description: '考勤状态，未记录为 null', nullable: true, type: String }) status:
    string | null;
  @ApiProperty({ description: '迟到分钟' }) minutesLate: number;
  @ApiProperty({ description: '早退分钟' }) minutesEarly: number;
  @ApiProperty({ description: '签到时间', nullable: true, type: Date }) checkInAt: Date | null;
  @ApiProperty({ description: '签退时间', nullable: true, type: Date }) checkOutAt: Date | null;
  @ApiProperty({
    description: '来源 (staff / self / code / offline / paper / leave)',
    nullable: true,
    type: String,
  })
  source: string | null;
  @ApiProperty({ description: '计入学时（半学时）' }) creditedHalfHours: number;
  @ApiProperty({ description: '待审批的请假', nullable: true, type: String }) pendingLeaveId:
    string | null;
  @ApiProperty({ description: '版本', nullable: true, type: Number }) version: number | null;
}

export class SessionAttendanceDto {
  @ApiProperty({ description: '课次' }) sessionId: string;
  @ApiProperty({ description: '班次' }) classId: string;
  @ApiProperty({ description: '开始' }) startsAt: Date;
  @ApiProperty({ description: '结束' }) endsAt: Date;
  @ApiProperty({ description: '学时（半学时）' }) halfHours: number;
  @ApiProperty({ description: '各状态人数（unmarked: 未记录）', type: Object }) counts: Record<
    string,
    number
  >;
  @ApiProperty({
    description: '此刻未到的学员（课次进行中或已结束、未签到且未请假）',
    type: [String],
  })
  missingNow: string[];
  @ApiProperty({ description: '名单与考勤', type: [MarkDto] }) marks: MarkDto[];
}

export class CheckInCodeDto {
  @ApiProperty({ description: '签到页地址（二维码内容）' }) url: string;
  @ApiProperty({ description: '令牌' }) token: string;
  @ApiProperty({ description: '6 位签到码' }) code: string;
  @ApiProperty({ description: '本令牌的失效时间（此后换新）' }) rotatesAt: Date;
  @ApiProperty({ description: '轮换周期（秒）' }) periodSeconds: number;
  @ApiProperty({ description: '本课次需要签退' }) checkOut: boolean;
}

export class CheckInResultDto {
  @ApiProperty({ description: '课次' }) sessionId: string;
  @ApiProperty({ description: '班次名称' }) classTitle: string;
  @ApiProperty({ description: '考勤状态' }) status: string;
  @ApiProperty({ description: '迟到分钟' }) minutesLate: number;
  @ApiProperty({ description: '早退分钟' }) minutesEarly: number;
  @ApiProperty({ description: '签到时间', nullable: true, type: Date }) checkInAt: Date | null;
  @ApiProperty({ description: '签退时间', nullable: true, type: Date }) checkOutAt: Date | null;
  @ApiProperty({ description: '是同一请求的重试（未重复记录）' }) repeated: boolean;
}

export class LeaveRequestDto {
  @ApiProperty({ description: '请假 id' }) id: string;
  @ApiProperty({ description: '课次' }) sessionId: string;
  @ApiProperty({ description: '班次' }) classId: string;
  @ApiProperty({ description: '社区工作者' }) workerId: string;
  @ApiProperty({ description: '姓名' }) name: string;
  @ApiProperty({ description: '事由' }) reason: string;
  @ApiProperty({ description: '状态 (pending / approved / refused / cancelled)' }) status: string;
  @ApiProperty({ description: '说明', nullable: true, type: String }) decisionNote: string | null;
  @ApiProperty({ description: '提交时间' }) createdAt: Date;
  @ApiProperty({ description: '决定时间', nullable: true, type: Date }) decidedAt: Date | null;
}

export class SessionHoursDto {
  @ApiProperty({ description: '课次' }) sessionId: string;
  @ApiProperty({ description: '开始' }) startsAt: Date;
  @ApiProperty({ description: '学时（半学时）' }) halfHours: number;
  @ApiProperty({ description: '已结束' }) held: boolean;
  @ApiProperty({ description: '考勤', nullable: true, type: String }) status: string | null;
  @ApiProperty({ description: '计入学时（半学时）' }) creditedHalfHours: number;
}

export class EnrollmentHoursDto {
  @ApiProperty({ description: '报名记录' }) enrollmentId: string;
  @ApiProperty({ description: '班次' }) classId: string;
  @ApiProperty({ description: '培训类型' }) type: string;
  @ApiProperty({ description: '已计学时（半学时）' }) creditedHalfHours: number;
  @ApiProperty({ description: '要求学时（半学时）：政策对该学员的最低学时，无则为本班总学时' })
  requiredHalfHours: number;
  @ApiProperty({ description: '已举行课次' }) sessionsHeld: number;
  @ApiProperty({ description: '出勤课次（出勤、迟到、早退）' }) sessionsAttended: number;
  @ApiProperty({ description: '出勤率 0..1' }) attendanceRate: number;
  @ApiProperty({ description: '学时要求已满足（考试与证书依据）' }) met: boolean;
  @ApiProperty({ description: '各课次', type: [SessionHoursDto] }) sessions: SessionHoursDto[];
}

export class TypeHoursDto {
  @ApiProperty({ description: '培训类型' }) type: string;
  @ApiProperty({ description: '类型名称' }) label: string;
  @ApiProperty({ description: '已计学时（半学时）' }) creditedHalfHours: number;
  @ApiProperty({ description: '政策最低学时（半学时），无则为 null', nullable: true, type: Number })
  requiredHalfHours: number | null;
  @ApiProperty({ description: '班次数' }) classes: number;
}

export class WorkerHoursDto {
  @ApiProperty({ description: '社区工作者' }) workerId: string;
  @ApiProperty({ description: '年度' }) year: number;
  @ApiProperty({ description: '各类型学时', type: [TypeHoursDto] }) types: TypeHoursDto[];
  @ApiProperty({ description: '合计（半学时）' }) totalHalfHours: number;
}
