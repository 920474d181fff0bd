import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  mixin,
  NestInterceptor,
  PayloadTooLargeException,
  Type,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import { FILE_KINDS, FileKind, fileTooLarge } from './file-kinds';

/** Multer (memory storage) for the `file` field, stopping at the kind's limit with its own message. */
function kindUploadInterceptor(kind: FileKind): Type<NestInterceptor> {
  const Multer = FileInterceptor('file', {
    limits: { fileSize: FILE_KINDS[kind].maxBytes, files: 1 },
  });
  class KindUploadInterceptor extends Multer {
    override async intercept(
      context: ExecutionContext,
      next: CallHandler,
    ): Promise<Observable<unknown>> {
      try {
        return await super.intercept(context, next);
      } catch (err) {
        if (err instanceof PayloadTooLargeException) throw fileTooLarge(kind);
        throw err;
      }
    }
  }
  return mixin(KindUploadInterceptor);
}

/**
 * A route that takes one file of `kind` in the multipart field `file`: multer stops at
 * the kind's size limit (413 naming it), OpenAPI shows the field. The FileStore's put
 * checks size and type again from the bytes.
 */
export function FileUpload(kind: FileKind, description: string): MethodDecorator {
  return applyDecorators(
    UseInterceptors(kindUploadInterceptor(kind)),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file'],
        properties: { file: { type: 'string', format: 'binary', description } },
      },
    }),
  );
}
