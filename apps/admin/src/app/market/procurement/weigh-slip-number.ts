import type { PurchaseView } from '@fupin/contracts';

/** The day in China time as yyyymmdd, the way slips are numbered on paper. */
export function chinaDay(date: Date): string {
  const shifted = new Date(date.getTime() + 8 * 3600_000);
  return shifted.toISOString().slice(0, 10).replace(/-/g, '');
}

/**
 * The next weigh-slip number for a point: `<village code>-<yyyymmdd>-<nnn>`, one above the highest
 * of today's slips the point has used (numbers are unique across the county, so the village code
 * keeps two points from suggesting the same one). `skip` steps past numbers already refused.
 */
export function suggestWeighSlipNumber(
  villageCode: string,
  recent: readonly PurchaseView[],
  now: Date,
  skip = 0,
): string {
  const prefix = `${villageCode}-${chinaDay(now)}-`;
  const used = recent
    .map((purchase) => purchase.weighSlipNumber)
    .filter((number) => number.startsWith(prefix))
    .map((number) => Number(number.slice(prefix.length)))
    .filter((n) => Number.isInteger(n));
  const next = Math.max(0, ...used) + 1 + skip;
  return `${prefix}${String(next).padStart(3, '0')}`;
}
