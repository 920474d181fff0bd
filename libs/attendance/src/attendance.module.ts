import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { QueueModule } from '@peixun/core';
import { ClassesModule } from '@peixun/classes';
import { EnrollmentModule } from '@peixun/enrollment';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';
import { CheckInService } from './checkin.service';
import { AttendanceDemoSeed } from './demo/attendance.demo';
import { ATTENDANCE_ENTITIES } from './entities';
import { HoursService } from './hours.service';
import { CheckInPageController } from './page/checkin-page.controller';
import { AttendanceReportsService } from './reports/attendance-reports.service';
import { AttendanceReportsController } from './reports/reports.controller';
import { AttendanceSheetService } from './sheet/attendance-sheet.service';

/** Attendance (考勤): marking, self check-in by rotating QR codes, leave, hours credited. */
@Module({
  imports: [
    TypeOrmModule.forFeature(ATTENDANCE_ENTITIES),
    QueueModule,
    ClassesModule,
    EnrollmentModule,
  ],
  controllers: [AttendanceController, AttendanceReportsController, CheckInPageController],
  providers: [
    AttendanceService,
    CheckInService,
    HoursService,
    AttendanceSheetService,
    AttendanceReportsService,
    AttendanceDemoSeed,
  ],
  exports: [AttendanceService, HoursService, AttendanceReportsService, TypeOrmModule],
})
export class AttendanceModule {}
