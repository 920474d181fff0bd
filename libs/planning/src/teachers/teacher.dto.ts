import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsDateString,
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
  @ApiProperty({
    description:
      '是否同意列入师资库 (consents to be listed): 否则不能被新选用 (otherwise not offered for selection)',
  })
  consenting: boolean;
}

export class GiveConsentDto {
  @ApiPropertyOptional({
    description: '备注 (note)',
    example: '同意在师资库中公开姓名、职称、授课方向',
  })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class RecordPaperConsentDto {
  @ApiProperty({
    description: '书面同意书签署日期 (date on the signed form)',
    example: '2026-11-20',
  })
  @IsDateString({ strict: true }, { message: 'signedOn must be a date YYYY-MM-DD' })
  @Matches(/^\d{4}-\d{2}-\d{2}$/, { message: 'signedOn must be a date YYYY-MM-DD' })
  signedOn: string;

  @ApiProperty({
    description: '同意书存档编号或出处 (where the signed form is kept)',
    example: '师资档案 2026-017',
  })
  @IsString()
  @Length(1, 100)
  reference: string;

  @ApiPropertyOptional({ description: '备注 (note)' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  note?: string;
}

export class WithdrawOwnConsentDto {
  @ApiPropertyOptional({ description: '撤回理由，可不填 (reason; optional for the teacher)' })
  @IsOptional()
  @IsString()
  @Length(1, 500)
  reason?: string;
}

export class RecordWithdrawalDto {
  @ApiProperty({
    description: '撤回理由及依据，如教师书面撤回的日期 (reason, e.g. the teacher’s letter)',
    example: '本人 2026-11-20 书面申请撤回',
  })
  @IsString()
  @Length(1, 500)
  reason: string;
}

export class TeacherConsentDto {
  @ApiProperty({ description: 'ID', format: 'uuid' }) id: string;
  @ApiProperty({
    description: '方式：account 教师本人账号 / paper 机构登记书面同意 (how)',
    enum: ['account', 'paper'],
  })
  method: string;
  @ApiProperty({ description: '生效时间 (given at)' }) givenAt: Date;
  @ApiProperty({ description: '书面同意签署日期 (signed on)', nullable: true, type: String })
  signedOn: string | null;
  @ApiProperty({ description: '存档编号 (reference)', nullable: true, type: String })
  reference: string | null;
  @ApiProperty({ description: '备注 (note)', nullable: true, type: String }) note: string | null;
  @ApiProperty({ description: '登记账号 (recorded by)' }) recordedBy: string;
  @ApiProperty({ description: '撤回时间 (withdrawn at)', nullable: true, type: Date })
  withdrawnAt: Date | null;
  @ApiProperty({ description: '撤回登记账号 (withdrawn by)', nullable: true, type: String })
  withdrawnBy: string | null;
  @ApiProperty({
    description: '撤回方式 (withdrawal method)',
    nullable: true,
    enum: ['account', 'paper'],
  })
  withdrawalMethod: string | null;
  @ApiProperty({ description: '撤回理由 (withdrawal reason)', nullable: true, type: String })
  withdrawalReason: string | null;
}

export class TeacherConsentStateDto {
  @ApiProperty({ description: '教师 ID', format: 'uuid' }) teacherId: string;
  @ApiProperty({ description: '当前是否同意列入师资库 (listed now)' }) consenting: boolean;
  @ApiProperty({
    description: '当前有效的同意 (current consent)',
    nullable: true,
    type: TeacherConsentDto,
  })
  current: TeacherConsentDto | null;
  @ApiProperty({
    description: '全部记录，新的在前 (history, newest first)',
    type: [TeacherConsentDto],
  })
  history: TeacherConsentDto[];
}
