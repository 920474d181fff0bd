import {
  Body,
  Controller,
  Delete,
  Get,
  HttpCode,
  Post,
  Put,
  Res,
  StreamableFile,
  UploadedFile,
} from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, FileUpload, IdParam, Public, Roles } from '@peixun/core';
import type { Response } from 'express';
import {
  DocumentDto,
  FiledInstitutionDto,
  InstitutionDto,
  ReasonDto,
  ReviewDto,
  ReviewQueueDto,
  SaveApplicationDto,
} from './institution.dto';
import { InstitutionsService } from './institutions.service';

@ApiTags('institutions')
@ApiBearerAuth()
@Controller('v1/institutions')
export class InstitutionsController {
  constructor(private readonly institutions: InstitutionsService) {}

  /** 培训机构备案名单: the public list of filed institutions. */
  @Get('filed')
  @Public()
  @ApiOkResponse({ type: [FiledInstitutionDto] })
  filed(): Promise<FiledInstitutionDto[]> {
    return this.institutions.filed();
  }

  /** Filed institutions under suspension (the bureau reinstates them from this list). */
  @Get('suspended')
  @Roles('municipal_admin')
  @ApiOkResponse({ type: [FiledInstitutionDto] })
  suspended(): Promise<FiledInstitutionDto[]> {
    return this.institutions.filed('suspended');
  }

  /** Applications waiting for review, oldest first, with their count. */
  @Get('review-queue')
  @Roles('municipal_admin')
  @ApiOkResponse({ type: ReviewQueueDto })
  queue(): Promise<ReviewQueueDto> {
    return this.institutions.queue();
  }

  @Get('mine')
  @Roles('institution_staff')
  @ApiOkResponse({ type: InstitutionDto })
  mine(@CurrentActor() actor: Actor): Promise<InstitutionDto> {
    return this.institutions.mine(actor);
  }

  /** Saves the qualification application (while a draft, returned, or rejected). */
  @Put('mine/application')
  @Roles('institution_staff')
  @ApiOkResponse({ type: InstitutionDto })
  save(@CurrentActor() actor: Actor, @Body() dto: SaveApplicationDto): Promise<InstitutionDto> {
    return this.institutions.saveApplication(actor, dto);
  }

  @Post('mine/documents')
  @Roles('institution_staff')
  @FileUpload('institution-document', '证明材料 PDF/JPG/PNG')
  @ApiOkResponse({ type: DocumentDto })
  addDocument(
    @CurrentActor() actor: Actor,
    @UploadedFile() file: Express.Multer.File | undefined,
  ): Promise<DocumentDto> {
    return this.institutions.addDocument(actor, file);
  }

  @Delete('mine/documents/:id')
  @Roles('institution_staff')
  @HttpCode(204)
  async removeDocument(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<void> {
    await this.institutions.removeDocument(actor, id);
  }

  @Post('mine/submit')
  @Roles('institution_staff')
  @HttpCode(200)
  @ApiOkResponse({ type: InstitutionDto })
  submit(@CurrentActor() actor: Actor): Promise<InstitutionDto> {
    return this.institutions.submit(actor);
  }

  @Get(':id')
  @Roles('municipal_admin', 'district_admin', 'institution_staff')
  @ApiOkResponse({ type: InstitutionDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<InstitutionDto> {
    return this.institutions.get(actor, id);
  }

  @Get(':id/documents/:documentId')
  @Roles('municipal_admin', 'institution_staff')
  async document(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('documentId') documentId: string,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const doc = await this.institutions.document(actor, id, documentId);
    res.setHeader('Content-Type', doc.mimeType);
    res.setHeader(
      'Content-Disposition',
      `attachment; filename*=UTF-8''${encodeURIComponent(doc.fileName)}`,
    );
    return new StreamableFile(doc.content, { length: doc.sizeBytes });
  }

  /** Approve (files it, with a filing number), reject with a reason, or ask for changes. */
  @Post(':id/review')
  @Roles('municipal_admin')
  @HttpCode(200)
  @ApiOkResponse({ type: InstitutionDto })
  review(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: ReviewDto,
  ): Promise<InstitutionDto> {
    return this.institutions.review(actor, id, dto);
  }

  /** Suspends a filed institution: no new commissions or classes; history is kept. */
  @Post(':id/suspend')
  @Roles('municipal_admin')
  @HttpCode(200)
  @ApiOkResponse({ type: InstitutionDto })
  suspend(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: ReasonDto,
  ): Promise<InstitutionDto> {
    return this.institutions.suspend(actor, id, dto.reason, 'suspend');
  }

  @Post(':id/reinstate')
  @Roles('municipal_admin')
  @HttpCode(200)
  @ApiOkResponse({ type: InstitutionDto })
  reinstate(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: ReasonDto,
  ): Promise<InstitutionDto> {
    return this.institutions.suspend(actor, id, dto.reason, 'reinstate');
  }
}
