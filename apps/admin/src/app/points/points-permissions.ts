import type { StaffRole } from '@fupin/contracts';

/** What each role may do in the points pages (the ledger service decides; this only hides what it would refuse). */
export const POINTS_PERMISSIONS = {} as const satisfies Record<string, readonly StaffRole[]>;
