import type { StaffRole } from '@fupin/contracts';

const NETWORK_READERS: readonly StaffRole[] = [
  'county_admin',
  'town_admin',
  'village_admin',
  'collector',
  'supermarket_staff',
  'auditor',
];

/**
 * What each role may do in the market pages, mirroring the market service's route guards (the
 * market service decides; this only hides what it would refuse).
 */
export const MARKET_PERMISSIONS = {
  /** 收购: record a purchase at one's own collection point. */
  'market.purchase': ['collector'],
  /** The purchase list (a collector sees its own point). */
  'market.purchases.read': ['collector', 'county_admin', 'auditor'],
  'market.lots.read': ['collector', 'supermarket_staff', 'county_admin', 'auditor'],
  /** Split, merge, send and receive lots at one's own organisation. */
  'market.lots.write': ['collector', 'supermarket_staff'],
  'market.catalogue.read': ['supermarket_staff', 'county_admin', 'auditor'],
  'market.catalogue.write': ['supermarket_staff', 'county_admin'],
  /** Pack boxes from a lot that arrived at the county supermarket. */
  'market.stock': ['supermarket_staff'],
  'market.network.read': NETWORK_READERS,
  /** 工作单位与补贴: the county's view of the buying work units. */
  'market.workUnits.read': ['county_admin', 'supermarket_staff', 'auditor'],
  /** A work unit's yearly allowance: amount per employee, totals and wallets. */
  'market.allowances.read': ['county_admin', 'auditor'],
  /** Set or raise a work unit's amount per employee; the year-end write-off (年末清零). */
  'market.allowances.write': ['county_admin'],
  'market.fulfilment.read': ['supermarket_staff', 'county_admin', 'auditor'],
  'market.fulfilment.work': ['supermarket_staff'],
  /** Cancel a paid order or refund an accepted one. */
  'market.orders.refund': ['supermarket_staff', 'county_admin'],
  'market.settlement.read': ['county_admin', 'auditor'],
  'market.settlement.run': ['county_admin'],
  'market.ledger.read': ['county_admin', 'auditor'],
} as const satisfies Record<string, readonly StaffRole[]>;
