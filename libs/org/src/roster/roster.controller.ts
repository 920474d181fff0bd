import {
  Body,
  Controller,
  Get,
  HttpCode,
  HttpStatus,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, FileUpload, IdParam, Roles } from '@peixun/core';
import type { Response } from 'express';
import {
  RosterExportDto,
  RosterImportResultDto,
  RosterJobDto,
  StartExportDto,
  TemplateQuery,
} from './roster.dto';
import { RosterService } from './roster.service';

const ADMINS = ['municipal_admin', 'district_admin', 'street_admin'] as const;
const CONTENT_TYPE = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  csv: 'text/csv; charset=utf-8',
};

function attachment(res: Response, name: string, format: 'xlsx' | 'csv'): void {
  res.setHeader('Content-Type', CONTENT_TYPE[format]);
  res.setHeader(
    'Content-Disposition',
    `attachment; filename="roster.${format}"; filename*=UTF-8''${encodeURIComponent(name)}`,
  );
}

@ApiTags('rosters')
@ApiBearerAuth()
@Controller('v1/rosters')
export class RosterController {
  constructor(private readonly rosters: RosterService) {}

  /** The import template (Chinese headers, an example row, and a sheet of notes). */
  @Get('template')
  @Roles(...ADMINS)
  async template(
    @Query() q: TemplateQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const format = q.format ?? 'xlsx';
    attachment(res, `社区工作者名册模板.${format}`, format);
    return new StreamableFile(await this.rosters.template(format));
  }

  /**
   * Uploads a roster (.xlsx or .csv, field `file`). Small files are imported at
   * once (200, or 422 listing every bad row); larger ones become a job (202) to poll.
   */
  @Post('imports')
  @Roles(...ADMINS)
  @FileUpload('roster-import', '名册文件 .xlsx/.csv')
  @ApiOkResponse({ type: RosterImportResultDto })
  async upload(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Res({ passthrough: true }) res: Response,
  ): Promise<RosterImportResultDto | RosterJobDto> {
    const outcome = await this.rosters.upload(actor, file);
    res.status(outcome.kind === 'queued' ? HttpStatus.ACCEPTED : HttpStatus.OK);
    return outcome.body;
  }

  @Get('imports/:id')
  @Roles(...ADMINS)
  @ApiOkResponse({ type: RosterImportResultDto })
  importStatus(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
  ): Promise<RosterImportResultDto> {
    return this.rosters.importStatus(actor, id);
  }

  /** Exports the roster of the caller's scope (with the list's filters) as a job. */
  @Post('exports')
  @Roles(...ADMINS)
  @HttpCode(202)
  @ApiOkResponse({ type: RosterJobDto })
  startExport(@CurrentActor() actor: Actor, @Body() dto: StartExportDto): Promise<RosterJobDto> {
    return this.rosters.startExport(actor, dto);
  }

  @Get('exports/:id')
  @Roles(...ADMINS)
  @ApiOkResponse({ type: RosterExportDto })
  exportStatus(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<RosterExportDto> {
    return this.rosters.exportStatus(actor, id);
  }

  @Get('exports/:id/file')
  @Roles(...ADMINS)
  async download(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const file = await this.rosters.exportFile(actor, id);
    attachment(res, `社区工作者名册.${file.format}`, file.format);
    return new StreamableFile(file.content, { length: file.sizeBytes });
  }
}
