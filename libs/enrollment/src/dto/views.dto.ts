import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CLASS_STATUSES } from '@peixun/classes';
import { TRAINING_TYPES } from '@peixun/policy';
import { Type } from 'class-transformer';
import {
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

// -- a worker's timetable ----------------------------------------------------------------

export class TimetableQuery {
  @ApiPropertyOptional({
    description: '起始日期（含），地区时间 (from this day on, region date)',
    example: '2026-12-01',
  })
  @IsOptional()
  @Matches(DATE, { message: 'from must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'from must be a real date' })
  from?: string;

  @ApiPropertyOptional({
    description: '截止日期（含），地区时间 (up to this day, region date)',
    example: '2026-12-31',
  })
  @IsOptional()
  @Matches(DATE, { message: 'to must be YYYY-MM-DD' })
  @IsDateString({ strict: true }, { message: 'to must be a real date' })
  to?: string;
}

export class TimetableEntryDto {
  @ApiProperty({ description: '课次 id (session)' }) sessionId: string;
  @ApiProperty({ description: '班次 id (class)' }) classId: string;
  @ApiProperty({ description: '班次名称 (class title)' }) classTitle: string;
  @ApiProperty({ description: '培训类型 (training type, or street)' }) classType: string;
  @ApiProperty({ description: '报名记录 id (the place)' }) enrollmentId: string;
  @ApiProperty({
    description: '名额状态：enrolled 已报名；offered 候补名额待确认 (place: enrolled or offered)',
    enum: ['enrolled', 'offered'],
  })
  placeStatus: 'enrolled' | 'offered';
  @ApiProperty({
    description: '候补名额待确认（尚未报名成功）(an offered place, not yet accepted)',
  })
  offered: boolean;
  @ApiProperty({
    description: '候补名额确认截止 (accept the offered place before this)',
    nullable: true,
    type: Date,
  })
  offeredUntil: Date | null;
  @ApiProperty({ description: '日期，地区时间 (date, region clock)', example: '2026-12-01' })
  date: string;
  @ApiProperty({ description: '开始 HH:MM，地区时间 (start, region clock)', example: '09:00' })
  startTime: string;
  @ApiProperty({ description: '结束 HH:MM，地区时间 (end, region clock)', example: '12:00' })
  endTime: string;
  @ApiProperty({ description: '开始时刻 (start instant)' }) startsAt: Date;
  @ApiProperty({ description: '结束时刻 (end instant)' }) endsAt: Date;
  @ApiProperty({ description: '学时，以半学时计 (class hours in halves)' }) halfHours: number;
  @ApiProperty({ description: '学时 (class hours; may be a half)', example: 4 }) hours: number;
  @ApiProperty({ description: '主题 (topic)' }) topic: string;
  @ApiProperty({ description: '教学方式 (method)' }) method: string;
  @ApiProperty({ description: '上课地点 (the class location)' }) location: string;
  @ApiProperty({ description: '教室 (room)', nullable: true, type: String }) room: string | null;
  @ApiProperty({
    description: '教师或主讲人姓名 (teacher or speaker)',
    nullable: true,
    type: String,
  })
  teacherName: string | null;
  @ApiProperty({ description: '承办机构 (institution)', nullable: true, type: String })
  institutionName: string | null;
}

export class TimetableDto {
  @ApiProperty({
    description: '课次，按开始时间排序 (sessions of my classes, by start)',
    type: [TimetableEntryDto],
  })
  items: TimetableEntryDto[];
  @ApiProperty({ description: '已报名课次的学时合计（半学时）(half hours of enrolled places)' })
  enrolledHalfHours: number;
}

// -- calendar feed ----------------------------------------------------------------------

export class CalendarFeedCreatedDto {
  @ApiProperty({
    description:
      '订阅地址，只显示这一次，请妥善保管；凭此地址即可读取课程表 (the secret feed URL, shown once)',
    example:
      'https://peixun.example.cn/api/v1/calendar/3q2-7wEXAMPLEtokenEXAMPLEtokenEXAMPLEtok.ics',
  })
  url: string;
  @ApiProperty({
    description: '同一地址的 webcal:// 形式，手机日历点击即可订阅 (the same URL as webcal://)',
  })
  webcalUrl: string;
  @ApiProperty({ description: '创建时间 (created)' }) createdAt: Date;
  @ApiProperty({ description: '此前的订阅地址已失效的个数 (earlier feeds revoked by this one)' })
  revokedPrevious: number;
}

export class CalendarFeedStatusDto {
  @ApiProperty({ description: '有有效的订阅地址 (a feed is active)' }) active: boolean;
  @ApiProperty({ description: '创建时间 (created)', nullable: true, type: Date })
  createdAt: Date | null;
}

// -- fill rates --------------------------------------------------------------------------

export class FillRatesQuery {
  @ApiPropertyOptional({ description: '年度 (year)', example: 2026 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({ description: '班次状态 (class status)', enum: CLASS_STATUSES })
  @IsOptional()
  @IsIn(CLASS_STATUSES)
  status?: (typeof CLASS_STATUSES)[number];

  @ApiPropertyOptional({ description: '培训类型 (type)', enum: [...TRAINING_TYPES, 'street'] })
  @IsOptional()
  @IsIn([...TRAINING_TYPES, 'street'])
  type?: string;

  @ApiPropertyOptional({
    description: '只看该承办机构的班次（在本人范围内）(narrow to an institution)',
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID()
  institutionId?: string;

  @ApiPropertyOptional({
    description: '只看该区的班次（在本人范围内）(narrow to a district)',
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @ApiPropertyOptional({ description: '翻页游标：上一页的 nextCursor (cursor)' })
  @IsOptional()
  @IsString()
  @MaxLength(200)
  cursor?: string;

  @ApiPropertyOptional({ description: '每页条数 (page size, ≤ 500)', default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

export class ClassFillRateDto {
  @ApiProperty({ description: '班次 id (class)' }) id: string;
  @ApiProperty({ description: '班次名称 (title)' }) title: string;
  @ApiProperty({ description: '培训类型 (type, or street)' }) type: string;
  @ApiProperty({ description: '班次状态 (draft / open / cancelled)' }) status: string;
  @ApiProperty({ description: '年度 (year)' }) year: number;
  @ApiProperty({ description: '承办机构 (institution)', nullable: true, type: String })
  institutionId: string | null;
  @ApiProperty({ description: '区 (district)', nullable: true, type: String })
  districtId: string | null;
  @ApiProperty({
    description: '街道（街道自办培训）(street of a street class)',
    nullable: true,
    type: String,
  })
  streetId: string | null;
  @ApiProperty({ description: '名额 (capacity)' }) capacity: number;
  @ApiProperty({ description: '已报名人数 (enrolled)' }) enrolled: number;
  @ApiProperty({ description: '候补名额待确认人数 (offered a place, not yet accepted)' })
  offered: number;
  @ApiProperty({ description: '候补人数 (on the waitlist)' }) waitlisted: number;
  @ApiProperty({
    description: '满员率 = 已报名 / 名额，0–1，三位小数 (enrolled / capacity, 3 decimals)',
    example: 0.75,
  })
  fillRate: number;
  @ApiProperty({
    description: '第一次课开始 (first scheduled session starts)',
    nullable: true,
    type: Date,
  })
  firstSessionStartsAt: Date | null;
  @ApiProperty({
    description: '最后一次课结束 (last scheduled session ends)',
    nullable: true,
    type: Date,
  })
  lastSessionEndsAt: Date | null;
}

export class FillRatesPageDto {
  @ApiProperty({
    description: '班次，按报名截止时间从晚到早 (classes, latest enrolment close first)',
    type: [ClassFillRateDto],
  })
  items: ClassFillRateDto[];
  @ApiProperty({ description: '下一页游标 (next page)', nullable: true, type: String })
  nextCursor: string | null;
}

// -- coverage -----------------------------------------------------------------------------

export class CoverageQuery {
  @ApiPropertyOptional({
    description: '年度，缺省为今年 (year; default: this year)',
    example: 2026,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({
    description:
      '区（市民政局可选；缺省为全市）；区、街道管理员只能是本区 (district; municipal bureau only, default: the city)',
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @ApiPropertyOptional({ description: '翻页游标：上一页的 nextCursor (cursor)' })
  @IsOptional()
  @IsString()
  @MaxLength(300)
  cursor?: string;

  @ApiPropertyOptional({ description: '每页条数 (page size, ≤ 500)', default: 100 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(500)
  limit?: number;
}

const COVERED =
  '目前以当年（初任培训：当年或以前年度）该类型班次的“已报名”名额视为已参加；出勤完成情况待考勤功能（issue 10）提供 ' +
  '(for now an enrolled place in a class of the type that year — induction: that year or earlier — counts as covered; completion will come from attendance, issue 10)';

export class CoverageTypeDto {
  @ApiProperty({ description: '培训类型 (training type)', example: 'induction' }) type: string;
  @ApiProperty({ description: '名称 (label)', example: '初任培训' }) label: string;
  @ApiProperty({
    description:
      '必训对象：new_workers 新从事社区工作的人员（入职培训期内）；serving_workers 全部在职人员；after_grade 上年度或本年度考核为某等次者（如沈阳告诫→专门培训，type 为 remedial）(who must take it)',
    enum: ['new_workers', 'serving_workers', 'after_grade'],
  })
  mandatoryFor: string;
  @ApiProperty({ description: `应参加人数 (workers who must take it)` }) required: number;
  @ApiProperty({ description: `已参加人数。${COVERED}` }) covered: number;
  @ApiProperty({ description: '尚未参加人数 (workers still lacking it)' }) missing: number;
}

export class CoverageWorkerDto {
  @ApiProperty({ description: '社区工作者 id (worker)' }) workerId: string;
  @ApiProperty({ description: '姓名 (name)' }) name: string;
  @ApiProperty({ description: '身份证号（打码）(masked ID number)', example: '1101**********1234' })
  idNumberMasked: string;
  @ApiProperty({ description: '开始从事社区工作日期 (started community work)' }) startedOn: string;
  @ApiProperty({ description: '街道 id (street)' }) streetId: string;
  @ApiProperty({ description: '街道 (street)' }) streetName: string;
  @ApiProperty({ description: '社区 id (community)' }) communityId: string;
  @ApiProperty({ description: '社区 (community)' }) communityName: string;
  @ApiProperty({
    description: `尚未参加的必训类型；remedial：考核等次后应接受的专门培训 (mandatory types still lacking; remedial: training owed after a grade)。${COVERED}`,
    type: [String],
    example: ['induction', 'post'],
  })
  missing: string[];
}

export class CoverageDto {
  @ApiProperty({ description: '年度 (year)' }) year: number;
  @ApiProperty({
    description:
      '判断日：今年为今天，以往年度为 12 月 31 日，以后年度为 1 月 1 日 (the day “new to community work” is judged on)',
  })
  referenceDate: string;
  @ApiProperty({ description: '范围单位 id (the unit: municipality, district or street)' })
  unitId: string;
  @ApiProperty({ description: '范围单位名称 (unit name)' }) unitName: string;
  @ApiProperty({ description: '范围单位类型 (municipality / district / street)' }) unitKind: string;
  @ApiProperty({ description: '适用的培训政策 (policy version)' }) policyId: string;
  @ApiProperty({
    description: '初任培训期（月）：入职不满该月数视为新从事社区工作 (induction window, months)',
  })
  inductionWindowMonths: number;
  @ApiProperty({
    description:
      '在职且判断日前已开始社区工作的人数 (active workers of the unit who had started by the reference day)',
  })
  activeWorkers: number;
  @ApiProperty({
    description: '各必训类型的人数 (counts per mandatory type)',
    type: [CoverageTypeDto],
  })
  summary: CoverageTypeDto[];
  @ApiProperty({
    description: '尚缺必训的社区工作者，按姓名排序 (workers missing something, by name)',
    type: [CoverageWorkerDto],
  })
  items: CoverageWorkerDto[];
  @ApiProperty({ description: '下一页游标 (next page)', nullable: true, type: String })
  nextCursor: string | null;
}

export class RemedialEnrolDto {
  @ApiProperty({ description: '专门培训班次 (the class to enrol them in)', format: 'uuid' })
  @IsUUID()
  classId: string;

  @ApiPropertyOptional({
    description: '年度，缺省为今年 (year; default: this year)',
    example: 2026,
  })
  @IsOptional()
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;
}
