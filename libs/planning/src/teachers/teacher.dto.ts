import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  MaxLength,
} from 'class-validator';
import { OptionalNotNull } from '@peixun/core';

export class CreateTeacherDto {
  @ApiProperty({ description: '姓名 (name)', example: '王老师' })
  @IsString()
  @Length(1, 50)
  name: string;

  @ApiPropertyOptional({ description: '职称 (title)', example: '副教授' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  title?: string;

  @ApiProperty({
    description: '授课方向 (subjects)',
    example: ['社区治理', '社会工作实务'],
    type: [String],
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  subjects: string[];

  @ApiPropertyOptional({
    description: '资质 (qualifications)',
    example: '社会工作师；10 年社区工作经验',
  })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  qualifications?: string;

  @ApiPropertyOptional({ description: '联系电话 (phone)' })
  @IsOptional()
  @Matches(/^[0-9+\- ]{5,20}$/, { message: 'phone must be 5-20 digits' })
  phone?: string;

  @ApiPropertyOptional({
    description: '关联本机构的教师账号 (a teacher account of your institution)',
    format: 'uuid',
  })
  @IsOptional()
  @IsUUID()
  accountId?: string;
}

export class UpdateTeacherDto {
  @ApiPropertyOptional({ description: '职称 (title)' })
  @IsOptional()
  @IsString()
  @MaxLength(50)
  title?: string;

  @ApiPropertyOptional({ description: '授课方向 (subjects)', type: [String] })
  @OptionalNotNull()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @Length(1, 40, { each: true })
  subjects?: string[];

  @ApiPropertyOptional({ description: '资质 (qualifications)' })
  @IsOptional()
  @IsString()
  @MaxLength(500)
  qualifications?: string;
}

export class ListTeachersQuery {
  @ApiPropertyOptional({ description: '授课方向包含 (subject)' })
  @IsOptional()
  @IsString()
  @Length(1, 40)
  subject?: string;

  @ApiPropertyOptional({ description: '所属机构 (institution)', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  institutionId?: string;
}

export class TeacherDto {
  @ApiProperty({ description: 'ID', format: 'uuid' }) id: string;
  @ApiProperty({ description: '姓名' }) name: string;
  @ApiProperty({ description: '职称', nullable: true, type: String }) title: string | null;
  @ApiProperty({ description: '授课方向', type: [String] }) subjects: string[];
  @ApiProperty({ description: '资质', nullable: true, type: String }) qualifications: string | null;
  @ApiProperty({ description: '是否有账号 (has an account)' }) hasAccount: boolean;
  @ApiProperty({ description: '所属机构 ID (institutions)', type: [String] })
  institutionIds: string[];
}
