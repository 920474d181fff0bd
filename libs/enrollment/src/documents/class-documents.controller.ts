import { Controller, Get, HttpCode, Param, Post, Res, StreamableFile } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiBearerAuth,
  ApiOkResponse,
  ApiProduces,
  ApiTags,
} from '@nestjs/swagger';
import { Actor, attachmentDisposition, CurrentActor, IdParam, Roles } from '@peixun/core';
import type { Response } from 'express';
import { ClassDocumentDto, ClassDocumentParams, PublishDocumentDto } from './class-document.dto';
import { ClassDocumentsService } from './class-documents.service';

/** Who runs a class publishes; it, the commissioning district, the bureau and trainees read. */
const PUBLISHERS = ['institution_staff', 'street_admin'] as const;
const READERS = [
  'municipal_admin',
  'district_admin',
  'street_admin',
  'institution_staff',
  'worker',
] as const;

@ApiTags('class documents')
@ApiBearerAuth()
@Controller('v1/classes')
export class ClassDocumentsController {
  constructor(private readonly documents: ClassDocumentsService) {}

  /**
   * Publishes one of the class's trainee documents (Art. 13) as it is now: the worker renders
   * it (202 with the job to poll); an unchanged class keeps its stored file (status `ready`).
   */
  @Post(':id/documents/:kind')
  @Roles(...PUBLISHERS)
  @HttpCode(202)
  @ApiAcceptedResponse({ type: PublishDocumentDto })
  publish(
    @CurrentActor() actor: Actor,
    @Param() params: ClassDocumentParams,
  ): Promise<PublishDocumentDto> {
    return this.documents.publish(actor, params.id, params.kind);
  }

  /** The documents the caller may read, with their status (trainees: not the attendance sheet). */
  @Get(':id/documents')
  @Roles(...READERS)
  @ApiOkResponse({ type: [ClassDocumentDto] })
  list(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<ClassDocumentDto[]> {
    return this.documents.list(actor, id);
  }

  /** The PDF (the last rendering stored). */
  @Get(':id/documents/:kind/file')
  @Roles(...READERS)
  @ApiProduces('application/pdf')
  @ApiOkResponse({ description: 'PDF' })
  async file(
    @CurrentActor() actor: Actor,
    @Param() params: ClassDocumentParams,
    @Res({ passthrough: true }) res: Response,
  ): Promise<StreamableFile> {
    const doc = await this.documents.file(actor, params.id, params.kind);
    res.setHeader('Content-Type', 'application/pdf');
    res.setHeader(
      'Content-Disposition',
      attachmentDisposition(doc.fileName, `${params.kind.replace('_', '-')}.pdf`),
    );
    return new StreamableFile(doc.content, { length: doc.size });
  }
}
