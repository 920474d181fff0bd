import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '@peixun/core';
import { PlanningModule } from '@peixun/planning';
import { PolicyModule } from '@peixun/policy';
import { ClassArchiveController } from './archive/archive.controller';
import { ArchiveUploadGuard } from './archive/archive-upload.guard';
import { ClassArchiveService } from './archive/archive.service';
import { ClassesController } from './classes.controller';
import { ClassesService } from './classes.service';
import { CLASSES_ENTITIES } from './entities';

/** Classes (班次) and their sessions (课次): from approved plans, advanced study, street training. */
@Module({
  imports: [TypeOrmModule.forFeature(CLASSES_ENTITIES), QueueModule, PlanningModule, PolicyModule],
  controllers: [ClassesController, ClassArchiveController],
  providers: [ClassesService, ClassArchiveService, ArchiveUploadGuard],
  exports: [ClassesService, ClassArchiveService, TypeOrmModule],
})
export class ClassesModule {}
