import type { StaffRole } from '@fupin/contracts';

/** What each role may do in the market pages (the market service decides; this only hides what it would refuse). */
export const MARKET_PERMISSIONS = {} as const satisfies Record<string, readonly StaffRole[]>;
