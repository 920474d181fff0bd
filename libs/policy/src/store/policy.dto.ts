import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Length,
  Matches,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { TRAINING_TYPES, TrainingType } from '../policy.types';

export class HoursChangesDto {
  @ApiPropertyOptional({ description: '初任培训学时（其他新招录）(induction, default)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2000)
  induction?: number;

  @ApiPropertyOptional({
    description: '初任培训学时（全市统一公开招录）(induction, city-wide recruits)',
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2000)
  inductionCitywide?: number;

  @ApiPropertyOptional({ description: '岗位培训学时 (post)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2000)
  post?: number;

  @ApiPropertyOptional({ description: '进修培训学时 (advanced)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2000)
  advanced?: number;

  @ApiPropertyOptional({ description: '继续教育学时 (continuing)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(2000)
  continuing?: number;
}

export class GradeCapDto {
  @ApiProperty({
    description: '条件 (when): no_training / no_exam / failed_exam / hours_below',
    enum: ['no_training', 'no_exam', 'failed_exam', 'hours_below'],
  })
  @IsIn(['no_training', 'no_exam', 'failed_exam', 'hours_below'])
  when: 'no_training' | 'no_exam' | 'failed_exam' | 'hours_below';

  @ApiPropertyOptional({ description: 'hours_below 的年度学时下限 (yearly hours for hours_below)' })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(2000)
  hours?: number;

  @ApiProperty({ description: '最高可评等次 (best grade still allowed)', example: 'competent' })
  @IsString()
  @Length(1, 30)
  bestGrade: string;

  @ApiProperty({ description: '依据 (source)', example: '某区社区工作者管理办法 第六条' })
  @IsString()
  @Length(2, 200)
  source: string;
}

export class PolicyLayerDto {
  @ApiProperty({
    description: '区的行政区划代码 (district division code, GB/T 2260)',
    example: '110108',
  })
  @Matches(/^\d{6}$/, { message: 'districtCode must be a 6-digit division code' })
  districtCode: string;

  @ApiProperty({ description: '层级名称 (name of the layer)', example: '海淀区' })
  @IsString()
  @Length(2, 50)
  name: string;

  @ApiProperty({ description: '本区的等次限制 (the district’s grade caps)', type: [GradeCapDto] })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => GradeCapDto)
  gradeCaps: GradeCapDto[];
}

export class GradeShareLimitDto {
  @ApiProperty({ description: '等次 (grade)', example: 'excellent' })
  @IsString()
  @Length(1, 30)
  grade: string;

  @ApiProperty({ description: '最高比例，百分数 (largest share, per cent)', example: 20 })
  @IsInt()
  @Min(1)
  @Max(100)
  maxPercent: number;

  @ApiProperty({ description: '计算单位 (unit counted)', enum: ['street'] })
  @IsIn(['street'])
  per: 'street';

  @ApiProperty({ description: '依据 (source)', example: '沈阳市社区工作者管理办法 第二十八条' })
  @IsString()
  @Length(2, 200)
  source: string;
}

export class RemedialRuleDto {
  @ApiProperty({ description: '考核等次 (grade that calls for training)', example: 'warning' })
  @IsString()
  @Length(1, 30)
  afterGrade: string;

  @ApiProperty({ description: '须参加的培训类型 (training type owed)', enum: TRAINING_TYPES })
  @IsIn(TRAINING_TYPES)
  type: TrainingType;

  @ApiProperty({ description: '名称 (label)', example: '专门培训' })
  @IsString()
  @Length(2, 50)
  label: string;

  @ApiProperty({ description: '依据 (source)', example: '沈阳市社区工作者管理办法 第三十二条' })
  @IsString()
  @Length(2, 200)
  source: string;
}

export class NewPolicyVersionDto {
  @ApiProperty({ description: '新版本 ID (id of the new version)', example: 'beijing-2027' })
  @Matches(/^[a-z0-9-]{3,40}$/, { message: 'id must be 3-40 lower-case letters, digits or -' })
  id: string;

  @ApiProperty({
    description: '以哪个版本为基础 (version it is based on)',
    example: 'beijing-2012',
  })
  @IsString()
  @Length(3, 40)
  basedOn: string;

  @ApiProperty({
    description: '起始年度，须晚于今年 (first year; after the current year)',
    example: 2027,
  })
  @IsInt()
  @Min(2000)
  @Max(2100)
  fromYear: number;

  @ApiProperty({ description: '标题 (title)' })
  @IsString()
  @Length(2, 100)
  title: string;

  @ApiPropertyOptional({ description: '学时调整 (changed minimum hours)', type: HoursChangesDto })
  @IsOptional()
  @ValidateNested()
  @Type(() => HoursChangesDto)
  hours?: HoursChangesDto;

  @ApiPropertyOptional({
    description: '可推荐进修的上年考核等次 (grades that allow nomination)',
    type: [String],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @IsString({ each: true })
  nominationGrades?: string[];

  @ApiPropertyOptional({
    description: '培训结果对考核等次的限制；给出即整体替换 (grade caps; replaces the list)',
    type: [GradeCapDto],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => GradeCapDto)
  gradeCaps?: GradeCapDto[];

  @ApiPropertyOptional({
    description: '区级规则层；给出即整体替换 (district layers; replaces the list)',
    type: [PolicyLayerDto],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => PolicyLayerDto)
  layers?: PolicyLayerDto[];

  @ApiPropertyOptional({
    description: '等次比例限制；给出即整体替换 (grade share limits; replaces the list)',
    type: [GradeShareLimitDto],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => GradeShareLimitDto)
  shareLimits?: GradeShareLimitDto[];

  @ApiPropertyOptional({
    description:
      '考核后须参加的培训；给出即整体替换 (training owed after a grade; replaces the list)',
    type: [RemedialRuleDto],
  })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => RemedialRuleDto)
  remedial?: RemedialRuleDto[];

  @ApiPropertyOptional({ description: '进修培训年度名额 (advanced-study places a year)' })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(100000)
  advancedQuota?: number;
}

export class PolicyVersionDto {
  @ApiProperty({ description: '版本 ID' }) id: string;
  @ApiProperty({ description: '地区 (region)' }) region: string;
  @ApiProperty({ description: '起始年度 (from year)' }) fromYear: number;
  @ApiProperty({ description: '政策内容 (the policy)', type: Object }) data: Record<
    string,
    unknown
  >;
  @ApiProperty({ description: '创建时间', format: 'date-time' }) createdAt: Date;
}
