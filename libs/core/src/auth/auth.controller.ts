import { Body, Controller, Get, HttpCode, Post, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentActor, Public } from './access.decorators';
import { AuthService } from './auth.service';
import { ChangePasswordDto, LoginDto, MeDto, RefreshDto, TokenPairDto } from './dto/auth.dto';
import { LoginThrottlerGuard } from './login-throttler.guard';
import { Actor } from './roles';

@ApiTags('auth')
@Controller('v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @UseGuards(LoginThrottlerGuard)
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto, description: '登录成功 (signed in)' })
  login(@Body() body: LoginDto): Promise<TokenPairDto> {
    return this.auth.login(body.username, body.password);
  }

  @Post('refresh')
  @Public()
  @HttpCode(200)
  @ApiOkResponse({ type: TokenPairDto, description: '新的令牌对；旧刷新令牌作废 (rotated)' })
  refresh(@Body() body: RefreshDto): Promise<TokenPairDto> {
    return this.auth.refresh(body.refreshToken);
  }

  @Post('logout')
  @Public()
  @HttpCode(204)
  async logout(@Body() body: RefreshDto): Promise<void> {
    await this.auth.logout(body.refreshToken);
  }

  @Get('me')
  @AnyRole()
  @ApiBearerAuth()
  @ApiOkResponse({ type: MeDto, description: '当前账号及其单位 (the account and its units)' })
  me(@CurrentActor() actor: Actor): Promise<MeDto> {
    return this.auth.me(actor);
  }

  @Post('password')
  @AnyRole()
  @ApiBearerAuth()
  @HttpCode(204)
  async changePassword(
    @CurrentActor() actor: Actor,
    @Body() body: ChangePasswordDto,
  ): Promise<void> {
    await this.auth.changePassword(actor, body.currentPassword, body.newPassword);
  }
}
