import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

export class MissingTraineeDto {
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ format: 'uuid' }) workerId: string;
  @ApiProperty({ description: '姓名' }) name: string;
  @ApiProperty({ description: '未记录 unmarked / 缺勤 absent', enum: ['unmarked', 'absent'] })
  status: 'unmarked' | 'absent';
}

export class MissingNowDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ description: '课次是否已开始 (started)' }) started: boolean;
  @ApiProperty({ description: '应到人数 (trainees holding a place)' }) expected: number;
  @ApiProperty({ description: '此刻未到 (missing right now)', type: [MissingTraineeDto] })
  missing: MissingTraineeDto[];
}

export class GridSessionDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'date-time' }) startsAt: Date;
  @ApiProperty() topic: string;
  @ApiProperty({ description: '学时（半学时为单位）(half hours)' }) halfHours: number;
  @ApiProperty({ description: '已结束 (held)' }) held: boolean;
}

export class GridCellDto {
  @ApiProperty({ nullable: true, type: String }) status: string | null;
  @ApiProperty() creditedHalfHours: number;
}

export class GridRowDto {
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty() name: string;
  @ApiProperty() idNumberMasked: string;
  @ApiProperty({ type: [GridCellDto] }) cells: GridCellDto[];
  @ApiProperty() creditedHalfHours: number;
  @ApiProperty() requiredHalfHours: number;
  @ApiProperty() attendanceRate: number;
  @ApiProperty() met: boolean;
}

export class ClassGridDto {
  @ApiProperty({ format: 'uuid' }) classId: string;
  @ApiProperty() title: string;
  @ApiProperty() institution: string;
  @ApiProperty() authority: string;
  @ApiProperty() timeZone: string;
  @ApiProperty({ type: [GridSessionDto] }) sessions: GridSessionDto[];
  @ApiProperty({ type: [GridRowDto] }) rows: GridRowDto[];
}

export class ClassReportJobDto {
  @ApiProperty() queue: string;
  @ApiProperty({ description: '任务 ID：生成后用它下载 (the job; download the PDF with it)' })
  jobId: string;
  @ApiProperty({ enum: ['pending'] }) status: 'pending';
}

export class ReportFileQuery {
  @ApiProperty({ description: '生成任务 ID (the job id returned when requested)' })
  @IsString()
  @Matches(/^attendance-report\.[0-9a-f-]{36}\.[0-9a-f]{16}$/)
  job: string;
}

export class StreetAttendanceDto {
  @ApiProperty({ format: 'uuid' }) streetId: string;
  @ApiProperty() street: string;
  @ApiProperty({ description: '参训人数 (trainees)' }) trainees: number;
  @ApiProperty({ description: '已举行的课次人次 (places × sessions held)' }) sessionsHeld: number;
  @ApiProperty() attended: number;
  @ApiProperty() leave: number;
  @ApiProperty() absent: number;
  @ApiProperty() unmarked: number;
  @ApiProperty({ description: '出勤率 0..1' }) attendanceRate: number;
}

export class DistrictAttendanceDto {
  @ApiProperty({ format: 'uuid' }) districtId: string;
  @ApiProperty() district: string;
  @ApiProperty() year: number;
  @ApiProperty({ description: '全区出勤率 0..1' }) attendanceRate: number;
  @ApiProperty({ type: [StreetAttendanceDto] }) streets: StreetAttendanceDto[];
}

export class SheetUploadDto {
  @ApiPropertyOptional({
    description: '更正原因（更改已有考勤时必填）(reason, required to change existing marks)',
  })
  @IsOptional()
  @IsString()
  @Length(2, 200)
  reason?: string;
}

export class SheetUploadResultDto {
  @ApiProperty({ format: 'uuid' }) classId: string;
  @ApiProperty({ description: '写入的课次数' }) sessions: number;
  @ApiProperty({ description: '写入的考勤条数' }) written: number;
  @ApiProperty({ description: '未改动的考勤条数' }) unchanged: number;
  @ApiProperty() fileSha256: string;
}
