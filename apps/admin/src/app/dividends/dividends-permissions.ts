import type { StaffRole } from '@fupin/contracts';

/** What each role may do in the dividends pages (the dividends service decides; this only hides what it would refuse). */
export const DIVIDENDS_PERMISSIONS = {} as const satisfies Record<string, readonly StaffRole[]>;
