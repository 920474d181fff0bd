import { Body, Controller, Delete, Get, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, IdParam, Roles } from '@peixun/core';
import {
  CreateOrgUnitDto,
  DeleteOutcomeDto,
  ListOrgUnitsQuery,
  OrgUnitDto,
  UpdateOrgUnitDto,
} from './org-unit.dto';
import { OrgUnitsService } from './org-units.service';

const ADMINS = ['municipal_admin', 'district_admin', 'street_admin'] as const;

@ApiTags('org')
@ApiBearerAuth()
@Controller('v1/org/units')
export class OrgUnitsController {
  constructor(private readonly units: OrgUnitsService) {}

  /** Units in the caller's scope (a district sees itself, its streets and communities). */
  @Get()
  @Roles(...ADMINS, 'institution_staff', 'teacher')
  @ApiOkResponse({ type: [OrgUnitDto] })
  list(@CurrentActor() actor: Actor, @Query() q: ListOrgUnitsQuery): Promise<OrgUnitDto[]> {
    return this.units.list(actor, q);
  }

  @Get(':id')
  @Roles(...ADMINS, 'institution_staff', 'teacher')
  @ApiOkResponse({ type: OrgUnitDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<OrgUnitDto> {
    return this.units.get(actor, id);
  }

  /** The level above creates: municipal → districts and institutions, district → streets, street → communities. */
  @Post()
  @Roles(...ADMINS)
  @ApiOkResponse({ type: OrgUnitDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateOrgUnitDto): Promise<OrgUnitDto> {
    return this.units.create(actor, dto);
  }

  @Patch(':id')
  @Roles(...ADMINS)
  @ApiOkResponse({ type: OrgUnitDto })
  update(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: UpdateOrgUnitDto,
  ): Promise<OrgUnitDto> {
    return this.units.update(actor, id, dto);
  }

  /** Deletes the unit, or deactivates it when anything refers to it. */
  @Delete(':id')
  @Roles(...ADMINS)
  @ApiOkResponse({ type: DeleteOutcomeDto })
  remove(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<DeleteOutcomeDto> {
    return this.units.remove(actor, id);
  }
}
