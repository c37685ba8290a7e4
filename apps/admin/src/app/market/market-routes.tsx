import type { RouteObject } from 'react-router-dom';
import type { NavItem } from '../admin-nav';

/** Signed-in pages of this part, mounted under `/` (use `guarded` from common/guarded-route). */
export const MARKET_ROUTES: RouteObject[] = [];

/** Pages anyone may open without signing in, mounted under `/public`. */
export const MARKET_PUBLIC_ROUTES: RouteObject[] = [];

/** Menu entries, after the registry's. */
export const MARKET_NAV: readonly NavItem[] = [];
