import type { ReactNode } from 'react';
import type { RouteObject } from 'react-router-dom';
import type { Permission } from '../auth/permissions';
import { RequirePermission } from '../auth/require-session';

/** A signed-in route shown only to roles holding `permission` (others see the forbidden page). */
export const guarded = (path: string, permission: Permission, page: ReactNode): RouteObject => ({
  path,
  element: <RequirePermission permission={permission}>{page}</RequirePermission>,
});
