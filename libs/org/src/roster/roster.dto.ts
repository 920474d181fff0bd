import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { WorkerFiltersDto } from '../workers/worker.dto';

export class TemplateQuery {
  @ApiPropertyOptional({
    description: '模板格式 (template format)',
    enum: ['xlsx', 'csv'],
    default: 'xlsx',
  })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: 'xlsx' | 'csv';
}

export class StartExportDto extends WorkerFiltersDto {
  @ApiPropertyOptional({ description: '导出格式 (format)', enum: ['xlsx', 'csv'], default: 'xlsx' })
  @IsOptional()
  @IsIn(['xlsx', 'csv'])
  format?: 'xlsx' | 'csv';
}

export class RowErrorDto {
  @ApiProperty({ description: '行号，表头为第 1 行 (spreadsheet row; the header is row 1)' })
  row: number;
  @ApiProperty({ description: '列名 (column header)' }) column: string;
  @ApiProperty({ description: '原因 (reason)' }) reason: string;
}

export class RosterImportResultDto {
  @ApiProperty({ description: '导入 ID (import id)', format: 'uuid' }) importId: string;
  @ApiProperty({
    description: 'pending / processing / invalid（有错误行，未写入）/ completed / failed',
  })
  status: string;
  @ApiProperty({ description: '数据行数 (data rows)' }) totalRows: number;
  @ApiProperty({ description: '新增人数 (created)' }) created: number;
  @ApiProperty({ description: '更新人数 (updated, matched on ID number)' }) updated: number;
  @ApiProperty({ description: '错误行数 (number of problems)' }) errorCount: number;
  @ApiProperty({
    description: '错误明细（最多 1000 条）(problems, at most 1,000)',
    type: [RowErrorDto],
  })
  errors: RowErrorDto[];
  @ApiProperty({ description: '处理失败原因 (failure)', nullable: true, type: String }) failure:
    string | null;
}

export class RosterJobDto {
  @ApiProperty({ description: '名册文件 ID (import or export id)', format: 'uuid' }) id: string;
  @ApiProperty({ description: '队列名 (queue)' }) queue: string;
  @ApiProperty({ description: '任务 ID：GET /api/v1/jobs/{queue}/{jobId} 查询进度' }) jobId: string;
  @ApiProperty({ description: '状态 (status)' }) status: string;
}

export class RosterExportDto {
  @ApiProperty({ description: '导出 ID (export id)', format: 'uuid' }) id: string;
  @ApiProperty({ description: 'pending / processing / completed / failed' }) status: string;
  @ApiProperty({ description: '格式 (format)' }) format: string;
  @ApiProperty({ description: '行数 (rows)', nullable: true, type: Number }) totalRows:
    number | null;
  @ApiProperty({ description: '文件大小（字节）(size in bytes)' }) sizeBytes: number;
  @ApiProperty({ description: '失败原因 (failure)', nullable: true, type: String }) failure:
    string | null;
}
