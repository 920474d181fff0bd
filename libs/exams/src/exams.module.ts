import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '@peixun/core';
import { AttendanceModule } from '@peixun/attendance';
import { ClassesModule } from '@peixun/classes';
import { EnrollmentModule } from '@peixun/enrollment';
import { CertificateIssuer } from './certificates/certificate-issuer';
import { CertificatesController } from './certificates/certificates.controller';
import { CertificatesService } from './certificates/certificates.service';
import { CertificateRenderPool } from './certificates/certificate-render-pool';
import {
  VerificationController,
  VerificationPageController,
} from './certificates/verification.controller';
import { VerificationService } from './certificates/verification.service';
import { ExamsDemoSeed } from './demo/exams.demo';
import { EXAMS_ENTITIES } from './entities';
import { ExamsController } from './exams.controller';
import { ExamsService } from './exams.service';

/**
 * Exams and certificates (Art. 16): the class exam and its retakes, certificates issued by
 * the worker with gap-free serials, public verification, revocation and reissue.
 */
@Module({
  imports: [
    TypeOrmModule.forFeature(EXAMS_ENTITIES),
    QueueModule,
    ClassesModule,
    EnrollmentModule,
    AttendanceModule,
  ],
  controllers: [
    ExamsController,
    CertificatesController,
    VerificationController,
    VerificationPageController,
  ],
  providers: [
    ExamsService,
    CertificatesService,
    CertificateIssuer,
    CertificateRenderPool,
    VerificationService,
    ExamsDemoSeed,
  ],
  exports: [
    ExamsService,
    CertificatesService,
    CertificateIssuer,
    CertificateRenderPool,
    TypeOrmModule,
  ],
})
export class ExamsModule {}
