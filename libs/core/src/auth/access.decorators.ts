import { createParamDecorator, ExecutionContext, SetMetadata } from '@nestjs/common';
import type { Request } from 'express';
import { Actor, ALL_ROLES, Role } from './roles';

export const PUBLIC_KEY = 'peixun:public';
export const ROLES_KEY = 'peixun:roles';

/** No token needed (login, health, docs). */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(PUBLIC_KEY, true);

/**
 * Which roles may call the route. Every non-public route must say so; a route
 * without @Roles is refused (deny by default). Scope checks happen in the service.
 */
export const Roles = (...roles: Role[]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, roles);

/** Any signed-in account, whatever its role. */
export const AnyRole = (): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, [...ALL_ROLES]);

export type AuthenticatedRequest = Request & { actor?: Actor };

/** The signed-in caller, set by the auth guard. */
export const CurrentActor = createParamDecorator((_: unknown, ctx: ExecutionContext): Actor => {
  const req = ctx.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!req.actor) throw new Error('CurrentActor used on a route without authentication');
  return req.actor;
});
