import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  IsDateString,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';

export class AuditQueryDto {
  @ApiPropertyOptional({ description: '动作，如 auth.login_failed (action)' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  action?: string;

  @ApiPropertyOptional({ description: '对象类型，如 account (entity type)' })
  @IsOptional()
  @IsString()
  @MaxLength(60)
  entityType?: string;

  @ApiPropertyOptional({ description: '对象 ID (entity id)' })
  @IsOptional()
  @IsString()
  @MaxLength(80)
  entityId?: string;

  @ApiPropertyOptional({ description: '操作账号 ID (actor account id)', format: 'uuid' })
  @IsOptional()
  @IsUUID()
  actorAccountId?: string;

  @ApiPropertyOptional({ description: '起始时间，含 (from, inclusive)', format: 'date-time' })
  @IsOptional()
  @IsDateString()
  from?: string;

  @ApiPropertyOptional({ description: '截止时间，不含 (to, exclusive)', format: 'date-time' })
  @IsOptional()
  @IsDateString()
  to?: string;

  @ApiPropertyOptional({ description: '翻页游标：上一页的 nextCursor (keyset cursor)' })
  @IsOptional()
  @Matches(/^\d{1,19}$/, { message: 'cursor must be the nextCursor of the previous page' })
  cursor?: string;

  @ApiPropertyOptional({ description: '每页条数 1-200 (page size)', default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(200)
  limit?: number;
}

export class AuditEntryDto {
  @ApiProperty({ description: '序号 (id, increasing)' }) id: string;
  @ApiProperty({ description: '发生时间', format: 'date-time' }) occurredAt: Date;
  @ApiProperty({ description: '操作账号 ID', nullable: true, type: String }) actorAccountId:
    string | null;
  @ApiProperty({ description: '操作账号用户名', nullable: true, type: String }) actorUsername:
    string | null;
  @ApiProperty({ description: '操作账号角色', nullable: true, type: String }) actorRole:
    string | null;
  @ApiProperty({ description: '动作 (action)' }) action: string;
  @ApiProperty({ description: '对象类型 (entity type)' }) entityType: string;
  @ApiProperty({ description: '对象 ID', nullable: true, type: String }) entityId: string | null;
  @ApiProperty({
    description: '请求 ID (request id, for log correlation)',
    nullable: true,
    type: String,
  })
  requestId: string | null;
  @ApiProperty({ description: '客户端 IP', nullable: true, type: String }) ip: string | null;
  @ApiProperty({ description: '详情 (details)', nullable: true, type: Object }) data: Record<
    string,
    unknown
  > | null;
}

export class AuditPageDto {
  @ApiProperty({ type: [AuditEntryDto], description: '本页日志，新的在前 (entries, newest first)' })
  items: AuditEntryDto[];
  @ApiProperty({ description: '下一页游标；无更多时为 null', nullable: true, type: String })
  nextCursor: string | null;
}

export class StartRetentionDto {
  @ApiPropertyOptional({
    description:
      '保留天数：早于此的日志移入归档 (entries older than this move to the archive); default AUDIT_RETENTION_DAYS',
    minimum: 1,
    maximum: 36500,
  })
  @IsOptional()
  @IsInt()
  @Min(1)
  @Max(36500)
  retentionDays?: number;
}

export class JobRefDto {
  @ApiProperty({ description: '队列名 (queue)' }) queue: string;
  @ApiProperty({ description: '任务 ID：用 GET /api/v1/jobs/{queue}/{jobId} 查询进度' })
  jobId: string;
}
