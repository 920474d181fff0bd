import { Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '../queue/queue.module';
import { AuditLog, AuditLogArchive } from './audit-log.entity';
import { AuditQueryService } from './audit-query.service';
import { AuditService } from './audit.service';
import { AuditController } from './audit.controller';
import { MaintenanceRun } from '../database/maintenance-run.entity';

/** Audit log writing (every process) and reading (API). */
@Global()
@Module({
  imports: [TypeOrmModule.forFeature([AuditLog, AuditLogArchive, MaintenanceRun]), QueueModule],
  providers: [AuditService, AuditQueryService],
  controllers: [AuditController],
  exports: [AuditService],
})
export class AuditModule {}
