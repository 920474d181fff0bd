import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthenticatedRequest, DomainError, ErrorCode, NotFoundError } from '@peixun/core';
import { isUUID } from 'class-validator';
import { DataSource } from 'typeorm';
import { ClassArchiveService } from './archive.service';

/**
 * Runs before the upload interceptor (guards come first): only who keeps the class's
 * archive gets to stream a file into the store. The service checks again in its transaction.
 */
@Injectable()
export class ArchiveUploadGuard implements CanActivate {
  constructor(
    @InjectDataSource() private readonly ds: DataSource,
    private readonly archive: ClassArchiveService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const id = req.params.id;
    if (typeof id !== 'string' || !isUUID(id)) {
      throw new DomainError(ErrorCode.VALIDATION_FAILED, 'id: 须为 UUID (must be a UUID)', 400, [
        { field: 'id', problems: ['must be a UUID'] },
      ]);
    }
    if (!req.actor) throw new NotFoundError('班次', id);
    await this.archive.classFor(this.ds.manager, req.actor, id, 'manage');
    return true;
  }
}
