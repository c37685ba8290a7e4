import type { StaffRole } from '@fupin/contracts';

const ADMINS: readonly StaffRole[] = ['county_admin', 'town_admin', 'village_admin'];
const ADMINS_AND_AUDITOR: readonly StaffRole[] = [...ADMINS, 'auditor'];
const READERS: readonly StaffRole[] = [...ADMINS, 'store_keeper', 'auditor'];
const APPROVERS: readonly StaffRole[] = ['county_admin', 'town_admin'];

/**
 * What each role may do in the points pages, mirroring the ledger's route guards (the ledger
 * service decides; this only hides what it would refuse).
 */
export const POINTS_PERMISSIONS = {
  /** 积分标准: read every version; publish a new one. */
  'points.rules.read': ADMINS_AND_AUDITOR,
  'points.rules.write': ADMINS,
  /** 月度评分表: read; draft, edit, import and submit (the village committee only). */
  'points.sheets.read': ADMINS_AND_AUDITOR,
  'points.sheets.draft': ['village_admin'],
  /** File and resolve objections during the notice. */
  'points.sheets.objections': ADMINS,
  /** Approve a sheet after its notice: the points then exist. */
  'points.sheets.approve': APPROVERS,
  /** 红十条 blacklist: read; propose (village); approve or revoke (town, county). */
  'points.blacklist.read': ADMINS_AND_AUDITOR,
  'points.blacklist.propose': ['village_admin'],
  'points.blacklist.decide': APPROVERS,
  /** Love supermarkets, their goods, movements, receipts and reserve. */
  'points.stores.read': READERS,
  /** Goods, stock in (donations, purchases, adjustments) and same-day voids at one's own store. */
  'points.stores.write': ['store_keeper'],
  /** A household's points balance and statement. */
  'points.accounts.read': READERS,
  'points.reports.village': ADMINS_AND_AUDITOR,
  /** 试算平衡: the ledger's own check that every account adds up. */
  'points.trialBalance': ['county_admin', 'auditor'],
  /** 积分过期: read the county's policy (the ledger also lets store keepers and households read it). */
  'points.expiry.read': ADMINS_AND_AUDITOR,
  /** The county's expiry runs: the ledger lists them to county, town and village admins and auditors. */
  'points.expiry.runs': ADMINS_AND_AUDITOR,
  /** Set the policy and run expiry by hand. */
  'points.expiry.write': ['county_admin'],
} as const satisfies Record<string, readonly StaffRole[]>;
