import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsBoolean,
  IsDefined,
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
import { DIRECTIONS, ITEM_TYPES } from '../evaluations.rules';
import type { Direction, ItemType } from '../evaluations.rules';

export class TemplateItemDto {
  @ApiProperty({ description: '题目键 (item key, a-z 0-9 _)', example: 'content' })
  @IsString()
  @Matches(/^[a-z][a-z0-9_]{0,39}$/)
  key: string;

  @ApiProperty({ description: '题型 (likert 1–5 / single / multiple / text)', enum: ITEM_TYPES })
  @IsIn(ITEM_TYPES)
  type: ItemType;

  @ApiProperty({ description: '题目 (the question)' })
  @IsString()
  @Length(1, 200)
  label: string;

  @ApiPropertyOptional({ description: '选项（选择题）(options of a choice item)', type: [String] })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 100, { each: true })
  options?: string[];

  @ApiPropertyOptional({ description: '必答 (required)', default: true })
  @IsOptional()
  @IsBoolean()
  required?: boolean;
}

export class NewTemplateDto {
  @ApiProperty({
    description: '评价方向 (classroom 课堂评价 / post_class 课后评价)',
    enum: DIRECTIONS,
  })
  @IsIn(DIRECTIONS)
  direction: Direction;

  @ApiProperty({ description: '表单名称 (title)' })
  @IsString()
  @Length(2, 100)
  title: string;

  @ApiProperty({ type: [TemplateItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => TemplateItemDto)
  items: TemplateItemDto[];
}

export class TemplateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: DIRECTIONS }) direction: Direction;
  @ApiProperty() version: number;
  @ApiProperty() title: string;
  @ApiProperty({ type: [TemplateItemDto] }) items: TemplateItemDto[];
  @ApiProperty({ enum: ['active', 'superseded'] }) status: string;
  @ApiProperty() createdAt: Date;
  @ApiPropertyOptional({ nullable: true, type: Date }) supersededAt: Date | null;
}

export class TemplatesQuery {
  @ApiPropertyOptional({ enum: DIRECTIONS })
  @IsOptional()
  @IsIn(DIRECTIONS)
  direction?: Direction;
}

export class AnswerDto {
  @ApiProperty({ description: '题目键 (item key)' })
  @IsString()
  @Length(1, 40)
  key: string;

  @ApiProperty({
    description: '答案：量表为 1–5 的整数，单选为选项，多选为选项列表，简答为文字',
    oneOf: [
      { type: 'integer', minimum: 1, maximum: 5 },
      { type: 'string' },
      { type: 'array', items: { type: 'string' } },
    ],
  })
  @IsDefined()
  value: number | string | string[];
}

