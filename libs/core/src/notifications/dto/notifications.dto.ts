import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Matches, Max, Min } from 'class-validator';
import { CURSOR_PATTERN } from '../notifications.rules';

export class NotificationQueryDto {
  @ApiPropertyOptional({
    description: '只列未读 (only unread notifications): true | false',
    enum: ['true', 'false'],
  })
  @IsOptional()
  @IsIn(['true', 'false'])
  unread?: 'true' | 'false';

  @ApiPropertyOptional({ description: '翻页游标：上一页的 nextCursor (keyset cursor)' })
  @IsOptional()
  @Matches(CURSOR_PATTERN, { message: 'cursor must be the nextCursor of the previous page' })
  cursor?: string;

  @ApiPropertyOptional({ description: '每页条数 1-100 (page size)', default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  limit?: number;
}

export class NotificationDto {
  @ApiProperty({ description: '通知 ID (notification id)', format: 'uuid' })
  id: string;

  @ApiProperty({
    description: '类型 <area>.<event>，如 class.session_changed (kind)',
    example: 'class.session_changed',
  })
  kind: string;

  @ApiProperty({ description: '标题 (title, ≤ 100 characters)' })
  title: string;

  @ApiProperty({ description: '正文 (body, ≤ 1000 characters)' })
  body: string;

  @ApiProperty({
    description: '跳转所需的 ID，如 { "classId": "…" } (ids for deep links)',
    type: Object,
  })
  data: Record<string, string | number | boolean | null>;

  @ApiProperty({ description: '发出时间 (created at)', format: 'date-time' })
  createdAt: Date;

  @ApiProperty({
    description: '已读时间；未读为 null (read at)',
    format: 'date-time',
    nullable: true,
    type: String,
  })
  readAt: Date | null;
}

export class NotificationPageDto {
  @ApiProperty({ type: [NotificationDto], description: '本页通知，新的在前 (newest first)' })
  items: NotificationDto[];

  @ApiProperty({
    description: '下一页游标；无更多时为 null (next cursor)',
    nullable: true,
    type: String,
  })
  nextCursor: string | null;
}

export class UnreadCountDto {
  @ApiProperty({ description: '未读通知数 (unread notifications)' })
  count: number;
}

export class MarkedReadDto {
  @ApiProperty({ description: '本次标为已读的通知数 (notifications marked read)' })
  updated: number;
}
