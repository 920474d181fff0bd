import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length, MaxLength, MinLength } from 'class-validator';

export class LoginDto {
  @ApiProperty({ description: '用户名 (username)', example: 'shi.admin', maxLength: 64 })
  @IsString()
  @Length(1, 64)
  username: string;

  @ApiProperty({ description: '密码 (password)', example: 'Demo#2026', maxLength: 128 })
  @IsString()
  @Length(1, 128)
  password: string;
}

export class RefreshDto {
  @ApiProperty({ description: '刷新令牌 (refresh token from login or the previous refresh)' })
  @IsString()
  @MinLength(20)
  @MaxLength(200)
  refreshToken: string;
}

export class ChangePasswordDto {
  @ApiProperty({ description: '当前密码 (current password)' })
  @IsString()
  @Length(1, 128)
  currentPassword: string;

  @ApiProperty({
    description: '新密码：8-128 位，须含字母和数字 (new password)',
    minLength: 8,
    maxLength: 128,
  })
  @IsString()
  @Length(8, 128)
  newPassword: string;
}

export class ActorDto {
  @ApiProperty({ description: '账号 ID (account id)', format: 'uuid' })
  accountId: string;
  @ApiProperty({ description: '用户名 (username)' })
  username: string;
  @ApiProperty({
    description: '角色 (role)',
    enum: [
      'municipal_admin',
      'district_admin',
      'street_admin',
      'institution_staff',
      'teacher',
      'worker',
    ],
  })
  role: string;
  @ApiProperty({
    description: '所属机构/区域 ID (bound organisation)',
    nullable: true,
    type: String,
  })
  orgId: string | null;
  @ApiProperty({ description: '所在区 ID (district of the scope)', nullable: true, type: String })
  districtId: string | null;
  @ApiProperty({ description: '所在街道 ID (street of the scope)', nullable: true, type: String })
  streetId: string | null;
  @ApiProperty({ description: '关联的社区工作者 ID (linked worker)', nullable: true, type: String })
  workerId: string | null;
}

export class UnitRefDto {
  @ApiProperty({ description: '单位 ID (unit id)', format: 'uuid' })
  id: string;
  @ApiProperty({
    description: '单位类型 (kind)',
    enum: ['municipality', 'district', 'street', 'community', 'institution'],
  })
  kind: string;
  @ApiProperty({ description: '名称 (name)' })
  name: string;
}

/** The signed-in account with the names of its units (GET /auth/me). */
export class MeDto extends ActorDto {
  @ApiProperty({
    description: '所属单位；社区工作者为所在社区 (bound unit; a worker: their community)',
    type: UnitRefDto,
    nullable: true,
  })
  unit: UnitRefDto | null;
  @ApiProperty({
    description: '管辖范围所在区 (district of the scope)',
    type: UnitRefDto,
    nullable: true,
  })
  district: UnitRefDto | null;
  @ApiProperty({
    description: '管辖范围所在街道 (street of the scope)',
    type: UnitRefDto,
    nullable: true,
  })
  street: UnitRefDto | null;
}

export class TokenPairDto {
  @ApiProperty({ description: '访问令牌 JWT (short-lived access token)' })
  accessToken: string;
  @ApiProperty({ description: '访问令牌有效秒数 (seconds until the access token expires)' })
  expiresIn: number;
  @ApiProperty({
    description: '刷新令牌，一次性使用 (single-use refresh token; rotated on refresh)',
  })
  refreshToken: string;
  @ApiProperty({ description: '刷新令牌过期时间 (refresh token expiry)', format: 'date-time' })
  refreshExpiresAt: string;
  @ApiProperty({ description: '当前账号 (the signed-in account)', type: ActorDto })
  actor: ActorDto;
}
