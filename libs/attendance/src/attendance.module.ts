import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ClassesModule } from '@peixun/classes';
import { EnrollmentModule } from '@peixun/enrollment';
import { AttendanceController } from './attendance.controller';
import { AttendanceService } from './attendance.service';
import { CheckInService } from './checkin.service';
import { ATTENDANCE_ENTITIES } from './entities';
import { HoursService } from './hours.service';

/** Attendance (考勤): marking, self check-in by rotating QR codes, leave, hours credited. */
@Module({
  imports: [TypeOrmModule.forFeature(ATTENDANCE_ENTITIES), ClassesModule, EnrollmentModule],
  controllers: [AttendanceController],
  providers: [AttendanceService, CheckInService, HoursService],
  exports: [AttendanceService, HoursService, TypeOrmModule],
})
export class AttendanceModule {}
