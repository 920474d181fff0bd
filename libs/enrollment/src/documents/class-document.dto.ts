import { ApiProperty } from '@nestjs/swagger';
import { IsIn, IsUUID } from 'class-validator';
import { CLASS_DOCUMENT_KINDS, type ClassDocumentKind } from './class-documents.rules';

const KIND_DESCRIPTION =
  '文书 (document): project_list 培训项目清单 / notice 培训通知单 / timetable 课程表 / attendance_sheet 考勤表';

export class ClassDocumentParams {
  @ApiProperty({ description: '班次 ID (class id)', format: 'uuid' })
  @IsUUID()
  id: string;

  @ApiProperty({ description: KIND_DESCRIPTION, enum: CLASS_DOCUMENT_KINDS })
  @IsIn(CLASS_DOCUMENT_KINDS)
  kind: ClassDocumentKind;
}

export class DocumentJobDto {
  @ApiProperty({
    description: '队列 (queue): poll GET /api/v1/jobs/{queue}/{jobId}',
    example: 'documents',
  })
  queue: string;

  @ApiProperty({
    description: '任务 ID (job id): the same for the same class, document and content',
    example: 'class-document.3f2a9c1e-5b7d-4e8f-9a0b-1c2d3e4f5a6b.notice.0f1e2d3c4b5a6978',
  })
  jobId: string;
}

/** The answer to a publish request (202): the job that renders it. */
export class PublishDocumentDto extends DocumentJobDto {
  @ApiProperty({ description: KIND_DESCRIPTION, enum: CLASS_DOCUMENT_KINDS })
  kind: ClassDocumentKind;

  @ApiProperty({
    description:
      '状态 (status): ready — unchanged since the stored rendering, which is reused; pending — being rendered',
    enum: ['pending', 'ready'],
  })
  status: 'pending' | 'ready';
}

export class ClassDocumentDto {
  @ApiProperty({ description: KIND_DESCRIPTION, enum: CLASS_DOCUMENT_KINDS })
  kind: ClassDocumentKind;

  @ApiProperty({ description: '文书名称 (label)', example: '培训通知单' })
  label: string;

  @ApiProperty({
    description:
      '状态 (status): none — never published; pending — being rendered; ready — the file shows the class as last published; failed — the last rendering failed',
    enum: ['none', 'pending', 'ready', 'failed'],
  })
  status: 'none' | 'pending' | 'ready' | 'failed';

  @ApiProperty({
    description:
      '可下载 (a file can be downloaded: the last rendering, also while a newer one is pending)',
  })
  available: boolean;

  @ApiProperty({
    description: '下载文件名 (file name of the download)',
    example: '第一期-培训通知单.pdf',
  })
  fileName: string;

  @ApiProperty({ description: '字节数 (size of the stored file)', nullable: true, type: Number })
  size: number | null;

  @ApiProperty({ description: '文件 SHA-256 (hex)', nullable: true, type: String })
  sha256: string | null;

  @ApiProperty({
    description: '所示班次信息的读取时间 (when the class state the file shows was read)',
    nullable: true,
    type: String,
    format: 'date-time',
  })
  renderedAt: Date | null;

  @ApiProperty({
    description: '最近一次发布请求时间 (latest publish request)',
    nullable: true,
    type: String,
    format: 'date-time',
  })
  requestedAt: Date | null;

  @ApiProperty({
    description: '生成任务 (the latest rendering job; only for who runs the class)',
    nullable: true,
    type: DocumentJobDto,
  })
  job: DocumentJobDto | null;

  @ApiProperty({
    description: '失败原因 (why the last rendering failed)',
    nullable: true,
    type: String,
  })
  error: string | null;
}
