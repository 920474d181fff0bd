import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, IsUUID, Length, Matches, Max, Min } from 'class-validator';

export class YearQuery {
  @ApiProperty({ description: '年度 (year)', example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

export class WorkerYearParams {
  @ApiProperty({ description: '社区工作者 ID', format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({ description: '年度 (year)', example: 2026 })
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;
}

export class RecomputeDto extends YearQuery {
  @ApiPropertyOptional({
    description: '区（缺省：全部；区管理员为本区）(district)',
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID()
  districtId?: string;
}

export class LimitsQuery extends YearQuery {
  @ApiPropertyOptional({ description: '街道（街道管理员为本街道）(street)', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  streetId?: string;

  @ApiPropertyOptional({ description: '翻页游标，按姓名排序 (cursor from the previous page)' })
  @IsOptional()
  @Matches(/^[A-Za-z0-9_-]{1,400}$/, {
    message: 'cursor must be the nextCursor of the previous page',
  })
  cursor?: string;

  @ApiPropertyOptional({ description: '每页人数 1-200 (page size)', default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class ReportQuery extends YearQuery {
  @ApiPropertyOptional({
    description: '市、区或街道（缺省：本单位）(municipality, district or street)',
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID()
  unitId?: string;
}

export class GradeOverrideDto {
  @ApiProperty({ description: '准予评定的等次代码 (grade code)', example: 'excellent' })
  @IsString()
  @Length(1, 30)
  grade: string;

  @ApiProperty({ description: '书面理由 (written reason, 10–500 characters)' })
  @IsString()
  @Length(10, 500)
  reason: string;
}

@ApiSchema({ name: 'AssessmentJobRefDto' })
export class JobRefDto {
  @ApiProperty({ description: '队列名 (queue)' }) queue: string;
  @ApiProperty({
    description: '任务 ID，用 GET /api/v1/jobs/{queue}/{jobId} 查询进度 (job id to poll)',
  })
  jobId: string;
}

export class ReportRowDto {
  @ApiProperty({
    description: '单位 ID：下级区或街道（街道报表为本街道），合计行为报表单位 (unit id)',
  })
  unitId: string;
  @ApiProperty({ description: '单位名称 (unit name)' }) unitName: string;
  @ApiProperty({ description: '有记录的人数 (workers with a record)' }) workers: number;
  @ApiProperty({ description: '必训全部达标人数 (workers meeting every mandatory requirement)' })
  compliant: number;
  @ApiProperty({ description: '缺初任培训人数 (workers missing induction training)' })
  missingInduction: number;
  @ApiProperty({ description: '缺岗位培训学时人数 (workers short of post training hours)' })
  missingPost: number;
  @ApiProperty({ description: '人均学时，保留一位小数 (average hours per worker)' })
  averageHours: number;
  @ApiProperty({
    description: '考试人次（未知为 null）(exams taken; null when unknown)',
    nullable: true,
    type: Number,
  })
  examsTaken: number | null;
  @ApiProperty({
    description: '考试合格人次（未知为 null）(exams passed; null when unknown)',
    nullable: true,
    type: Number,
  })
  examsPassed: number | null;
  @ApiProperty({
    description: '考试合格率 0..1，无考试为 null (exam pass rate)',
    nullable: true,
    type: Number,
  })
  passRate: number | null;
  @ApiProperty({ description: '考核等次受限人数 (workers whose assessment grade is limited)' })
  limited: number;
}

export class TrainingReportDto {
  @ApiProperty({ description: '年度 (year)' }) year: number;
  @ApiProperty({ description: '报表单位：市、区或街道 (reporting unit)' }) unitId: string;
  @ApiProperty({ description: '报表单位名称 (reporting unit name)' }) unitName: string;
  @ApiProperty({
    description: '报表单位类别 (municipality / district / street)',
  })
  unitKind: string;
  @ApiProperty({ type: ReportRowDto, description: '合计 (totals for the whole unit)' })
  total: ReportRowDto;
  @ApiProperty({ type: [ReportRowDto], description: '按下级单位 (by district or street)' })
  rows: ReportRowDto[];
  @ApiProperty({
    type: Object,
    isArray: true,
    description:
      '未达标人员（至多 500）：workerId、name、streetName、missing（induction / post）(workers not compliant, at most 500)',
  })
  missing: { workerId: string; name: string; streetName: string; missing: string[] }[];
}
