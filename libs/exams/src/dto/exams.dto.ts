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
  @ApiProperty({ type: [ResultInputDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(2000)
  @ValidateNested({ each: true })
  @Type(() => ResultInputDto)
  results: ResultInputDto[];
}

export class ExamDto {
  @ApiProperty() id: string;
  @ApiProperty() classId: string;
  @ApiProperty() attempt: number;
  @ApiProperty() heldOn: string;
  @ApiProperty({ enum: ['score', 'pass_fail'] }) mode: string;
  @ApiProperty() maxScore: number;
  @ApiProperty() passScore: number;
  @ApiProperty() supervisorName: string;
  @ApiProperty() supervisorOrgId: string;
  @ApiProperty() results: number;
  @ApiProperty() passed: number;
}

export class ExamResultDto {
  @ApiProperty() examId: string;
  @ApiProperty() attempt: number;
  @ApiProperty({ nullable: true, type: Number }) score: number | null;
  @ApiProperty() passed: boolean;
}

export class RosterEntryDto {
  @ApiProperty() enrollmentId: string;
  @ApiProperty() workerId: string;
  @ApiProperty() name: string;
  @ApiProperty() creditedHalfHours: number;
  @ApiProperty() requiredHalfHours: number;
  @ApiProperty({ description: '学时已满，可参加考核 (eligible for the exam)' }) eligible: boolean;
  @ApiProperty({ type: [ExamResultDto] }) results: ExamResultDto[];
  @ApiProperty({ enum: ['passed', 'failed', 'none'] }) outcome: string;
  @ApiProperty({ nullable: true, type: String }) certificateSerial: string | null;
  @ApiProperty({ nullable: true, type: String }) certificateStatus: string | null;
}

export class ExamRosterDto {
  @ApiProperty() classId: string;
  @ApiProperty() maxRetakes: number;
  @ApiProperty() passScore: number;
  @ApiProperty() maxScore: number;
  @ApiProperty({ type: [ExamDto] }) exams: ExamDto[];
  @ApiProperty({ type: [RosterEntryDto] }) trainees: RosterEntryDto[];
}

export class MyExamResultDto extends ExamResultDto {
  @ApiProperty() classId: string;
  @ApiProperty() classTitle: string;
  @ApiProperty() heldOn: string;
}
