import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '@peixun/core';
import { ClassesModule } from '@peixun/classes';
import { EnrollmentController, NominationsController } from './enrollment.controller';
import { EnrollmentService } from './enrollment.service';
import { ENROLLMENT_ENTITIES } from './entities';
import { NominationsService } from './nominations.service';
import { EnrollmentDemoSeed } from './demo/enrollment.demo';
import { CalendarFeedService } from './calendar-feed.service';
import { CalendarFeedController, ViewsController } from './views.controller';
import { ViewsService } from './views.service';
import { ClassDocumentInputs } from './documents/class-document-input';
import { ClassDocumentsController } from './documents/class-documents.controller';
import { ClassDocumentsService } from './documents/class-documents.service';

/** Enrolment, capacity and waitlist, advanced-study nominations under the quota. */
@Module({
  imports: [TypeOrmModule.forFeature(ENROLLMENT_ENTITIES), QueueModule, ClassesModule],
  controllers: [
    EnrollmentController,
    NominationsController,
    ViewsController,
    CalendarFeedController,
    ClassDocumentsController,
  ],
  providers: [
    EnrollmentService,
    NominationsService,
    EnrollmentDemoSeed,
    ViewsService,
    CalendarFeedService,
    ClassDocumentInputs,
    ClassDocumentsService,
  ],
  exports: [EnrollmentService, NominationsService, ClassDocumentInputs, TypeOrmModule],
})
export class EnrollmentModule {}
