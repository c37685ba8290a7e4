import { CanActivate, ExecutionContext, Inject, Injectable, Logger } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Role } from '@fupin/contracts';
import { authUnavailable, forbidden, unauthenticated } from './auth.errors';
import { PRINCIPAL_REQUEST_KEY } from './current-principal.decorator';
import { IS_PUBLIC_KEY } from './public.decorator';
import { AUDITOR_MAY_WRITE_KEY, ROLES_KEY } from './roles.decorator';
import { KeysUnavailableError, TokenRejectedError, TokenVerifier } from './token-verifier';

const READ_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The global guard (APP_GUARD) of every service. A route is open only when marked `@Public()`;
 * otherwise it needs a valid bearer token (401 `UNAUTHENTICATED`) and a role listed by `@Roles`
 * (403 `FORBIDDEN`). A route that declares no roles is refused to everyone: fail closed.
 * Auditors may only read unless the route says `@AuditorMayWrite()`.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly logger = new Logger('AuthGuard');

  constructor(
    private readonly reflector: Reflector,
    @Inject(TokenVerifier) private readonly verifier: TokenVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<{ method: string; headers: Record<string, unknown> }>();
    const token = bearerToken(request.headers.authorization);
    if (!token) throw unauthenticated();
    const principal = await this.verifier.verify(token).catch((error: unknown) => {
      if (error instanceof TokenRejectedError) {
        throw unauthenticated(
          error.reason === 'expired'
            ? '登录已过期，请重新登录 / The sign-in has expired'
            : '登录凭证无效 / Invalid token',
        );
      }
      if (error instanceof KeysUnavailableError) {
        this.logger.warn(error.message);
        throw authUnavailable();
      }
      throw error;
    });
    (request as Record<string, unknown>)[PRINCIPAL_REQUEST_KEY] = principal;

    const roles = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, targets);
    if (!roles || roles.length === 0)
      throw forbidden('此接口未声明可访问的角色 / This route declares no roles');
    if (!roles.includes(principal.role))
      throw forbidden('当前角色无权执行此操作 / Your role may not do this');
    if (
      principal.role === 'auditor' &&
      !READ_METHODS.has(request.method.toUpperCase()) &&
      !this.reflector.getAllAndOverride<boolean>(AUDITOR_MAY_WRITE_KEY, targets)
    ) {
      throw forbidden('审计员只能查看 / Auditors may only read');
    }
    return true;
  }
}

function bearerToken(header: unknown): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer\s+([A-Za-z0-9_\-.]+)\s*$/i.exec(header);
  return match?.[1];
}
