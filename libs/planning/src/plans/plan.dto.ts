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
  MaxLength,
  Min,
  ValidateNested,
} from 'class-validator';
import { TRAINING_TYPES, TrainingType } from '@peixun/policy';
import { METHODS, Method, PAYERS, Payer } from './plan.rules';

const DATE = { message: '$property must be a date YYYY-MM-DD' };
const TIERS = ['head', 'deputy', 'staff'];
const CHANNELS = ['elected', 'recruited_citywide', 'recruited_other'];

export class CreateAnnualPlanDto {
  @ApiProperty({ description: '年度 (year)', example: 2027 })
  @IsInt()
  @Min(2000)
  @Max(2100)
  year: number;

  @ApiProperty({ description: '标题 (title)', example: '2027 年度社区工作者培训计划' })
  @IsString()
  @Length(2, 100)
  title: string;
}

export class PlanProjectInputDto {
  @ApiProperty({ description: '培训类型 (training type)', enum: TRAINING_TYPES })
  @IsIn(TRAINING_TYPES)
  type: TrainingType;

  @ApiProperty({ description: '项目名称 (title)', example: '社区工作者岗位培训' })
  @IsString()
  @Length(2, 100)
  title: string;

  @ApiPropertyOptional({
    description: '面向的岗位层级，空为全部 (target tiers; empty: all)',
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @IsIn(TIERS, { each: true })
  targetTiers?: string[];

  @ApiPropertyOptional({
    description: '面向的进入方式，空为全部 (target entry channels; empty: all)',
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @IsIn(CHANNELS, { each: true })
  targetChannels?: string[];

  @ApiProperty({ description: '计划名额 (planned places)', example: 3000 })
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  plannedPlaces: number;

  @ApiProperty({ description: '预算（分）(budget in fen)', example: 150000000 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  budgetFen: number;
}

export class SessionDto {
  @ApiProperty({ description: '日期 (date)', example: '2027-03-02' })
  @IsDateString({ strict: true }, DATE)
  date: string;

  @ApiProperty({ description: '开始时间 (start)', example: '09:00' })
  @Matches(/^([01]\d|2[0-3]):[0-5]\d$/, { message: 'startTime must be HH:MM' })
  startTime: string;

  @ApiProperty({ description: '学时，可为半学时 (class hours; halves allowed)', example: 4 })
  @IsIn(Array.from({ length: 24 }, (_, i) => (i + 1) / 2), {
    message: 'hours must be 0.5 to 12 in halves',
  })
  hours: number;

  @ApiProperty({ description: '内容 (topic)', example: '社区治理与服务' })
  @IsString()
  @Length(1, 100)
  topic: string;

  @ApiPropertyOptional({ description: '授课教师 (teacher from the pool)', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  teacherId?: string;
}

export class CostItemDto {
  @ApiProperty({ description: '费用项目 (item)', example: '讲课费' })
  @IsString()
  @Length(1, 60)
  item: string;

  @ApiProperty({ description: '金额（分）(amount in fen)', example: 500000 })
  @IsInt()
  @Min(0)
  @Max(Number.MAX_SAFE_INTEGER)
  amountFen: number;

  @ApiProperty({ description: '承担方 (payer)', enum: PAYERS })
  @IsIn(PAYERS)
  payer: Payer;
}

export class ProjectPlanInputDto {
  @ApiProperty({
    description: '市计划中的项目 (project of the published city plan)',
    format: 'uuid',
  })
  @IsUUID()
  planProjectId: string;

  @ApiProperty({ description: '受委托的培训机构 (commissioned institution)', format: 'uuid' })
  @IsUUID()
  institutionId: string;

  @ApiProperty({ description: '计划书名称 (title)' })
  @IsString()
  @Length(2, 100)
  title: string;

  @ApiProperty({ description: '名额 (places)', example: 120 })
  @IsInt()
  @Min(1)
  @Max(100_000)
  places: number;

  @ApiProperty({ description: '开始日期 (start)', example: '2027-03-01' })
  @IsDateString({ strict: true }, DATE)
  startDate: string;

  @ApiProperty({ description: '结束日期 (end)', example: '2027-03-10' })
  @IsDateString({ strict: true }, DATE)
  endDate: string;

  @ApiProperty({ description: '地点 (place)' })
  @IsString()
  @Length(2, 200)
  place: string;

  @ApiProperty({ description: '培训方式 (methods)', enum: METHODS, isArray: true })
  @IsArray()
  @ArrayMinSize(1)
  @IsIn(METHODS, { each: true })
  methods: Method[];

  @ApiProperty({ description: '师资（来自师资库）(teachers from the pool)', type: [String] })
  @IsArray()
  @ArrayMaxSize(100)
  @IsUUID('all', { each: true })
  teacherIds: string[];

  @ApiPropertyOptional({ description: '教材与资料 (materials)' })
  @IsOptional()
  @IsString()
  @MaxLength(5000)
  materials?: string;

  @ApiProperty({ description: '课次 (sessions)', type: [SessionDto] })
  @IsArray()
  @ArrayMaxSize(500)
  @ValidateNested({ each: true })
  @Type(() => SessionDto)
  sessions: SessionDto[];

  @ApiProperty({ description: '经费测算 (cost estimate)', type: [CostItemDto] })
  @IsArray()
  @ArrayMaxSize(100)
  @ValidateNested({ each: true })
  @Type(() => CostItemDto)
  costItems: CostItemDto[];
}

export class UpdateProjectPlanDto extends ProjectPlanInputDto {
  @ApiProperty({ description: '读取时的版本号 (version you read)' })
  @IsInt()
  @Min(1)
  version: number;
}

export class ReturnPlanDto {
  @ApiProperty({ description: '退回意见 (comments)' })
  @IsString()
  @Length(2, 1000)
  comments: string;
}

export class ListPlansQuery {
  @ApiPropertyOptional({ description: '年度 (year)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(2000)
  @Max(2100)
  year?: number;

  @ApiPropertyOptional({
    description: '状态 (status)',
    enum: ['draft', 'submitted', 'returned', 'approved', 'superseded'],
  })
  @IsOptional()
  @IsIn(['draft', 'submitted', 'returned', 'approved', 'superseded'])
  status?: string;
}

export class PlanProjectDto {
  @ApiProperty({ description: 'ID' }) id: string;
  @ApiProperty({ description: '培训类型' }) type: string;
  @ApiProperty({ description: '名称' }) title: string;
  @ApiProperty({ description: '岗位层级', type: [String] }) targetTiers: string[];
  @ApiProperty({ description: '进入方式', type: [String] }) targetChannels: string[];
  @ApiProperty({ description: '计划名额' }) plannedPlaces: number;
  @ApiProperty({ description: '预算（分）' }) budgetFen: number;
  @ApiProperty({ description: '经费来源 (funding level, from the policy)' }) fundingLevel: string;
  @ApiProperty({ description: '政策最低学时 (policy minimum hours)', nullable: true, type: Number })
  minimumHours: number | null;
}

export class AnnualPlanDto {
  @ApiProperty({ description: 'ID' }) id: string;
  @ApiProperty({ description: '年度' }) year: number;
  @ApiProperty({ description: '标题' }) title: string;
  @ApiProperty({ description: 'draft / published' }) status: string;
  @ApiProperty({ description: '需求调查报告文件名', nullable: true, type: String })
  surveyReportName: string | null;
  @ApiProperty({ description: '发布时间', nullable: true, type: String, format: 'date-time' })
  publishedAt: Date | null;
  @ApiProperty({ description: '项目 (projects)', type: [PlanProjectDto] })
  projects: PlanProjectDto[];
  @ApiProperty({ description: '按经费来源汇总的预算（分）(budget by funding level)', type: Object })
  budgetByFunding: Record<string, number>;
}

export class ProjectPlanDto {
  @ApiProperty({ description: 'ID' }) id: string;
  @ApiProperty({ description: '年度' }) year: number;
  @ApiProperty({ description: '区' }) districtId: string;
  @ApiProperty({ description: '市计划项目' }) planProjectId: string;
  @ApiProperty({ description: '培训类型' }) type: string;
  @ApiProperty({ description: '受委托机构' }) institutionId: string;
  @ApiProperty({ description: '名称' }) title: string;
  @ApiProperty({ description: '名额' }) places: number;
  @ApiProperty({ description: '开始日期' }) startDate: string;
  @ApiProperty({ description: '结束日期' }) endDate: string;
  @ApiProperty({ description: '地点' }) place: string;
  @ApiProperty({ description: '方式', type: [String] }) methods: string[];
  @ApiProperty({ description: '师资', type: [String] }) teacherIds: string[];
  @ApiProperty({ description: '教材', nullable: true, type: String }) materials: string | null;
  @ApiProperty({ description: '课次 (hours in class hours)', type: [SessionDto] })
  sessions: SessionDto[];
  @ApiProperty({ description: '合计学时 (total class hours)' }) totalHours: number;
  @ApiProperty({ description: '经费测算', type: [CostItemDto] }) costItems: CostItemDto[];
  @ApiProperty({ description: '状态 draft / submitted / returned / approved / superseded' })
  status: string;
  @ApiProperty({ description: '退回意见', nullable: true, type: String }) comments: string | null;
  @ApiProperty({ description: '修订自 (amends)', nullable: true, type: String }) amendmentOf:
    string | null;
  @ApiProperty({ description: '备案号', nullable: true, type: String }) filingNumber: string | null;
  @ApiProperty({ description: '提交时间', nullable: true, type: String }) submittedAt: Date | null;
  @ApiProperty({ description: '审批时间', nullable: true, type: String }) decidedAt: Date | null;
  @ApiProperty({ description: '版本号' }) version: number;
}

export class PlanQueueItemDto {
  @ApiProperty({ description: 'ID' }) id: string;
  @ApiProperty({ description: '名称' }) title: string;
  @ApiProperty({ description: '区' }) districtId: string;
  @ApiProperty({ description: '区名称' }) districtName: string;
  @ApiProperty({ description: '培训类型' }) type: string;
  @ApiProperty({ description: '是否为修订 (amendment)' }) amendment: boolean;
  @ApiProperty({ description: '提交时间', format: 'date-time' }) submittedAt: Date;
}

export class PlanQueueDto {
  @ApiProperty({ description: '待审批总数 (pending)' }) count: number;
  @ApiProperty({ description: '按区统计 (by district)', type: Object }) byDistrict: Record<
    string,
    number
  >;
  @ApiProperty({ description: '按培训类型统计 (by type)', type: Object }) byType: Record<
    string,
    number
  >;
  @ApiProperty({
    description: '最早提交的在前，最多 200 条 (oldest first)',
    type: [PlanQueueItemDto],
  })
  items: PlanQueueItemDto[];
}

export class PlanProblemDto {
  @ApiProperty({ description: '字段 (field the problem names, e.g. sessions[2].date)' })
  field: string;
  @ApiProperty({ description: '代码 (code)', example: 'HOURS_BELOW_MINIMUM' }) code: string;
  @ApiProperty({ description: '说明 (message)' }) message: string;
}

export class PlanCheckDto {
  @ApiProperty({
    description: '检查项 (hours / teachers / institution / dates / fees / places / materials)',
  })
  key: string;
  @ApiProperty({ description: '检查内容 (what is checked)' }) label: string;
  @ApiProperty({ description: '是否通过 (passed)' }) passed: boolean;
  @ApiProperty({ description: '未通过的原因 (problems)', type: [PlanProblemDto] })
  problems: PlanProblemDto[];
}

export class PlanChecksDto {
  @ApiProperty({ description: '计划书 ID', format: 'uuid' }) planId: string;
  @ApiProperty({ description: '适用的政策版本 (policy version)' }) policyId: string;
  @ApiProperty({ description: '政策最低学时 (policy minimum hours)', nullable: true, type: Number })
  minimumHours: number | null;
  @ApiProperty({ description: '合计学时 (total class hours)' }) totalHours: number;
  @ApiProperty({ description: '全部通过，可提交/批准 (all passed)' }) passed: boolean;
  @ApiProperty({
    description: '提交和批准时所做的政策检查，现在的结果 (the submit/approve checks, as of now)',
    type: [PlanCheckDto],
  })
  checks: PlanCheckDto[];
}
