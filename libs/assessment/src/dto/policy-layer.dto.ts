import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { GradeCapDto } from '@peixun/policy';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
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

/**
 * A district's own grade rules on top of its municipality's (seed 001 part 1: Haidian), as a
 * new version of the municipality's policy from a year that has not begun.
 */
export class DistrictLayerDto {
  @ApiProperty({
    description: '新版本 ID (id of the new version)',
    example: 'beijing-2027-haidian',
  })
  @Matches(/^[a-z0-9-]{3,40}$/, { message: 'id must be 3-40 lower-case letters, digits or -' })
  id: string;

  @ApiProperty({
    description: '以哪个版本为基础 (version it is based on)',
    example: 'beijing-2012',
  })
  @IsString()
  @Length(3, 40)
  basedOn: string;

  @ApiProperty({ description: '起始年度，须晚于今年 (first year; after the current year)' })
  @IsInt()
  @Min(2000)
  @Max(2100)
  fromYear: number;

  @ApiPropertyOptional({
    description:
      '区（市民政局必填；区民政局只能是本区）(the district: required of the bureau; a district its own)',
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID()
  districtId?: string;

  @ApiPropertyOptional({ description: '新版本标题 (title of the new version)' })
  @IsOptional()
  @IsString()
  @Length(2, 100)
  title?: string;

  @ApiProperty({
    description: '本区的等次限制；空列表即撤销本区规则层 (the caps; empty removes the layer)',
    type: [GradeCapDto],
  })
  @IsArray()
  @ArrayMaxSize(10)
  @ValidateNested({ each: true })
  @Type(() => GradeCapDto)
  gradeCaps: GradeCapDto[];
}
