import { ApiProperty, ApiPropertyOptional, ApiSchema } from '@nestjs/swagger';
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

  @ApiProperty({ description: '题目（1–40 题）(the form’s items)', type: [TemplateItemDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => TemplateItemDto)
  items: TemplateItemDto[];
}

export class TemplateDto {
  @ApiProperty({ description: '评价表单 id (form id)', format: 'uuid' }) id: string;
  @ApiProperty({
    description: '评价方向 (classroom 课堂评价 / post_class 课后评价)',
    enum: DIRECTIONS,
  })
  direction: Direction;
  @ApiProperty({ description: '版本号（同一方向内递增）(version within the direction)' })
  version: number;
  @ApiProperty({ description: '表单名称 (title)' }) title: string;
  @ApiProperty({ description: '题目 (the form’s items)', type: [TemplateItemDto] })
  items: TemplateItemDto[];
  @ApiProperty({
    description: '状态：active 现行 / superseded 已被新版本取代 (status)',
    enum: ['active', 'superseded'],
  })
  status: string;
  @ApiProperty({ description: '发布时间 (published at)' }) createdAt: Date;
  @ApiPropertyOptional({
    description: '被取代的时间（现行版本为空）(superseded at)',
    nullable: true,
    type: Date,
  })
  supersededAt: Date | null;
}

export class TemplatesQuery {
  @ApiPropertyOptional({
    description: '评价方向 (classroom 课堂评价 / post_class 课后评价)',
    enum: DIRECTIONS,
  })
  @IsOptional()
  @IsIn(DIRECTIONS)
  direction?: Direction;
}

@ApiSchema({ name: 'EvaluationAnswerDto' })
export class AnswerDto {
  @ApiProperty({ description: '题目键 (item key)' })
  @IsString()
  @Length(1, 40)
  key: string;

  @ApiProperty({
    description:
      '答案：量表为 1–5 的整数，单选为选项，多选为选项列表，简答为文字 (the answer: likert 1–5, an option, a list of options, or text)',
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
  @ApiProperty({ description: '各题答案 (answers, one per item)', type: [AnswerDto] })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(40)
  @ValidateNested({ each: true })
  @Type(() => AnswerDto)
  answers: AnswerDto[];
}

export class ClassSettingsInputDto {
  @ApiPropertyOptional({
    description:
      '课后评价截止：课次结束后天数（null：按政策）(post-class deadline, days; null: the policy’s)',
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  postClassDays?: number | null;

  @ApiPropertyOptional({
    description:
      '课堂评价截止：课次结束后天数（null：按政策）(classroom deadline, days; null: the policy’s)',
    nullable: true,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(60)
  classroomDays?: number | null;
}

export class ClassSettingsDto {
  @ApiProperty({ description: '班次 (the class)', format: 'uuid' }) classId: string;
  @ApiProperty({ description: '生效的课后评价天数 (post-class deadline in force, days)' })
  postClassDays: number;
  @ApiProperty({ description: '生效的课堂评价天数 (classroom deadline in force, days)' })
  classroomDays: number;
  @ApiProperty({
    description: '课后评价天数为本班自定（否则按政策）(the class sets its own post-class days)',
  })
  ownPostClassDays: boolean;
  @ApiProperty({
    description: '课堂评价天数为本班自定（否则按政策）(the class sets its own classroom days)',
  })
  ownClassroomDays: boolean;
  @ApiPropertyOptional({
    description: '本班锁定的课堂评价表单（首次评价时锁定）(classroom form pinned to the class)',
    format: 'uuid',
    nullable: true,
    type: String,
  })
  classroomTemplateId: string | null;
  @ApiPropertyOptional({
    description: '本班锁定的课后评价表单（首次评价时锁定）(post-class form pinned to the class)',
    format: 'uuid',
    nullable: true,
    type: String,
  })
  postClassTemplateId: string | null;
}

export class OpenEvaluationDto {
  @ApiProperty({ description: '课次 (the session)', format: 'uuid' }) sessionId: string;
  @ApiProperty({ description: '班次 (the class)', format: 'uuid' }) classId: string;
  @ApiProperty({ description: '班次名称 (class title)' }) classTitle: string;
  @ApiProperty({ description: '课次主题 (session topic)' }) topic: string;
  @ApiPropertyOptional({
    description: '授课教师或外请讲者姓名 (teacher or guest speaker)',
    nullable: true,
    type: String,
  })
  teacherName: string | null;
  @ApiProperty({ description: '课次结束时间 (session ended at)' }) sessionEndsAt: Date;
  @ApiProperty({ description: '评价截止时间 (evaluation closes at)' }) closesAt: Date;
  @ApiProperty({
    description: '状态：open 可评价 / answered 已评价 / closed 已截止 (status)',
    enum: ['open', 'answered', 'closed'],
  })
  status: 'open' | 'answered' | 'closed';
  @ApiProperty({ description: '课后评价表单 (the post-class form)', format: 'uuid' })
  templateId: string;
}

export class ReceivedDto {
  @ApiProperty({ description: '课次 (the session)', format: 'uuid' }) sessionId: string;
  @ApiProperty({ description: '提交时间 (received at)' }) receivedAt: Date;
}

export class ClassroomRowDto {
  @ApiProperty({ description: '报名记录（学员）(the trainee’s enrolment)', format: 'uuid' })
  enrollmentId: string;
  @ApiProperty({ description: '学员姓名 (trainee name)' }) name: string;
  @ApiProperty({ description: '考勤状态 (present / late / left_early)' }) attendance: string;
  @ApiPropertyOptional({
    description: '教师的课堂评价答案（未评为空）(the teacher’s answers; null: not yet)',
    nullable: true,
    type: [AnswerDto],
  })
  answers: AnswerDto[] | null;
  @ApiPropertyOptional({
    description: '评价时间（未评为空）(assessed at)',
    nullable: true,
    type: Date,
  })
  submittedAt: Date | null;
}

export class SessionClassroomDto {
  @ApiProperty({ description: '课次 (the session)', format: 'uuid' }) sessionId: string;
  @ApiProperty({
    description: '评价窗口：not_yet 未开始 / open 进行中 / closed 已截止 (evaluation window)',
    enum: ['not_yet', 'open', 'closed'],
  })
  window: string;
  @ApiProperty({ description: '课堂评价截止时间 (closes at)' }) closesAt: Date;
  @ApiProperty({ description: '课堂评价表单 (the classroom form)', type: TemplateDto })
  template: TemplateDto;
  @ApiProperty({
    description: '出勤的学员及评价 (trainees who attended, with assessments)',
    type: [ClassroomRowDto],
  })
  trainees: ClassroomRowDto[];
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
  @ApiProperty({ description: '题目键 (item key)' }) key: string;
  @ApiProperty({ description: '题目 (the question)' }) label: string;
  @ApiProperty({ description: '题型 (likert / single / multiple / text)', enum: ITEM_TYPES })
  type: string;
  @ApiProperty({ description: '作答数 (number of answers)' }) answered: number;
  @ApiPropertyOptional({
    description: '平均分（量表题，两位小数；其他为空）(likert mean)',
    nullable: true,
    type: Number,
  })
  average: number | null;
  @ApiProperty({
    description: '分布：量表 1–5、选择题各选项的人数，简答为空 ({ option, count } per option)',
    type: 'array',
    items: { type: 'object' },
  })
  distribution: { option: string; count: number }[];
}

export class GroupStatsDto {
  @ApiProperty({
    description: '分组（教师或班次）的 id；合计为 total，外请讲者为 speaker (group key)',
  })
  key: string;
  @ApiProperty({ description: '分组名称（教师姓名或班次名称）(group label)' }) label: string;
  @ApiProperty({
    description:
      '可见：匿名阈值以上（机构和教师只看 ≥5 份的汇总）(visible above the anonymity threshold)',
  })
  visible: boolean;
  @ApiPropertyOptional({
    description: '应评人次（不可见时为空）(expected answers; null when hidden)',
    nullable: true,
    type: Number,
  })
  expected: number | null;
  @ApiPropertyOptional({
    description: '已评份数（不可见时为空）(answers received; null when hidden)',
    nullable: true,
    type: Number,
  })
  answered: number | null;
  @ApiPropertyOptional({
    nullable: true,
    type: Number,
    description: '回收率 %（一位小数）(response rate, per cent)',
  })
  rate: number | null;
  @ApiPropertyOptional({
    description: '各题统计（不可见时为空）(item statistics; null when hidden)',
    nullable: true,
    type: [ItemStatsDto],
  })
  items: ItemStatsDto[] | null;
  @ApiPropertyOptional({
    description: '简答题意见（已排序；不可见时为空）(free-text comments, sorted)',
    nullable: true,
    type: [String],
  })
  comments: string[] | null;
}

export class ClassroomSummaryDto {
  @ApiProperty({ description: '应评人次（出勤的学员课次）(expected assessments)' })
  expected: number;
  @ApiProperty({ description: '已评人次 (assessments done)' }) done: number;
  @ApiPropertyOptional({
    description: '完成率 %（一位小数）(completion rate, per cent)',
    nullable: true,
    type: Number,
  })
  rate: number | null;
  @ApiProperty({ description: '各题统计 (item statistics)', type: [ItemStatsDto] })
  items: ItemStatsDto[];
}

export class EvaluationReportDto {
  @ApiProperty({
    description: '报告范围：class 班次 / teacher 教师 / institution 机构 (scope)',
    enum: ['class', 'teacher', 'institution'],
  })
  scope: string;
  @ApiProperty({ description: '报告对象（班次、教师或机构）(the target)', format: 'uuid' })
  targetId: string;
  @ApiProperty({ description: '报告对象名称 (target name)' }) targetName: string;
  @ApiPropertyOptional({
    description: '年度（班次报告为空）(year; null: all years / a class report)',
    nullable: true,
    type: Number,
  })
  year: number | null;
  @ApiProperty({
    enum: ['authority', 'anonymous'],
    description: '主管部门全量；机构与教师只见匿名汇总 (authority: whole; anonymous: aggregates)',
  })
  view: 'authority' | 'anonymous';
  @ApiProperty({ description: '匿名阈值（份）(anonymity threshold)' }) threshold: number;
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
  @ApiProperty({ description: '报名记录（学员）(the trainee’s enrolment)', format: 'uuid' })
  enrollmentId: string;
  @ApiProperty({ description: '学员姓名 (trainee name)' }) name: string;
  @ApiProperty({ description: '应评课次数 (sessions to evaluate)' }) expected: number;
  @ApiProperty({ description: '已评课次数（每课次至多一次）(sessions evaluated)' })
  answered: number;
}

export class ExportInputDto {
  @ApiProperty({
    description: '报告范围：class 班次 / teacher 教师 / institution 机构 (scope)',
    enum: ['class', 'teacher', 'institution'],
  })
  @IsIn(['class', 'teacher', 'institution'])
  scope: 'class' | 'teacher' | 'institution';

  @ApiProperty({ description: '报告对象（班次、教师或机构）(the target)', format: 'uuid' })
  @IsUUID()
  targetId: string;

  @ApiPropertyOptional({ description: '年度（教师、机构报告）(year)' })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiProperty({ description: '文件格式 (xlsx Excel / pdf)', enum: ['xlsx', 'pdf'] })
  @IsIn(['xlsx', 'pdf'])
  format: 'xlsx' | 'pdf';
}

export class ExportDto {
  @ApiProperty({ description: '导出 id (export id)', format: 'uuid' }) id: string;
  @ApiProperty({
    description: '状态：pending 生成中 / ready 可下载 / failed 失败 (status)',
    enum: ['pending', 'ready', 'failed'],
  })
  status: string;
  @ApiProperty({ description: '文件格式 (xlsx / pdf)' }) format: string;
  @ApiPropertyOptional({
    description: '文件大小（字节；生成前为空）(size in bytes)',
    nullable: true,
    type: Number,
  })
  size: number | null;
  @ApiPropertyOptional({
    description: '文件 SHA-256（生成前为空）(file checksum)',
    nullable: true,
    type: String,
  })
  sha256: string | null;
  @ApiPropertyOptional({
    description: '失败原因（失败时）(error)',
    nullable: true,
    type: String,
  })
  error: string | null;
  @ApiProperty({ description: '后台任务队列 (job queue)' }) queue: string;
  @ApiProperty({ description: '后台任务 id (job id)' }) jobId: string;
}
