import { Body, Controller, Get, NotFoundException, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, AnyRole, CurrentActor, Roles } from '@peixun/core';
import { TrainingPolicy } from '../policy.types';
import { NewPolicyVersionDto, PolicyVersionDto } from './policy.dto';
import { PolicyStore } from './policy-store.service';

@ApiTags('policies')
@ApiBearerAuth()
@Controller('v1/policies')
export class PolicyController {
  constructor(private readonly store: PolicyStore) {}

  @Get()
  @AnyRole()
  @ApiOkResponse({ type: [PolicyVersionDto] })
  async list(): Promise<PolicyVersionDto[]> {
    return (await this.store.list()).map((r) => ({
      ...r,
      data: r.data as unknown as Record<string, unknown>,
    }));
  }

  /** A new version, derived from an existing one, for a year that has not begun (municipal bureau). */
  @Post()
  @Roles('municipal_admin')
  @ApiOkResponse({ type: PolicyVersionDto })
  async add(
    @CurrentActor() actor: Actor,
    @Body() dto: NewPolicyVersionDto,
  ): Promise<PolicyVersionDto> {
    const base = (await this.store.list()).find((r) => r.id === dto.basedOn);
    if (!base) throw new NotFoundException(`basedOn: 政策版本 ${dto.basedOn} 不存在`);
    const h = dto.hours ?? {};
    const data: TrainingPolicy = {
      ...base.data,
      id: dto.id,
      title: dto.title,
      fromYear: dto.fromYear,
      advanced: {
        quotaPerYear: dto.advancedQuota ?? base.data.advanced.quotaPerYear,
        nominationGrades: dto.nominationGrades ?? base.data.advanced.nominationGrades,
      },
      gradeCaps: dto.gradeCaps ?? base.data.gradeCaps,
      layers: dto.layers
        ? dto.layers.map((l) => ({ level: 'district' as const, ...l }))
        : base.data.layers,
      shareLimits: dto.shareLimits ?? base.data.shareLimits,
      remedial: dto.remedial ?? base.data.remedial,
      types: base.data.types.map((t) => {
        if (t.type === 'induction') {
          return {
            ...t,
            hours: {
              ...t.hours,
              default: h.induction ?? t.hours.default,
              byChannel: {
                ...t.hours.byChannel,
                ...(h.inductionCitywide !== undefined
                  ? { recruited_citywide: h.inductionCitywide }
                  : {}),
              },
            },
          };
        }
        const v = h[t.type as 'post' | 'advanced' | 'continuing'];
        return v === undefined ? t : { ...t, hours: { ...t.hours, default: v } };
      }),
    };
    const row = await this.store.add(actor, data);
    return { ...row, data: row.data as unknown as Record<string, unknown> };
  }
}
