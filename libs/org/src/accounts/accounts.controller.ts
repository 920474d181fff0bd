import { Body, Controller, Get, HttpCode, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { Actor, CurrentActor, IdParam, Roles } from '@peixun/core';
import {
  AccountDto,
  AccountPageDto,
  CreateAccountDto,
  CreatedAccountDto,
  CreateWorkerAccountDto,
  ListAccountsQuery,
  TemporaryPasswordDto,
} from './account.dto';
import { AccountsService } from './accounts.service';

const MANAGERS = [
  'municipal_admin',
  'district_admin',
  'street_admin',
  'institution_staff',
] as const;

@ApiTags('accounts')
@ApiBearerAuth()
@Controller('v1')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  /** Municipal creates district, institution and teacher accounts; a district its streets'; institution staff teachers. */
  @Post('accounts')
  @Roles('municipal_admin', 'district_admin', 'institution_staff')
  @ApiOkResponse({ type: CreatedAccountDto })
  create(@CurrentActor() actor: Actor, @Body() dto: CreateAccountDto): Promise<CreatedAccountDto> {
    return this.accounts.create(actor, dto);
  }

  @Get('accounts')
  @Roles(...MANAGERS)
  @ApiOkResponse({ type: AccountPageDto })
  list(@CurrentActor() actor: Actor, @Query() q: ListAccountsQuery): Promise<AccountPageDto> {
    return this.accounts.list(actor, q);
  }

  @Get('accounts/:id')
  @Roles(...MANAGERS)
  @ApiOkResponse({ type: AccountDto })
  get(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AccountDto> {
    return this.accounts.get(actor, id);
  }

  /** Sets a temporary password (shown once) and signs the account out everywhere. */
  @Post('accounts/:id/reset-password')
  @Roles(...MANAGERS)
  @HttpCode(200)
  @ApiOkResponse({ type: TemporaryPasswordDto })
  reset(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<TemporaryPasswordDto> {
    return this.accounts.resetPassword(actor, id);
  }

  @Post('accounts/:id/deactivate')
  @Roles(...MANAGERS)
  @HttpCode(200)
  @ApiOkResponse({ type: AccountDto })
  deactivate(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AccountDto> {
    return this.accounts.setActive(actor, id, false);
  }

  @Post('accounts/:id/activate')
  @Roles(...MANAGERS)
  @HttpCode(200)
  @ApiOkResponse({ type: AccountDto })
  activate(@CurrentActor() actor: Actor, @IdParam() id: string): Promise<AccountDto> {
    return this.accounts.setActive(actor, id, true);
  }

  /** Gives a worker an account linked to their record. */
  @Post('workers/:id/account')
  @Roles('municipal_admin', 'district_admin', 'street_admin')
  @ApiOkResponse({ type: CreatedAccountDto })
  createForWorker(
    @CurrentActor() actor: Actor,
    @IdParam() id: string,
    @Body() dto: CreateWorkerAccountDto,
  ): Promise<CreatedAccountDto> {
    return this.accounts.createForWorker(actor, id, dto);
  }
}
