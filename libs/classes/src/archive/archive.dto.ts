import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { ARCHIVE_CATEGORIES, type ArchiveCategory } from './archive.rules';

const CATEGORY_DESCRIPTION =
  '材料类别 (category): teaching_plan 教学计划 / material 培训资料 / roster 学员名册 / ' +
  'photo 课堂照片 / video 课堂视频 / other 其他';

/** The text field that comes with the file (multipart form). */
export class ArchiveUploadDto {
  @ApiProperty({ description: CATEGORY_DESCRIPTION, enum: ARCHIVE_CATEGORIES })
  @IsIn(ARCHIVE_CATEGORIES)
  category: ArchiveCategory;
}

export class ArchiveListQuery {
  @ApiPropertyOptional({
    description: `只列出该类别 (only this ${CATEGORY_DESCRIPTION})`,
    enum: ARCHIVE_CATEGORIES,
  })
  @IsOptional()
  @IsIn(ARCHIVE_CATEGORIES)
  category?: ArchiveCategory;
}

export class ArchiveFileDto {
  @ApiProperty({ description: '档案文件 ID (archive file id)', format: 'uuid' })
  id: string;

  @ApiProperty({ description: '班次 ID (class id)', format: 'uuid' })
  classId: string;

  @ApiProperty({ description: CATEGORY_DESCRIPTION, enum: ARCHIVE_CATEGORIES })
  category: ArchiveCategory;

  @ApiProperty({ description: '类别名称 (category label)', example: '课堂照片' })
  categoryLabel: string;

  @ApiProperty({
    description: '上传时的文件名 (file name as uploaded)',
    example: '第一次课合影.jpg',
  })
  fileName: string;

  @ApiProperty({ description: '字节数 (size in bytes)', example: 1048576 })
  size: number;

  @ApiProperty({
    description: '由内容识别的类型 (MIME type sniffed from the content)',
    example: 'image/jpeg',
  })
  mime: string;

  @ApiProperty({
    description: '内容的 SHA-256 (hex)',
    example: 'e3b0c44298fc1c149afbf4c8996fb924…',
  })
  sha256: string;

  @ApiProperty({ description: '上传账号 (uploaded by, account id)', format: 'uuid' })
  uploadedBy: string;

  @ApiProperty({ description: '上传时间 (uploaded at)', format: 'date-time' })
  uploadedAt: Date;
}

export class ArchiveListDto {
  @ApiProperty({
    description: '档案文件，最新的在前 (files, newest first)',
    type: [ArchiveFileDto],
  })
  items: ArchiveFileDto[];

  @ApiProperty({ description: '文件总数 (number of files)' })
  count: number;

  @ApiProperty({ description: '总字节数 (total bytes)' })
  totalBytes: number;
}
