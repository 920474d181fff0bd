import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '../errors/domain-error';
import { ErrorCode } from '../errors/error-codes';
import { AuthenticatedRequest, PUBLIC_KEY, ROLES_KEY } from './access.decorators';
import { Role } from './roles';
import { TokenService } from './token.service';

/**
 * Global guard: deny by default. A route is reachable only when it is marked
 * @Public() or names its roles with @Roles()/@AnyRole() and the caller's
 * token carries one of them.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly tokens: TokenService,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const req = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = req.headers.authorization;
    if (!header) {
      throw new DomainError(ErrorCode.UNAUTHENTICATED, '需要登录 (authentication required)', 401);
    }
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) {
      throw new DomainError(
        ErrorCode.TOKEN_INVALID,
        'Authorization 头格式应为 Bearer <token>',
        401,
      );
    }
    const actor = this.tokens.verifyAccess(match[1]);
    req.actor = actor;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles) {
      throw new DomainError(
        ErrorCode.ROUTE_ACCESS_UNDECLARED,
        '该接口未声明访问角色，默认拒绝 (route declares no roles; denied by default)',
        403,
      );
    }
    if (!roles.includes(actor.role)) {
      throw new DomainError(
        ErrorCode.FORBIDDEN_ROLE,
        `角色 ${actor.role} 无权调用该接口 (role not allowed)`,
        403,
        { allowed: roles },
      );
    }
    return true;
  }
}
