import {
  Controller,
  Get,
  HttpCode,
  Param,
  Post,
  Query,
  Req,
  Res,
  UploadedFile,
} from '@nestjs/common';
import { ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { DomainError, ErrorCode, FileUpload, Public, RequestContext } from '@peixun/core';
import type { Request, Response } from 'express';
import { PdfCheckDto, VerificationDto, VerifyQuery } from '../dto/certificates.dto';
import { verificationPage } from './verification-page';
import { VerificationService } from './verification.service';

const ipOf = (req: Request): string => RequestContext.current()?.ip ?? req.ip ?? 'unknown';
/** A browser (the QR link, the form) gets its answers as a page; any other client the usual JSON error. */
const wantsPage = (req: Request): boolean => req.accepts(['json', 'html']) === 'html';

/** Verification as JSON (public, rate-limited). */
@ApiTags('certificates')
@Controller('v1/verify')
export class VerificationController {
  constructor(private readonly verification: VerificationService) {}

  @Get(':serial')
  @Public()
  @ApiOkResponse({ type: VerificationDto })
  async verify(
    @Req() req: Request,
    @Param('serial') serial: string,
    @Query() q: VerifyQuery,
  ): Promise<VerificationDto> {
    await this.verification.limit(ipOf(req));
    return this.verification.verify(serial, q.c);
  }

  /**
   * The uploaded PDF (multipart `file`) checked byte for byte against the one issued: the
   * JSON twin of `POST /v/:serial`, for the web app's verification page.
   */
  @Post(':serial/pdf')
  @Public()
  @HttpCode(200)
  @FileUpload('certificate', '证书 PDF (the certificate to check)')
  @ApiOkResponse({ type: PdfCheckDto })
  async checkPdf(
    @Req() req: Request,
    @Param('serial') serial: string,
    @Query() q: VerifyQuery,
    @UploadedFile() file: { buffer?: Buffer } | undefined,
  ): Promise<PdfCheckDto> {
    await this.verification.limit(ipOf(req));
    if (!file?.buffer?.length)
      throw new DomainError(
        ErrorCode.VALIDATION_FAILED,
        'file: 请选择要核对的 PDF 文件 (required)',
        400,
        [{ field: 'file', problems: ['required'] }],
      );
    return this.verification.check(serial.slice(0, 40), q.c, file.buffer);
  }
}

/**
 * The page the certificate's QR code opens: `/v/<serial>?c=<code>`, outside /api, plain
 * server-rendered HTML without script. Uploading the PDF (multipart `file`) checks it byte
 * for byte against the one issued.
 */
@ApiTags('certificates')
@Controller('v')
export class VerificationPageController {
  constructor(private readonly verification: VerificationService) {}

  @Get(':serial')
  @Public()
  @ApiProduces('text/html')
  async page(
    @Req() req: Request,
    @Res() res: Response,
    @Param('serial') serial: string,
    @Query('c') code: unknown,
  ): Promise<void> {
    const c = typeof code === 'string' ? code.slice(0, 32) : '';
    const link = { serial: serial.slice(0, 40), code: c };
    try {
      await this.verification.limit(ipOf(req));
    } catch (err) {
      return this.tooMany(req, res, err, link);
    }
    const v = await this.verification.verify(link.serial, c);
    res.status(200).type('html').send(verificationPage(v, link));
  }

  @Post(':serial')
  @Public()
  @HttpCode(200)
  @FileUpload('certificate', '证书 PDF (the certificate to check)')
  @ApiProduces('text/html')
  async check(
    @Req() req: Request,
    @Res() res: Response,
    @Param('serial') serial: string,
    @Query('c') code: unknown,
    @UploadedFile() file: { buffer?: Buffer } | undefined,
  ): Promise<void> {
    const c = typeof code === 'string' ? code.slice(0, 32) : '';
    const link = { serial: serial.slice(0, 40), code: c };
    try {
      await this.verification.limit(ipOf(req));
    } catch (err) {
      return this.tooMany(req, res, err, link);
    }
    if (!file?.buffer?.length) {
      if (!wantsPage(req))
        throw new DomainError(
          ErrorCode.VALIDATION_FAILED,
          'file: 请选择要核对的 PDF 文件 (required)',
          400,
          [{ field: 'file', problems: ['required'] }],
        );
      const v = await this.verification.verify(link.serial, c);
      res
        .status(400)
        .type('html')
        .send(verificationPage(v, link, undefined, '请选择要核对的 PDF 文件 (file: required)'));
      return;
    }
    const r = await this.verification.check(link.serial, c, file.buffer);
    res
      .status(200)
      .type('html')
      .send(verificationPage(r.verification, link, r));
  }

  private tooMany(
    req: Request,
    res: Response,
    err: unknown,
    link: { serial: string; code: string },
  ): void {
    if (!(err instanceof DomainError) || err.status !== 429 || !wantsPage(req)) throw err;
    const retry =
      (err.details as { retryAfterSeconds?: number } | undefined)?.retryAfterSeconds ?? 60;
    res.setHeader('Retry-After', String(retry));
    res
      .status(429)
      .type('html')
      .send(
        verificationPage(
          {
            status: 'unknown',
            serial: null,
            name: null,
            projectTitle: null,
            typeLabel: null,
            halfHours: null,
            startDate: null,
            endDate: null,
            issuers: [],
            issuedOn: null,
            sha256: null,
            revokedOn: null,
            supersededBy: null,
          },
          link,
          undefined,
          `查验过于频繁，请 ${retry} 秒后再试`,
        ),
      );
  }
}
