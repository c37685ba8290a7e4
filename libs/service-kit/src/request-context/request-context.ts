import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { describeScope, principalOf, type Principal } from '@fupin/auth';
import { recordAudit } from '@fupin/persistence';
import type { Request } from 'express';
import type { EntityManager } from 'typeorm';

/**
 * Who is acting and from where: the verified principal of an HTTP request, or the system (demo
 * seed, CLI). Every service method that writes takes one, for its scope checks and audit rows.
 */
export interface RequestContext {
  /** Undefined for the system itself, which is not limited by any scope. */
  principal?: Principal;
  actorId: string;
  /** The actor's display name where known (a user's name); the audit row keeps only the id. */
  actorName?: string | null;
  role: string;
  scope: string;
  ip?: string;
  userAgent?: string;
}

/** The system acting on its own behalf (seed, CLI, sweeps, signed webhooks). */
export function systemContext(actorId = 'system'): RequestContext {
  return { actorId, actorName: null, role: 'system', scope: 'system' };
}

/** A context for a principal (or none yet, e.g. during login) from an HTTP request. */
export function contextFromRequest(request: Request): RequestContext {
  const principal = principalOf(request);
  const userAgent = request.headers['user-agent'];
  const base = {
    ip: request.ip,
    userAgent: typeof userAgent === 'string' ? userAgent.slice(0, 500) : undefined,
  };
  if (!principal) return { ...base, actorId: 'anonymous', actorName: null, role: 'anonymous', scope: 'none' };
  return {
    ...base,
    principal,
    actorId: principal.id,
    actorName: principal.name,
    role: principal.role,
    scope: describeScope(principal),
  };
}

/** The same context with another actor (login: the user who just proved who they are). */
export function actingAs(
  ctx: RequestContext,
  actor: { id: string; name: string; role: string; scope: string },
): RequestContext {
  return { ...ctx, actorId: actor.id, actorName: actor.name, role: actor.role, scope: actor.scope };
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

/** The principal of a context that passed the guard (every non-public route has one). */
export function principalOfContext(ctx: RequestContext): Principal {
  if (!ctx.principal) throw new Error('no principal on a guarded route');
  return ctx.principal;
}
