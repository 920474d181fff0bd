import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional, IsString, IsUUID, Length, Matches } from 'class-validator';
import { OptionalNotNull } from '@peixun/core';
import { ORG_KINDS, OrgKind } from '../org-unit.entity';

const toBool = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class CreateOrgUnitDto {
  @ApiProperty({
    description: '类型：district 区 / street 街道 / community 社区 / institution 培训机构',
    enum: ['district', 'street', 'community', 'institution'],
  })
  @IsIn(['district', 'street', 'community', 'institution'])
  kind: Exclude<OrgKind, 'municipality'>;

  @ApiPropertyOptional({
    description: '上级 ID；缺省为调用者所在的单位 (parent; defaults to your own unit)',
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiProperty({ description: '名称 (name)', example: '中关村街道' })
  @IsString()
  @Length(1, 100)
  name: string;

  @ApiPropertyOptional({
    description:
      '行政区划代码或登记编号；区划代码须属于本市且在上级之内 (division code, within the municipality and the parent, or a registration number)',
    example: '110108013',
  })
  @IsOptional()
  @Matches(/^[0-9A-Za-z-]{1,32}$/, { message: 'code must be 1-32 letters, digits or -' })
  code?: string;
}

export class UpdateOrgUnitDto {
  @ApiPropertyOptional({ description: '名称 (name)' })
  @OptionalNotNull()
  @IsString()
  @Length(1, 100)
  name?: string;

  @ApiPropertyOptional({ description: '行政区划代码 (division code)' })
  @OptionalNotNull()
  @Matches(/^[0-9A-Za-z-]{1,32}$/, { message: 'code must be 1-32 letters, digits or -' })
  code?: string;

  @ApiPropertyOptional({ description: '启用/停用 (active)' })
  @OptionalNotNull()
  @IsBoolean()
  active?: boolean;
}

export class ListOrgUnitsQuery {
  @ApiPropertyOptional({ description: '类型筛选 (kind)', enum: ORG_KINDS })
  @IsOptional()
  @IsIn(ORG_KINDS)
  kind?: OrgKind;

  @ApiPropertyOptional({ description: '上级 ID 筛选 (parent)', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  parentId?: string;

  @ApiPropertyOptional({ description: '包含已停用的 (include deactivated units)', default: false })
  @IsOptional()
  @Transform(toBool)
  @IsBoolean()
  includeInactive?: boolean;
}

export class OrgUnitDto {
  @ApiProperty({ description: 'ID', format: 'uuid' }) id: string;
  @ApiProperty({ description: '类型 (kind)', enum: ORG_KINDS }) kind: OrgKind;
  @ApiProperty({ description: '上级 ID (parent)', nullable: true, type: String }) parentId:
    string | null;
  @ApiProperty({ description: '名称 (name)' }) name: string;
  @ApiProperty({ description: '代码 (code)', nullable: true, type: String }) code: string | null;
  @ApiProperty({ description: '所在区 (district)', nullable: true, type: String }) districtId:
    string | null;
  @ApiProperty({ description: '所在街道 (street)', nullable: true, type: String }) streetId:
    string | null;
  @ApiProperty({ description: '是否启用 (active)' }) active: boolean;
}

export class DeleteOutcomeDto {
  @ApiProperty({
    description:
      'deleted：已删除；deactivated：仍被引用，已停用 (still referenced, so deactivated)',
  })
  outcome: 'deleted' | 'deactivated';
  @ApiProperty({ description: '引用它的记录数 (what refers to it)', type: Object })
  references: Record<string, number>;
}
