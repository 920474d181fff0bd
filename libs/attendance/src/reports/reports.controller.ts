import {
  Body,
  Controller,
  Get,
  HttpCode,
  Post,
  Query,
  Res,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import {
  Actor,
  attachmentDisposition,
  CurrentActor,
  FileUpload,
  IdParam,
  Roles,
} from '@peixun/core';
import type { Response } from 'express';
import { HoursQuery } from '../dto/attendance.dto';
import { AttendanceSheetService } from '../sheet/attendance-sheet.service';
import { AttendanceReportsService } from './attendance-reports.service';
import {
  ClassGridDto,
  ClassReportJobDto,
  DistrictAttendanceDto,
  MissingNowDto,
  ReportFileQuery,
  SheetUploadDto,
  SheetUploadResultDto,
} from './reports.dto';

const RUNNERS = ['institution_staff', 'teacher', 'street_admin'] as const;
const READERS = [...RUNNERS, 'district_admin', 'municipal_admin'] as const;
const CLASS_READERS = [
  'institution_staff',
  'street_admin',
  'district_admin',
  'municipal_admin',
] as const;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

function xlsx(res: Response, name: string, content: Buffer): StreamableFile {
  res.setHeader('Content-Type', XLSX);
  res.setHeader('Content-Disposition', attachmentDisposition(name, 'attendance.xlsx'));
  return new StreamableFile(content, { length: content.length });
}

/** Paper sheets (Excel out and back in) and attendance reports (issue 10, 5 and 7). */
@ApiTags('attendance')
@ApiBearerAuth()
@Controller('v1')
export class AttendanceReportsController {
  constructor(
    private readonly sheets: AttendanceSheetService,
    private readonly reports: AttendanceReportsService,
  ) {}

  /** Who is missing right now: no mark yet, or marked absent (leave is excused). */
  @Get('sessions/:id/attendance/missing')
  @Roles(...READERS)
  @ApiOkResponse({ type: MissingNowDto })
  missing(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<MissingNowDto> {
    return this.reports.missingNow(actor, id);
  }

  /** The session's attendance sheet as Excel, to fill from the signed paper sheet. */
  @Get('sessions/:id/attendance/sheet')
  @Roles(...RUNNERS)
  @ApiProduces(XLSX)
  async sessionSheet(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const f = await this.sheets.sessionSheet(actor, id);
    return xlsx(res, f.name, f.content);
  }

  /** The class's attendance sheet as Excel (a teacher: their own sessions' columns). */
  @Get('classes/:id/attendance/sheet')
  @Roles(...RUNNERS)
  @ApiProduces(XLSX)
  async classSheet(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const f = await this.sheets.classSheet(actor, id);
    return xlsx(res, f.name, f.content);
  }

  /**
   * Uploads a filled sheet (field `file`; `reason` when it changes existing marks): all or
   * nothing; 422 ATTENDANCE_SHEET_INVALID lists every bad row and column.
   */
  @Post('classes/:id/attendance/sheet')
  @Roles(...RUNNERS)
  @HttpCode(200)
  @FileUpload('attendance-sheet', '考勤表 .xlsx（由导出生成）')
  @ApiOkResponse({ type: SheetUploadResultDto })
  upload(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @UploadedFile() file: Express.Multer.File | undefined,
    @Body() dto: SheetUploadDto,
  ): Promise<SheetUploadResultDto> {
    return this.sheets.upload(actor, id, file, dto.reason?.trim() || null);
  }

  /** Trainees × sessions with hours and rate per trainee. */
  @Get('classes/:id/attendance')
  @Roles(...CLASS_READERS)
  @ApiOkResponse({ type: ClassGridDto })
  grid(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ClassGridDto> {
    return this.reports.classGrid(actor, id);
  }

  @Get('classes/:id/attendance/export')
  @Roles(...CLASS_READERS)
  @ApiProduces(XLSX)
  async gridXlsx(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const f = await this.reports.classGridXlsx(actor, id);
    return xlsx(res, f.name, f.content);
  }

  /** Asks for the PDF report; the worker renders it (202 with the job to poll). */
  @Post('classes/:id/attendance/report')
  @Roles(...CLASS_READERS)
  @HttpCode(202)
  @ApiAcceptedResponse({ type: ClassReportJobDto })
  requestReport(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ClassReportJobDto> {
    return this.reports.requestPdf(actor, id);
  }

  /** The rendered PDF report (409 REPORT_NOT_READY until the job has stored it). */
  @Get('classes/:id/attendance/report')
  @Roles(...CLASS_READERS)
  @ApiProduces('application/pdf')
  async report(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Query() q: ReportFileQuery,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const f = await this.reports.pdfFile(actor, id, q.job);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', attachmentDisposition(f.name, 'attendance-report.pdf'));
    return new StreamableFile(f.content, { length: f.size });
  }

  /** A district's attendance rates by street for a year (that district's admins; the bureau). */
  @Get('districts/:id/attendance')
  @Roles('district_admin', 'municipal_admin')
  @ApiOkResponse({ type: DistrictAttendanceDto })
  district(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Query() q: HoursQuery,
  ): Promise<DistrictAttendanceDto> {
    return this.reports.districtByStreet(actor, id, q.year);
  }
}
