import type { RouteObject } from 'react-router-dom';
import type { NavItem } from '../admin-nav';
import { DIVIDENDS_PUBLIC_PAGES } from './public/dividends-public-routes';

/** Signed-in pages of this part, mounted under `/` (use `guarded` from common/guarded-route). */
export const DIVIDENDS_ROUTES: RouteObject[] = [];

/** Pages anyone may open without signing in, mounted under `/public`. */
export const DIVIDENDS_PUBLIC_ROUTES: RouteObject[] = [...DIVIDENDS_PUBLIC_PAGES];

/** Menu entries, after the registry's. */
export const DIVIDENDS_NAV: readonly NavItem[] = [];
