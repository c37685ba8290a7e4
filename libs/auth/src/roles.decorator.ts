import { SetMetadata } from '@nestjs/common';
import { ROLES, type Role } from '@fupin/contracts';

/** Metadata key read by the auth guard: the roles that may call a route. */
export const ROLES_KEY = 'fupin:auth:roles';

/** Metadata key: auditors may call this non-GET route (their own logout, password change). */
export const AUDITOR_MAY_WRITE_KEY = 'fupin:auth:auditor-may-write';

/**
 * The roles that may call a route (on a handler, or on a controller for all its handlers; the
 * handler's list wins). Callers with another role get 403 `FORBIDDEN`. The resource's scope is
 * checked by the service with the helpers in `scope.ts`, since only it knows the resource's region.
 */
export const Roles = (...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, roles);

/** Any signed-in principal, whatever the role (e.g. `GET /auth/me`). */
export const Authenticated = (): MethodDecorator & ClassDecorator => SetMetadata(ROLES_KEY, [...ROLES]);

/**
 * Auditors are read-only everywhere: the guard refuses them every method but GET/HEAD unless the
 * route carries this marker (and lists `auditor` in its roles).
 */
export const AuditorMayWrite = (): MethodDecorator & ClassDecorator =>
  SetMetadata(AUDITOR_MAY_WRITE_KEY, true);
