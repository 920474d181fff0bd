import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, IdParam, Roles } from '@peixun/core';
import { AttendanceService } from './attendance.service';
import { CheckInService } from './checkin.service';
import {
  CheckInCodeDto,
  CheckInDto,
  CheckInResultDto,
  CodeCheckInDto,
  EnrollmentHoursDto,
  HoursQuery,
  LeaveDecisionDto,
  LeaveRequestDto,
  LeaveRequestInputDto,
  MarkOneDto,
  MarkRosterDto,
  SessionAttendanceDto,
  WorkerHoursDto,
} from './dto/attendance.dto';
import { HoursService } from './hours.service';

const RUNNERS = ['institution_staff', 'teacher', 'street_admin'] as const;
const READERS = [...RUNNERS, 'district_admin', 'municipal_admin'] as const;

@ApiTags('attendance')
@ApiBearerAuth()
@Controller('v1')
export class AttendanceController {
  constructor(
    private readonly attendance: AttendanceService,
    private readonly checkIns: CheckInService,
    private readonly hours: HoursService,
  ) {}

  /** A session's roster with its marks; who is missing right now. */
  @Get('sessions/:id/attendance')
  @Roles(...READERS)
  @ApiOkResponse({ type: SessionAttendanceDto })
  roster(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<SessionAttendanceDto> {
    return this.attendance.roster(actor, id);
  }

  /** Marks the whole roster in one request (one transaction); corrections need a reason. */
  @Put('sessions/:id/attendance')
  @Roles(...RUNNERS)
  @ApiOkResponse({ type: SessionAttendanceDto })
  mark(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: MarkRosterDto,
  ): Promise<SessionAttendanceDto> {
    return this.attendance.markRoster(actor, id, dto);
  }

  @Put('sessions/:id/attendance/:enrollmentId')
  @Roles(...RUNNERS)
  @ApiOkResponse({ type: SessionAttendanceDto })
  markOne(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @IdParam('enrollmentId') enrollmentId: string,
    @Body() dto: MarkOneDto,
  ): Promise<SessionAttendanceDto> {
    return this.attendance.markOne(actor, id, enrollmentId, dto);
  }

  /** The projector page: the rotating QR code's URL and the 6-digit code. */
  @Get('sessions/:id/check-in-code')
  @Roles(...RUNNERS)
  @ApiOkResponse({ type: CheckInCodeDto })
  code(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<CheckInCodeDto> {
    return this.attendance.checkInCode(actor, id);
  }

  /** A trainee checks in (or out) with the QR code's token; offline scans carry their scan time. */
  @Post('check-ins')
  @Roles('worker')
  @HttpCode(200)
  @ApiOkResponse({ type: CheckInResultDto })
  checkIn(@CurrentActor() actor: Actor, @Body() dto: CheckInDto): Promise<CheckInResultDto> {
    return this.checkIns.byToken(actor, dto);
  }

  /** A trainee without a camera types the 6-digit code shown under the QR code. */
  @Post('check-ins/code')
  @Roles('worker')
  @HttpCode(200)
  @ApiOkResponse({ type: CheckInResultDto })
  checkInByCode(
    @CurrentActor() actor: Actor,
    @Body() dto: CodeCheckInDto,
  ): Promise<CheckInResultDto> {
    return this.checkIns.byCode(actor, dto);
  }

  @Post('sessions/:id/leave-requests')
  @Roles('worker')
  @ApiOkResponse({ type: LeaveRequestDto })
  requestLeave(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: LeaveRequestInputDto,
  ): Promise<LeaveRequestDto> {
    return this.attendance.requestLeave(actor, id, dto);
  }

  @Get('sessions/:id/leave-requests')
  @Roles(...READERS)
  @ApiOkResponse({ type: [LeaveRequestDto] })
  leaves(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<LeaveRequestDto[]> {
    return this.attendance.leavesOfSession(actor, id);
  }

  @Get('me/leave-requests')
  @Roles('worker')
  @ApiOkResponse({ type: [LeaveRequestDto] })
  myLeaves(@CurrentActor() actor: Actor): Promise<LeaveRequestDto[]> {
    return this.attendance.myLeaves(actor);
  }

  @Post('leave-requests/:id/approve')
  @Roles(...RUNNERS)
  @HttpCode(200)
  @ApiOkResponse({ type: LeaveRequestDto })
  approve(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: LeaveDecisionDto,
  ): Promise<LeaveRequestDto> {
    return this.attendance.decideLeave(actor, id, true, dto);
  }

  @Post('leave-requests/:id/refuse')
  @Roles(...RUNNERS)
  @HttpCode(200)
  @ApiOkResponse({ type: LeaveRequestDto })
  refuse(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: LeaveDecisionDto,
  ): Promise<LeaveRequestDto> {
    return this.attendance.decideLeave(actor, id, false, dto);
  }

  @Post('leave-requests/:id/cancel')
  @Roles('worker')
  @HttpCode(200)
  @ApiOkResponse({ type: LeaveRequestDto })
  cancelLeave(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<LeaveRequestDto> {
    return this.attendance.cancelLeave(actor, id);
  }

  /** Hours credited against the requirement, attendance rate, whether it is met. */
  @Get('enrollments/:id/hours')
  @Roles('worker', 'institution_staff', 'district_admin', 'street_admin', 'municipal_admin')
  @ApiOkResponse({ type: EnrollmentHoursDto })
  enrollmentHours(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
  ): Promise<EnrollmentHoursDto> {
    return this.hours.enrollmentHours(actor, id);
  }

  /** A worker's hours of the year by training type (the worker; their administrators). */
  @Get('workers/:id/hours')
  @Roles('worker', 'district_admin', 'street_admin', 'municipal_admin')
  @ApiOkResponse({ type: WorkerHoursDto })
  workerHours(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Query() q: HoursQuery,
  ): Promise<WorkerHoursDto> {
    return this.hours.workerHours(actor, id, q.year);
  }
}