export class AnswersDto {
  @ApiProperty({ type: [AnswerDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers: AnswerDto[];
}

export class ClassSettingsInputDto {
  @ApiPropertyOptional({
    description: '课后评价截止：课次结束后天数 (null: policy)',
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  postClassDays?: number | null;

  @ApiPropertyOptional({
    description: '课堂评价截止：课次结束后天数 (null: policy)',
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  classroomDays?: number | null;
}

export class ClassSettingsDto {
  @ApiProperty({ format: 'uuid' }) classId: string;
  @ApiProperty({ description: '生效的课后评价天数' }) postClassDays: number;
  @ApiProperty({ description: '生效的课堂评价天数' }) classroomDays: number;
  @ApiProperty({ description: '本班自定（否则按政策）' }) ownPostClassDays: boolean;
  @ApiProperty() ownClassroomDays: boolean;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  classroomTemplateId: string | null;
  @ApiPropertyOptional({ format: 'uuid', nullable: true, type: String })
  postClassTemplateId: string | null;
}

export class OpenEvaluationDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ format: 'uuid' }) classId: string;
  @ApiProperty() classTitle: string;
  @ApiProperty() topic: string;
  @ApiPropertyOptional({ nullable: true, type: String }) teacherName: string | null;
  @ApiProperty() sessionEndsAt: Date;
  @ApiProperty() closesAt: Date;
  @ApiProperty({ enum: ['open', 'answered', 'closed'] }) status: 'open' | 'answered' | 'closed';
  @ApiProperty({ format: 'uuid' }) templateId: string;
}

export class ReceivedDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty() receivedAt: Date;
}

export class ClassroomRowDto {
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty({ description: '学员姓名' }) name: string;
  @ApiProperty({ description: '考勤状态' }) attendance: string;
  @ApiPropertyOptional({ nullable: true, type: [AnswerDto] }) answers: AnswerDto[] | null;
  @ApiPropertyOptional({ nullable: true, type: Date }) submittedAt: Date | null;
}

export class SessionClassroomDto {
  @ApiProperty({ format: 'uuid' }) sessionId: string;
  @ApiProperty({ enum: ['not_yet', 'open', 'closed'] }) window: string;
  @ApiProperty() closesAt: Date;
  @ApiProperty({ type: TemplateDto }) template: TemplateDto;
  @ApiProperty({ type: [ClassroomRowDto] }) trainees: ClassroomRowDto[];
}

export class ReportQuery {
  @ApiPropertyOptional({ description: '年度 (year)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}

export class ItemStatsDto {
  @ApiProperty() key: string;
  @ApiProperty() label: string;
  @ApiProperty({ enum: ITEM_TYPES }) type: string;
  @ApiProperty() answered: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) average: number | null;
  @ApiProperty({ type: 'array', items: { type: 'object' } })
  distribution: { option: string; count: number }[];
}

export class GroupStatsDto {
  @ApiProperty({ description: '分组（教师或班次）的 id' }) key: string;
  @ApiProperty() label: string;
  @ApiProperty({ description: '可见：匿名阈值以上（机构和教师只看 ≥5 份的汇总）' })
  visible: boolean;
  @ApiPropertyOptional({ nullable: true, type: Number }) expected: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number }) answered: number | null;
  @ApiPropertyOptional({ nullable: true, type: Number, description: '回收率 %' })
  rate: number | null;
  @ApiPropertyOptional({ nullable: true, type: [ItemStatsDto] }) items: ItemStatsDto[] | null;
  @ApiPropertyOptional({ nullable: true, type: [String] }) comments: string[] | null;
}

export class ClassroomSummaryDto {
  @ApiProperty() expected: number;
  @ApiProperty() done: number;
  @ApiPropertyOptional({ nullable: true, type: Number }) rate: number | null;
  @ApiProperty({ type: [ItemStatsDto] }) items: ItemStatsDto[];
}

export class EvaluationReportDto {
  @ApiProperty({ enum: ['class', 'teacher', 'institution'] }) scope: string;
  @ApiProperty({ format: 'uuid' }) targetId: string;
  @ApiProperty() targetName: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) year: number | null;
  @ApiProperty({
    enum: ['authority', 'anonymous'],
    description: '主管部门全量；机构与教师只见匿名汇总',
  })
  view: 'authority' | 'anonymous';
  @ApiProperty({ description: '匿名阈值' }) threshold: number;
  @ApiPropertyOptional({
    nullable: true,
    type: Date,
    description: '班次报告：评价截止、结果向机构和教师公布的时间（末次课结束后的课后评价截止时）',
  })
  releasesAt: Date | null;
  @ApiProperty({ description: '尚未截止（机构和教师暂不可见）的班次数' })
  classesPending: number;
  @ApiProperty({ type: GroupStatsDto, description: '课后评价（学员评教师）合计' })
  total: GroupStatsDto;
  @ApiProperty({ type: [GroupStatsDto], description: '按教师或班次' }) groups: GroupStatsDto[];
  @ApiPropertyOptional({
    nullable: true,
    type: ClassroomSummaryDto,
    description: '课堂评价（教师评学员），班次报告',
  })
  classroom: ClassroomSummaryDto | null;
}

export class RespondentDto {
  @ApiProperty({ format: 'uuid' }) enrollmentId: string;
  @ApiProperty() name: string;
  @ApiProperty({ description: '应评课次数' }) expected: number;
  @ApiProperty({ description: '已评课次数（每课次至多一次）' }) answered: number;
}

export class ExportInputDto {
  @ApiProperty({ enum: ['class', 'teacher', 'institution'] })
  @IsIn(['class', 'teacher', 'institution'])
  scope: 'class' | 'teacher' | 'institution';

  @ApiProperty({ format: 'uuid' })
  @IsUUID()
  targetId: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiProperty({ enum: ['xlsx', 'pdf'] })
  @IsIn(['xlsx', 'pdf'])
  format: 'xlsx' | 'pdf';
}

export class ExportDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ enum: ['pending', 'ready', 'failed'] }) status: string;
  @ApiProperty() format: string;
  @ApiPropertyOptional({ nullable: true, type: Number }) size: number | null;
  @ApiPropertyOptional({ nullable: true, type: String }) sha256: string | null;
  @ApiPropertyOptional({ nullable: true, type: String }) error: string | null;
  @ApiProperty() queue: string;
  @ApiProperty() jobId: string;
}
