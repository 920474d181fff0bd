import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, IdParam, Roles } from '@peixun/core';
import {
  AcceptNominationDto,
  AvailabilityDto,
  BulkEnrolDto,
  BulkResultDto,
  EndEntryDto,
  EnrolDto,
  EnrollmentDto,
  ListNominationsQuery,
  NominateDto,
  NominationDto,
  NominationListDto,
  RejectNominationDto,
  RosterPageDto,
  RosterQuery,
} from './dto/enrollment.dto';
import { EnrollmentService } from './enrollment.service';
import { NominationsService } from './nominations.service';

@ApiTags('enrollment')
@ApiBearerAuth()
@Controller('v1')
export class EnrollmentController {
  constructor(private readonly enrollment: EnrollmentService) {}

  /** Whether I may enrol in this class, and if not, the rule that says no. */
  @Get('classes/:id/availability')
  @Roles('worker')
  @ApiOkResponse({ type: AvailabilityDto })
  availability(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AvailabilityDto> {
    return this.enrollment.availability(actor, id);
  }

  /** I enrol (or join the waitlist when the class is full). */
  @Post('classes/:id/enrollments')
  @Roles('worker')
  @ApiOkResponse({ type: EnrollmentDto })
  enrol(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: EnrolDto,
  ): Promise<EnrollmentDto> {
    return this.enrollment.enrolSelf(actor, id, dto);
  }

  /** A district or street enrols its workers: all or nothing, every refusal listed. */
  @Post('classes/:id/enrollments/bulk')
  @Roles('district_admin', 'street_admin')
  @ApiOkResponse({ type: BulkResultDto })
  bulk(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: BulkEnrolDto,
  ): Promise<BulkResultDto> {
    return this.enrollment.enrolBulk(actor, id, dto);
  }

  /** The class's roster and waitlist. */
  @Get('classes/:id/enrollments')
  @Roles('municipal_admin', 'district_admin', 'street_admin', 'institution_staff', 'teacher')
  @ApiOkResponse({ type: RosterPageDto })
  roster(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Query() q: RosterQuery,
  ): Promise<RosterPageDto> {
    return this.enrollment.roster(actor, id, q);
  }

  @Get('me/enrollments')
  @Roles('worker')
  @ApiOkResponse({ type: [EnrollmentDto] })
  mine(@CurrentActor() actor: Actor): Promise<EnrollmentDto[]> {
    return this.enrollment.mine(actor);
  }

  @Post('enrollments/:id/withdraw')
  @Roles('worker', 'district_admin', 'street_admin', 'municipal_admin')
  @HttpCode(200)
  @ApiOkResponse({ type: EnrollmentDto })
  withdraw(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: EndEntryDto,
  ): Promise<EnrollmentDto> {
    return this.enrollment.withdraw(actor, id, dto);
  }

  /** I take the place offered to me from the waitlist. */
  @Post('enrollments/:id/accept')
  @Roles('worker')
  @HttpCode(200)
  @ApiOkResponse({ type: EnrollmentDto })
  accept(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<EnrollmentDto> {
    return this.enrollment.accept(actor, id);
  }

  @Post('enrollments/:id/decline')
  @Roles('worker')
  @HttpCode(200)
  @ApiOkResponse({ type: EnrollmentDto })
  decline(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<EnrollmentDto> {
    return this.enrollment.decline(actor, id);
  }
}

@ApiTags('nominations')
@ApiBearerAuth()
@Controller('v1/nominations')
export class NominationsController {
  constructor(private readonly nominations: NominationsService) {}

  @Post()
  @Roles('district_admin')
  @ApiOkResponse({ type: NominationDto })
  nominate(@CurrentActor() actor: Actor, @Body() dto: NominateDto): Promise<NominationDto> {
    return this.nominations.nominate(actor, dto);
  }

  /** A district's nominations; the bureau sees all, with the count against the quota. */
  @Get()
  @Roles('district_admin', 'municipal_admin')
  @ApiOkResponse({ type: NominationListDto })
  list(@CurrentActor() actor: Actor, @Query() q: ListNominationsQuery): Promise<NominationListDto> {
    return this.nominations.list(actor, q);
  }

  @Post(':id/accept')
  @Roles('municipal_admin')
  @HttpCode(200)
  @ApiOkResponse({ type: NominationDto })
  accept(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: AcceptNominationDto,
  ): Promise<NominationDto> {
    return this.nominations.accept(actor, id, dto);
  }

  @Post(':id/reject')
  @Roles('municipal_admin')
  @HttpCode(200)
  @ApiOkResponse({ type: NominationDto })
  reject(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: RejectNominationDto,
  ): Promise<NominationDto> {
    return this.nominations.reject(actor, id, dto);
  }

  @Post(':id/withdraw')
  @Roles('district_admin')
  @HttpCode(200)
  @ApiOkResponse({ type: NominationDto })
  withdraw(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<NominationDto> {
    return this.nominations.withdraw(actor, id);
  }
}
