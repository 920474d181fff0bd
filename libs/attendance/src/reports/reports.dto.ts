import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsOptional, IsString, Length, Matches } from 'class-validator';

export class MissingTraineeDto {
  @ApiProperty({ description: '报名记录（学员）(the trainee’s enrolment)', format: 'uuid' })
  enrollmentId: string;
  @ApiProperty({ description: '社区工作者 (the worker)', format: 'uuid' }) workerId: string;
  @ApiProperty({ description: '姓名 (name)' }) name: string;
  @ApiProperty({ description: '未记录 unmarked / 缺勤 absent', enum: ['unmarked', 'absent'] })
  status: 'unmarked' | 'absent';
}

export class MissingNowDto {
  @ApiProperty({ description: '课次 (session)', format: 'uuid' }) sessionId: string;
  @ApiProperty({ description: '课次是否已开始 (started)' }) started: boolean;
  @ApiProperty({ description: '应到人数 (trainees holding a place)' }) expected: number;
  @ApiProperty({ description: '此刻未到 (missing right now)', type: [MissingTraineeDto] })
  missing: MissingTraineeDto[];
}

export class GridSessionDto {
  @ApiProperty({ description: '课次 (session)', format: 'uuid' }) id: string;
  @ApiProperty({ description: '开始时间 (starts at)', format: 'date-time' }) startsAt: Date;
  @ApiProperty({ description: '课次主题 (topic)' }) topic: string;
  @ApiProperty({ description: '学时（半学时为单位）(half hours)' }) halfHours: number;
  @ApiProperty({ description: '已结束 (held)' }) held: boolean;
}

export class GridCellDto {
  @ApiProperty({
    description:
      '该课次的考勤状态，未记录为 null (present / late / left_early / leave / absent; null when not marked)',
    nullable: true,
    type: String,
  })
  status: string | null;
  @ApiProperty({ description: '该课次计入学时（半学时）(half hours credited for the session)' })
  creditedHalfHours: number;
}

export class GridRowDto {
  @ApiProperty({ description: '报名记录（学员）(the trainee’s enrolment)', format: 'uuid' })
  enrollmentId: string;
  @ApiProperty({ description: '姓名 (name)' }) name: string;
  @ApiProperty({ description: '身份证号（打码）(masked ID number)' }) idNumberMasked: string;
  @ApiProperty({
    description:
      '各课次考勤，与 sessions 顺序一致 (one cell per session, in the order of sessions)',
    type: [GridCellDto],
  })
  cells: GridCellDto[];
  @ApiProperty({ description: '已计学时（半学时）(half hours credited)' })
  creditedHalfHours: number;
  @ApiProperty({
    description:
      '要求学时（半学时）：政策对该学员的最低学时（不超过本班总学时），无则为本班总学时 (half hours required)',
  })
  requiredHalfHours: number;
  @ApiProperty({
    description:
      '出勤率 0..1：出勤（含迟到、早退）课次 ÷ 已举行课次，未举行时为 1 (attendance rate)',
  })
  attendanceRate: number;
  @ApiProperty({ description: '学时要求已满足 (hours requirement met)' }) met: boolean;
}

export class ClassGridDto {
  @ApiProperty({ description: '班次 (class)', format: 'uuid' }) classId: string;
  @ApiProperty({ description: '班次名称 (class title)' }) title: string;
  @ApiProperty({
    description:
      '承办单位名称（培训机构，无则为街道）(the institution or street running the class)',
  })
  institution: string;
  @ApiProperty({ description: '主管部门（报表抬头）(the authority at the head of the report)' })
  authority: string;
  @ApiProperty({ description: '时区，如 Asia/Shanghai (the time zone of local times)' })
  timeZone: string;
  @ApiProperty({ description: '课次（表格的列）(sessions, the columns)', type: [GridSessionDto] })
  sessions: GridSessionDto[];
  @ApiProperty({
    description: '已报名学员（表格的行）(enrolled trainees, the rows)',
    type: [GridRowDto],
  })
  rows: GridRowDto[];
}

export class ClassReportJobDto {
  @ApiProperty({ description: '队列名 (queue)' }) queue: string;
  @ApiProperty({ description: '任务 ID：生成后用它下载 (the job; download the PDF with it)' })
  jobId: string;
  @ApiProperty({ description: '任务状态：已排队 (pending)', enum: ['pending'] }) status: 'pending';
}

export class ReportFileQuery {
  @ApiProperty({ description: '生成任务 ID (the job id returned when requested)' })
  @IsString()
  @Matches(/^attendance-report\.[0-9a-f-]{36}\.[0-9a-f]{16}$/)
  job: string;
}

export class StreetAttendanceDto {
  @ApiProperty({ description: '街道 (street)', format: 'uuid' }) streetId: string;
  @ApiProperty({ description: '街道名称 (street name)' }) street: string;
  @ApiProperty({
    description: '参训人次：本街道工作者在本年度开班中的报名数 (places held in the year’s classes)',
  })
  trainees: number;
  @ApiProperty({ description: '已举行的课次人次 (places × sessions held)' }) sessionsHeld: number;
  @ApiProperty({ description: '出勤人次（出勤、迟到、早退）(present, late or left early)' })
  attended: number;
  @ApiProperty({ description: '请假人次 (on leave)' }) leave: number;
  @ApiProperty({ description: '缺勤人次 (absent)' }) absent: number;
  @ApiProperty({ description: '已举行但未记录的人次 (held but not marked)' }) unmarked: number;
  @ApiProperty({
    description: '出勤率 0..1：出勤人次 ÷ 已举行人次，无已举行课次时为 1 (attendance rate)',
  })
  attendanceRate: number;
}

export class DistrictAttendanceDto {
  @ApiProperty({ description: '区 (district)', format: 'uuid' }) districtId: string;
  @ApiProperty({ description: '区名称 (district name)' }) district: string;
  @ApiProperty({ description: '年度，默认本年 (year, this year by default)' }) year: number;
  @ApiProperty({ description: '全区出勤率 0..1 (the district’s attendance rate)' })
  attendanceRate: number;
  @ApiProperty({ description: '各街道 (by street)', type: [StreetAttendanceDto] })
  streets: StreetAttendanceDto[];
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
  @ApiProperty({ description: '班次 (class)', format: 'uuid' }) classId: string;
  @ApiProperty({ description: '有新增或更改考勤的课次数 (sessions whose marks were written)' })
  sessions: number;
  @ApiProperty({ description: '写入的考勤条数 (marks written)' }) written: number;
  @ApiProperty({ description: '与已有考勤相同、未改动的条数 (marks unchanged)' }) unchanged: number;
  @ApiProperty({ description: '上传文件的 SHA-256 (the uploaded file’s hash)' })
  fileSha256: string;
}
