import type { StaffRole } from '@fupin/contracts';

const KEEPERS: readonly StaffRole[] = ['coop_accountant', 'village_admin', 'town_admin', 'county_admin'];

/** What each role may do in the dividends pages (the dividends service decides; this only hides what it would refuse). */
export const DIVIDENDS_PERMISSIONS = {
  /** Entities, members, income, plans, distributions and payouts: an accountant sees only its own entity. */
  'dividends.read': [...KEEPERS, 'auditor'],
  /** Members, shares, attendance, income, plans, dry runs, notices, objections, posting. */
  'dividends.write': KEEPERS,
  /** Approve after the notice (四议两公开), revoke, resolve objections: never the entity's own accountant. */
  'dividends.approve': ['village_admin', 'town_admin', 'county_admin'],
  /** Bank files, bank confirmations, retries: the accountant and the county office that holds the funds. */
  'dividends.pay': ['coop_accountant', 'county_admin'],
  /** 资金流向: where each fund went and where a household's money came from (三级三账). */
  'dividends.funds': ['county_admin', 'town_admin', 'village_admin', 'auditor'],
} as const satisfies Record<string, readonly StaffRole[]>;
