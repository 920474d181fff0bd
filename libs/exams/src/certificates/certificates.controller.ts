import { Body, Controller, Get, HttpCode, Post, Query, Res, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiProduces, ApiTags } from '@nestjs/swagger';
import { Actor, attachmentDisposition, CurrentActor, IdParam, Roles } from '@peixun/core';
import type { Response } from 'express';
import {
  BundleDto,
  CertificateDto,
  CertificateLookupQuery,
  IssueProgressDto,
  IssueRequestDto,
  ReasonDto,
} from '../dto/certificates.dto';
import { CertificatesService } from './certificates.service';

const READERS = ['institution_staff', 'district_admin', 'municipal_admin'] as const;
const HOLDER_SIDE = ['worker', 'street_admin', 'district_admin', 'municipal_admin'] as const;

@ApiTags('certificates')
@ApiBearerAuth()
@Controller('v1')
export class CertificatesController {
  constructor(private readonly certs: CertificatesService) {}

  /** Bulk issue: one job per eligible trainee (hours met, passed); poll the progress. */
  @Post('classes/:id/certificates/issue')
  @Roles('institution_staff', 'municipal_admin')
  @HttpCode(202)
  @ApiOkResponse({ type: IssueRequestDto })
  issue(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<IssueRequestDto> {
    return this.certs.issueForClass(actor, id);
  }

  @Get('classes/:id/certificates/progress')
  @Roles(...READERS)
  @ApiOkResponse({ type: IssueProgressDto })
  progress(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<IssueProgressDto> {
    return this.certs.progress(actor, id);
  }

  @Get('classes/:id/certificates')
  @Roles(...READERS)
  @ApiOkResponse({ type: [CertificateDto] })
  ofClass(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<CertificateDto[]> {
    return this.certs.ofClass(actor, id);
  }

  /** The class's certificates as one ZIP, built in the background: poll the bundle. */
  @Post('classes/:id/certificates/bundle')
  @Roles(...READERS)
  @HttpCode(202)
  @ApiOkResponse({ type: BundleDto })
  bundle(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<BundleDto> {
    return this.certs.createBundle(actor, id);
  }

  @Get('certificate-bundles/:id')
  @Roles(...READERS)
  @ApiOkResponse({ type: BundleDto })
  bundleStatus(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<BundleDto> {
    return this.certs.bundle(actor, id);
  }

  @Get('certificate-bundles/:id/file')
  @Roles(...READERS)
  @ApiProduces('application/zip')
  async bundleFile(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const f = await this.certs.bundleFile(actor, id);
    res.setHeader('Content-Type', 'application/zip');
    res.setHeader('Content-Disposition', attachmentDisposition(f.fileName, 'certificates.zip'));
    return new StreamableFile(f.stream, f.size ? { length: f.size } : {});
  }

  @Get('workers/:id/certificates')
  @Roles(...HOLDER_SIDE)
  @ApiOkResponse({ type: [CertificateDto] })
  ofWorker(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<CertificateDto[]> {
    return this.certs.ofWorker(actor, id);
  }

  @Get('me/certificates')
  @Roles('worker')
  @ApiOkResponse({ type: [CertificateDto] })
  mine(@CurrentActor() actor: Actor): Promise<CertificateDto[]> {
    return this.certs.mine(actor);
  }

  /** Finds a certificate by its serial: the bureau any; a district or street office those of its workers. */
  @Get('certificates')
  @Roles('municipal_admin', 'district_admin', 'street_admin')
  @ApiOkResponse({ type: CertificateDto })
  bySerial(
    @CurrentActor() actor: Actor,
    @Query() q: CertificateLookupQuery,
  ): Promise<CertificateDto> {
    return this.certs.bySerial(actor, q.serial);
  }

  @Get('certificates/:id/pdf')
  @Roles('worker', 'street_admin', 'district_admin', 'municipal_admin', 'institution_staff')
  @ApiProduces('application/pdf')
  async pdf(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const f = await this.certs.pdf(actor, id);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader('Content-Disposition', attachmentDisposition(f.fileName, 'certificate.pdf'));
    return new StreamableFile(f.stream, f.size ? { length: f.size } : {});
  }

  /** The bureau revokes a certificate, with a reason. */
  @Post('certificates/:id/revoke')
  @Roles('municipal_admin')
  @HttpCode(200)
  @ApiOkResponse({ type: CertificateDto })
  revoke(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: ReasonDto,
  ): Promise<CertificateDto> {
    return this.certs.revoke(actor, id, dto.reason);
  }

  /** A reissue (after a name correction): a new serial and PDF that supersede this one. */
  @Post('certificates/:id/reissue')
  @Roles('municipal_admin')
  @HttpCode(202)
  reissue(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: ReasonDto,
  ): Promise<{ queue: string; jobId: string; generation: number }> {
    return this.certs.reissue(actor, id, dto.reason);
  }
}
