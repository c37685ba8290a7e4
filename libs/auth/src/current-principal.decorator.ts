import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { unauthenticated } from './auth.errors';
import type { Principal } from './principal';

/** Where the guard leaves the verified principal on the request. */
export const PRINCIPAL_REQUEST_KEY = 'principal';

/** The principal the guard attached to this request, if any (undefined on public routes). */
export function principalOf(request: unknown): Principal | undefined {
  return (request as Record<string, Principal | undefined>)[PRINCIPAL_REQUEST_KEY];
}

/**
 * The verified caller: `handler(@CurrentPrincipal() principal: Principal)`. On a route without a
 * principal (public) it throws 401, so a handler never sees an anonymous principal by mistake.
 */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const principal = principalOf(context.switchToHttp().getRequest());
    if (!principal) throw unauthenticated();
    return principal;
  },
);
