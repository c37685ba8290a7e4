import type { RouteObject } from 'react-router-dom';
import type { NavItem } from '../admin-nav';

/** Signed-in pages of this part, mounted under `/` (use `guarded` from common/guarded-route). */
export const DIVIDENDS_ROUTES: RouteObject[] = [];

/** Pages anyone may open without signing in, mounted under `/public`. */
export const DIVIDENDS_PUBLIC_ROUTES: RouteObject[] = [];

/** Menu entries, after the registry's. */
export const DIVIDENDS_NAV: readonly NavItem[] = [];
