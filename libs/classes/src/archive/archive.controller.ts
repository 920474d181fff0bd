import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
  UseGuards,
} from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  Actor,
  attachmentDisposition,
  CurrentActor,
  FileStreamUpload,
  IdParam,
  Roles,
  StreamedUpload,
} from '@peixun/core';
import type { Response } from 'express';
import { ArchiveUploadGuard } from './archive-upload.guard';
import { ArchiveFileDto, ArchiveListDto, ArchiveListQuery, ArchiveUploadDto } from './archive.dto';
import { ARCHIVE_CATEGORIES } from './archive.rules';
import { ClassArchiveService } from './archive.service';

/** Who runs a class keeps its archive; the commissioning district and the bureau read it (Art. 20). */
const KEEPERS = ['institution_staff', 'street_admin'] as const;
const READERS = ['municipal_admin', 'district_admin', 'institution_staff', 'street_admin'] as const;

@ApiTags('class archive')
@ApiBearerAuth()
@Controller('v1/classes')
export class ClassArchiveController {
  constructor(private readonly archive: ClassArchiveService) {}

  /**
   * Attaches a file to the class's archive: streamed into the file store while it arrives
   * (class-archive: PDF, Office, JPG/PNG/WebP, MP4 up to 500 MB; the type from the content).
   */
  @Post(':id/archive')
  @Roles(...KEEPERS)
  @UseGuards(ArchiveUploadGuard)
  @FileStreamUpload(
    'class-archive',
    '档案文件 (PDF、Word、Excel、PowerPoint、JPG、PNG、WebP、MP4；≤ 500 MB)',
    {
      properties: {
        category: {
          type: 'string',
          enum: [...ARCHIVE_CATEGORIES],
          description:
            '材料类别 (category): teaching_plan 教学计划 / material 培训资料 / roster 学员名册 / photo 课堂照片 / video 课堂视频 / other 其他',
        },
      },
      required: ['category'],
    },
  )
  @ApiCreatedResponse({ type: ArchiveFileDto })
  add(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: ArchiveUploadDto,
    @UploadedFile() file: StreamedUpload | undefined,
  ): Promise<ArchiveFileDto> {
    return this.archive.add(actor, id, dto, file);
  }

  @Get(':id/archive')
  @Roles(...READERS)
  @ApiOkResponse({ type: ArchiveListDto })
  list(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Query() q: ArchiveListQuery,
  ): Promise<ArchiveListDto> {
    return this.archive.list(actor, id, q);
  }

  /** The file as uploaded, with the type sniffed from its content. */
  @Get(':id/archive/:fileId')
  @Roles(...READERS)
  @ApiOkResponse({ description: '文件内容 (the file)' })
  async download(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('fileId') fileId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const { file, content } = await this.archive.download(actor, id, fileId);
    res.setHeader('Content-Type', file.mime);
    res.setHeader('Content-Disposition', attachmentDisposition(file.fileName, 'archive-file'));
    res.setHeader('X-Content-SHA256', file.sha256);
    return new StreamableFile(content, { length: file.size });
  }

  @Delete(':id/archive/:fileId')
  @Roles(...KEEPERS)
  @HttpCode(204)
  async remove(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('fileId') fileId: string,
  ): Promise<void> {
    await this.archive.remove(actor, id, fileId);
  }
}
