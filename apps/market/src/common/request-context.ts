import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { describeScope, principalOf, type Principal } from '@fupin/auth';
import { recordAudit } from '@fupin/persistence';
import type { Request } from 'express';
import type { EntityManager } from 'typeorm';

/** Who is acting: the verified principal of a request, or the system (sweeps, webhooks). */
export interface RequestContext {
  principal?: Principal;
  actorId: string;
  role: string;
  scope: string;
  ip?: string;
  userAgent?: string;
}

/** The system acting on its own behalf (reservation sweep, Stripe webhook). */
export function systemContext(actorId = 'system'): RequestContext {
  return { actorId, role: 'system', scope: 'system' };
}

/** `handler(@Ctx() ctx: RequestContext)` */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext => {
  const request = context.switchToHttp().getRequest<Request>();
  const principal = principalOf(request);
  const userAgent = request.headers['user-agent'];
  const base = {
    ip: request.ip,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 500) : undefined,
  };
  if (!principal) return { ...base, actorId: 'anonymous', role: 'anonymous', scope: 'none' };
  return { ...base, principal, actorId: principal.id, role: principal.role, scope: describeScope(principal) };
});

/** Appends the audit row of a write, in the write's own transaction. */
export function audit(
  manager: EntityManager,
  ctx: RequestContext,
  action: string,
  target: { type: string; id: string },
  details: Record<string, unknown> = {},
): Promise<void> {
  return recordAudit(manager, {
    actorId: ctx.actorId,
    role: ctx.role,
    scope: ctx.scope,
    action,
    targetType: target.type,
    targetId: target.id,
    details,
    ip: ctx.ip,
    userAgent: ctx.userAgent,
  });
}

/** The principal of a context that passed the guard (every non-public route has one). */
export function principalOfContext(ctx: RequestContext): Principal {
  if (!ctx.principal) throw new Error('no principal on a guarded route');
  return ctx.principal;
}
