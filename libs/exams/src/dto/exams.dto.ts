import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
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
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export class CreateExamDto {
  @ApiPropertyOptional({ description: '第几次考核（1 为首次，2 起为补考）(attempt)', default: 1 })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(11)
  attempt?: number;

  @ApiProperty({ description: '考核日期 (date held, YYYY-MM-DD)', example: '2026-11-30' })
  @Matches(DATE, { message: 'heldOn must be a date YYYY-MM-DD' })
  heldOn: string;

  @ApiProperty({ description: '记分方式 (score / pass_fail)', enum: ['score', 'pass_fail'] })
  @IsIn(['score', 'pass_fail'])
  mode: 'score' | 'pass_fail';

  @ApiProperty({ description: '监督人姓名 (the authority’s supervisor)' })
  @IsString()
  @Length(1, 50)
  supervisorName: string;

  @ApiProperty({
    description: '监督单位：委托培训的区或市民政局 (supervising authority unit)',
    format: 'uuid',
  })
  @IsUUID()
  supervisorOrgId: string;
}

export class ResultInputDto {
  @ApiProperty({ description: '报名记录（学员）(the trainee’s enrolment)', format: 'uuid' })
  @IsUUID()
  enrollmentId: string;

  @ApiPropertyOptional({ description: '成绩（记分考核）(score)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1000)
  score?: number;

  @ApiPropertyOptional({ description: '是否合格（合格/不合格考核）(passed)' })
  @IsOptional()
  @IsBoolean()
  passed?: boolean;
}

export class RecordResultsDto {
  @ApiProperty({
    description: '各学员的考核结果，同一学员只能出现一次 (one result per trainee, 1–2000)',
    type: [ResultInputDto],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => ResultInputDto)
  results: ResultInputDto[];
}

export class ExamDto {
  @ApiProperty({ description: '考核 ID (exam id)' }) id: string;
  @ApiProperty({ description: '班次 (class)' }) classId: string;
  @ApiProperty({ description: '第几次考核（1 为首次，2 起为补考）(attempt)' }) attempt: number;
  @ApiProperty({ description: '考核日期 (date held, YYYY-MM-DD)' }) heldOn: string;
  @ApiProperty({ description: '记分方式 (score / pass_fail)', enum: ['score', 'pass_fail'] })
  mode: string;
  @ApiProperty({ description: '满分，登记考核时的政策值 (max score, fixed when recorded)' })
  maxScore: number;
  @ApiProperty({ description: '合格分数，登记考核时的政策值 (pass score, fixed when recorded)' })
  passScore: number;
  @ApiProperty({ description: '监督人姓名 (the authority’s supervisor)' }) supervisorName: string;
  @ApiProperty({ description: '监督单位：委托培训的区或市民政局 (supervising authority unit)' })
  supervisorOrgId: string;
  @ApiProperty({ description: '已登记成绩的学员数 (results recorded)' }) results: number;
  @ApiProperty({ description: '其中合格人数 (of which passed)' }) passed: number;
}

export class ExamResultDto {
  @ApiProperty({ description: '考核 (exam)' }) examId: string;
  @ApiProperty({ description: '第几次考核（1 为首次，2 起为补考）(attempt)' }) attempt: number;
  @ApiProperty({
    description: '成绩，合格/不合格考核为 null (score; null for a pass/fail exam)',
    nullable: true,
    type: Number,
  })
  score: number | null;
  @ApiProperty({ description: '是否合格 (passed)' }) passed: boolean;
}

@ApiSchema({ name: 'ExamRosterEntryDto' })
export class RosterEntryDto {
  @ApiProperty({ description: '报名记录（学员）(the trainee’s enrolment)' }) enrollmentId: string;
  @ApiProperty({ description: '社区工作者 (worker)' }) workerId: string;
  @ApiProperty({ description: '姓名 (name)' }) name: string;
  @ApiProperty({ description: '已计学时（半学时）(credited half hours)' })
  creditedHalfHours: number;
  @ApiProperty({
    description: '要求学时（半学时）：政策最低学时，无则为本班总学时 (required half hours)',
  })
  requiredHalfHours: number;
  @ApiProperty({ description: '学时已满，可参加考核 (eligible for the exam)' }) eligible: boolean;
  @ApiProperty({ description: '各次考核成绩，按次序 (results by attempt)', type: [ExamResultDto] })
  results: ExamResultDto[];
  @ApiProperty({
    description:
      '考核结果：任一次合格 / 不合格 / 未参加考核 (passed at any attempt / failed / none)',
    enum: ['passed', 'failed', 'none'],
  })
  outcome: string;
  @ApiProperty({
    description: '最新一代证书编号，未发证为 null (serial of the latest certificate)',
    nullable: true,
    type: String,
  })
  certificateSerial: string | null;
  @ApiProperty({
    description: '最新一代证书状态 (valid / revoked / superseded)，未发证为 null',
    nullable: true,
    type: String,
  })
  certificateStatus: string | null;
}

export class ExamRosterDto {
  @ApiProperty({ description: '班次 (class)' }) classId: string;
  @ApiProperty({ description: '政策允许的补考次数 (retakes the policy allows)' })
  maxRetakes: number;
  @ApiProperty({ description: '合格分数（现行政策）(pass score under the policy)' })
  passScore: number;
  @ApiProperty({ description: '满分（现行政策）(max score under the policy)' }) maxScore: number;
  @ApiProperty({ description: '本班已登记的考核，按次序 (the class’s exams)', type: [ExamDto] })
  exams: ExamDto[];
  @ApiProperty({ description: '在册学员 (enrolled trainees)', type: [RosterEntryDto] })
  trainees: RosterEntryDto[];
}

export class MyExamResultDto extends ExamResultDto {
  @ApiProperty({ description: '班次 (class)' }) classId: string;
  @ApiProperty({ description: '班次名称 (class title)' }) classTitle: string;
  @ApiProperty({ description: '考核日期 (date held, YYYY-MM-DD)' }) heldOn: string;
}
