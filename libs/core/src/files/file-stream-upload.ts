import {
  applyDecorators,
  CallHandler,
  ExecutionContext,
  HttpException,
  Inject,
  mixin,
  NestInterceptor,
  PayloadTooLargeException,
  Type,
  UseInterceptors,
} from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBody, ApiConsumes, type SchemaObject } from '@nestjs/swagger';
import type { Request } from 'express';
import type { StorageEngine } from 'multer';
import { catchError, Observable, throwError } from 'rxjs';
import { uploadedFileName } from '../common/upload';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import { FILE_KINDS, FileKind, fileTooLarge } from './file-kinds';
import { FileStore, StoredFile } from './file-store';

/** What a streamed upload leaves on `req.file`: the multipart part's names and the stored object. */
export interface StreamedUpload {
  fieldname: string;
  /** As multer gives it (Latin-1 of the UTF-8 bytes): read it with uploadedFileName(). */
  originalname: string;
  encoding: string;
  /** What the client claimed; the stored type is `stored.mime`, sniffed from the bytes. */
  mimetype: string;
  size: number;
  stored: StoredFile;
  /**
   * Set by the handler once a committed row references the object. Until then the upload
   * belongs to the interceptor, which discards it when the request fails (validation,
   * scope, a failed transaction).
   */
  kept?: boolean;
}

/**
 * Room for the multipart envelope and the small text fields around the file: a request
 * declaring more than the kind's limit plus this is refused before a byte is read.
 */
export const MULTIPART_ENVELOPE_BYTES = 1024 * 1024;

/** A multer storage engine that streams the part into the FileStore (no buffering, no temp file). */
class FileStoreStorage implements StorageEngine {
  constructor(
    private readonly files: FileStore,
    private readonly kind: FileKind,
  ) {}

  _handleFile(
    _req: Request,
    file: Express.Multer.File,
    callback: (error?: unknown, info?: Partial<StreamedUpload>) => void,
  ): void {
    this.files.put(file.stream, this.kind, { fileName: uploadedFileName(file) }).then(
      (stored) => callback(null, { size: stored.size, stored }),
      (err: unknown) => callback(err),
    );
  }

  _removeFile(_req: Request, file: Express.Multer.File, callback: (error: null) => void): void {
    void this.files
      .discard((file as Partial<StreamedUpload>).stored?.key)
      .then(() => callback(null));
  }
}

function streamUploadInterceptor(kind: FileKind): Type<NestInterceptor> {
  const maxBytes = FILE_KINDS[kind].maxBytes;
  const Multer = FileInterceptor('file', {
    limits: {
      fileSize: maxBytes,
      files: 1,
      fields: 8,
      fieldSize: 64 * 1024,
      fieldNameSize: 100,
      parts: 16,
    },
  });
  class StreamUploadInterceptor extends Multer {
    // the module-level multer options of the base class are this route's storage engine
    constructor(@Inject(FileStore) private readonly files: FileStore) {
      super({ storage: new FileStoreStorage(files, kind) });
    }

    override async intercept(
      context: ExecutionContext,
      next: CallHandler,
    ): Promise<Observable<unknown>> {
      const http = context.switchToHttp();
      const req = http.getRequest<Request & { file?: StreamedUpload }>();
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > maxBytes + MULTIPART_ENVELOPE_BYTES) {
        // refused from the headers, before anything is stored: the answer goes out at once
        // (Node then reads and drops what the client still sends, so that the client sees
        // the answer instead of a reset connection)
        throw fileTooLarge(kind);
      }
      let handled: Observable<unknown>;
      try {
        handled = await super.intercept(context, next);
      } catch (err) {
        if (err instanceof PayloadTooLargeException) throw fileTooLarge(kind);
        if (!(err instanceof HttpException) && !(err instanceof DomainError) && !req.complete) {
          // the client went away mid-upload (nothing was kept): not a server error
          throw new DomainError(
            ErrorCode.BAD_REQUEST,
            'file: 上传未完成 (the upload was interrupted)',
            400,
          );
        }
        throw err;
      }
      return handled.pipe(
        catchError((err: unknown) => {
          const upload = req.file;
          if (upload?.stored && !upload.kept) void this.files.discard(upload.stored.key);
          return throwError(() => err);
        }),
      );
    }
  }
  return mixin(StreamUploadInterceptor);
}

/**
 * A route that takes one large file of `kind` in the multipart field `file`, streamed
 * straight into the FileStore while it arrives: hashed, sniffed and counted on the way, so
 * that nothing is held in memory and a file over the kind's limit stops there (413) and
 * leaves nothing behind; a type the kind does not take is 415. A request whose declared
 * length is already over the limit is refused before its body is read. The handler gets a
 * `StreamedUpload` from `@UploadedFile()` and sets `kept` once a committed row references
 * the object; on any failure before that the object is discarded. Guards run first, so a
 * route's scope check (a guard) comes before a single byte is stored.
 *
 * `fields`: the other (text) fields of the form, for the OpenAPI document.
 */
export function FileStreamUpload(
  kind: FileKind,
  description: string,
  fields: { properties?: Record<string, SchemaObject>; required?: string[] } = {},
): MethodDecorator {
  return applyDecorators(
    UseInterceptors(streamUploadInterceptor(kind)),
    ApiConsumes('multipart/form-data'),
    ApiBody({
      schema: {
        type: 'object',
        required: ['file', ...(fields.required ?? [])],
        properties: {
          file: { type: 'string', format: 'binary', description },
          ...(fields.properties ?? {}),
        },
      },
    }),
  );
}
