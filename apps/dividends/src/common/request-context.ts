import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { describeScope, principalOf, type Principal } from '@fupin/auth';
import { recordAudit } from '@fupin/persistence';
import type { Request } from 'express';
import type { EntityManager } from 'typeorm';

/** Who is acting: the verified principal of an HTTP request, or the system (tests, seeds). */
export interface RequestContext {
  principal?: Principal;
  actorId: string;
  role: string;
  scope: string;
  ip?: string;
  userAgent?: string;
}

export function systemContext(actorId = 'system'): RequestContext {
  return { actorId, role: 'system', scope: 'system' };
}

export function contextFromRequest(request: Request): RequestContext {
  const principal = principalOf(request);
  const userAgent = request.headers['user-agent'];
  const base = {
    ip: request.ip,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 500) : undefined,
  };
  if (!principal) return { ...base, actorId: 'anonymous', role: 'anonymous', scope: 'none' };
  return { ...base, principal, actorId: principal.id, role: principal.role, scope: describeScope(principal) };
}

/** `handler(@Ctx() ctx: RequestContext)` */
export const Ctx = createParamDecorator((_data: unknown, context: ExecutionContext): RequestContext =>
  contextFromRequest(context.switchToHttp().getRequest<Request>()),
);

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
