import type { RouteObject } from 'react-router-dom';

/** Dividends pages anyone may open without signing in (notices, fund flows, a household's payouts, chain check), under `/public`. */
export const DIVIDENDS_PUBLIC_PAGES: RouteObject[] = [];
