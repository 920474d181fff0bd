import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ALL_ROLES, Role } from '@peixun/core';
import {
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Length,
  Matches,
  Max,
  Min,
} from 'class-validator';

const USERNAME = /^[a-z0-9][a-z0-9._-]{2,63}$/;

export class CreateAccountDto {
  @ApiProperty({
    description: '用户名：3-64 位小写字母、数字、. _ - (username)',
    example: 'haidian.zhang',
  })
  @Matches(USERNAME, {
    message: 'username must be 3-64 lower-case letters, digits, ".", "_" or "-"',
  })
  username: string;

  @ApiProperty({ description: '显示名 (display name)', example: '张三' })
  @IsString()
  @Length(1, 100)
  displayName: string;

  @ApiProperty({ description: '角色 (role)', enum: ALL_ROLES.filter((r) => r !== 'worker') })
  @IsIn(ALL_ROLES.filter((r) => r !== 'worker'))
  role: Exclude<Role, 'worker'>;

  @ApiProperty({
    description: '管辖范围：区、街道、机构或市的 ID (the unit the account is bound to)',
    format: 'uuid',
  })
  @IsUUID()
  scopeOrgId: string;

  @ApiPropertyOptional({
    description: '初始密码；缺省时生成并返回一次 (initial password; generated if absent)',
  })
  @IsOptional()
  @IsString()
  @Length(8, 128)
  password?: string;
}

export class CreateWorkerAccountDto {
  @ApiProperty({ description: '用户名 (username)', example: 'li.si' })
  @Matches(USERNAME, {
    message: 'username must be 3-64 lower-case letters, digits, ".", "_" or "-"',
  })
  username: string;

  @ApiPropertyOptional({
    description: '初始密码；缺省时生成并返回一次 (initial password; generated if absent)',
  })
  @IsOptional()
  @IsString()
  @Length(8, 128)
  password?: string;
}

export class ListAccountsQuery {
  @ApiPropertyOptional({ description: '角色筛选 (role)', enum: ALL_ROLES })
  @IsOptional()
  @IsIn(ALL_ROLES as string[])
  role?: Role;

  @ApiPropertyOptional({ description: '翻页游标 (cursor from the previous page)' })
  @IsOptional()
  @Matches(/^[a-z0-9._-]{1,64}$/)
  cursor?: string;

  @ApiPropertyOptional({ description: '每页条数 1-200 (page size)', default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class AccountDto {
  @ApiProperty({ description: 'ID', format: 'uuid' }) id: string;
  @ApiProperty({ description: '用户名 (username)' }) username: string;
  @ApiProperty({ description: '显示名 (display name)' }) displayName: string;
  @ApiProperty({ description: '角色 (role)', enum: ALL_ROLES }) role: Role;
  @ApiProperty({ description: '管辖范围 (bound unit)', nullable: true, type: String }) scopeOrgId:
    string | null;
  @ApiProperty({ description: '关联的社区工作者 (linked worker)', nullable: true, type: String })
  workerId: string | null;
  @ApiProperty({ description: '是否启用 (active)' }) active: boolean;
  @ApiProperty({
    description: '最近登录 (last login)',
    nullable: true,
    type: String,
    format: 'date-time',
  })
  lastLoginAt: Date | null;
}

export class CreatedAccountDto extends AccountDto {
  @ApiProperty({
    description: '初始或重置后的密码，只显示这一次 (shown once)',
    nullable: true,
    type: String,
  })
  password: string | null;
}

export class AccountPageDto {
  @ApiProperty({ description: '账号 (accounts, by username)', type: [AccountDto] })
  items: AccountDto[];
  @ApiProperty({ description: '下一页游标 (next cursor)', nullable: true, type: String })
  nextCursor: string | null;
}

export class TemporaryPasswordDto {
  @ApiProperty({
    description: '临时密码，只显示这一次；该账号的所有登录已注销 (shown once; sessions revoked)',
  })
  temporaryPassword: string;
}
