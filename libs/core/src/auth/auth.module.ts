import { createSecretKey } from 'node:crypto';
import { ThrottlerStorageRedisService } from '@nest-lab/throttler-storage-redis';
import { Global, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtModule } from '@nestjs/jwt';
import { ThrottlerModule } from '@nestjs/throttler';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AppConfig } from '../config/app-config';
import { resolveRedisUrl } from '../queue/redis-url';
import { Account } from './account.entity';
import { AuthController } from './auth.controller';
import { AuthGuard } from './auth.guard';
import { AuthService } from './auth.service';
import { LOGIN_PER_ACCOUNT, LOGIN_PER_ADDRESS, LoginThrottlerGuard } from './login-throttler.guard';
import { RefreshToken } from './refresh-token.entity';
import { TokenService } from './token.service';

/**
 * Login, tokens and the global deny-by-default guard. Needs a SCOPE_RESOLVER
 * provider (libs/org supplies it) to place accounts in the organisation tree.
 */
@Global()
@Module({
  imports: [
    TypeOrmModule.forFeature([Account, RefreshToken]),
    JwtModule.registerAsync({
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        // a KeyObject: given the secret as a string, jsonwebtoken first tries to read it as a
        // public key on every verify (~0.5 ms a request); as a secret key it takes ~10 µs
        secret: createSecretKey(Buffer.from(config.auth.jwtSecret, 'utf8')) as unknown as Buffer,
        signOptions: { algorithm: 'HS256' },
      }),
    }),
    ThrottlerModule.forRootAsync({
      inject: [AppConfig],
      useFactory: async (config: AppConfig) => ({
        throttlers: [
          {
            name: LOGIN_PER_ACCOUNT,
            ttl: config.auth.loginRateWindowSeconds * 1000,
            limit: config.auth.loginRateLimit,
            setHeaders: false,
          },
          {
            name: LOGIN_PER_ADDRESS,
            ttl: config.auth.loginRateWindowSeconds * 1000,
            limit: config.auth.loginRateLimitPerIp,
            setHeaders: false,
          },
        ],
        storage: new ThrottlerStorageRedisService(await resolveRedisUrl(config), {
          keyPrefix: `${config.queue.prefix}:throttle:`,
          maxRetriesPerRequest: 2,
        }),
      }),
    }),
  ],
  providers: [
    AuthService,
    TokenService,
    LoginThrottlerGuard,
    { provide: APP_GUARD, useClass: AuthGuard },
  ],
  controllers: [AuthController],
  exports: [AuthService, TokenService, TypeOrmModule],
})
export class AuthModule {}
