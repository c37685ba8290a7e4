import { allocate, type Weight } from './allocate';

/**
 * Splits `total` between named buckets by ratio, e.g. a photovoltaic station's income under the
 * differentiated plan (光伏差异化分配): `allocateByRatios(1_000_000, { wages: 55, support: 30, works: 15 })`.
 * Same guarantees as {@link allocate}; equal remainders go to the bucket whose name sorts first,
 * so the result does not depend on the order the ratios object was written in.
 */
export function allocateByRatios<K extends string>(
  total: number,
  ratios: Readonly<Record<K, Weight>>,
): Record<K, number>;
export function allocateByRatios<K extends string>(
  total: bigint,
  ratios: Readonly<Record<K, Weight>>,
): Record<K, bigint>;
export function allocateByRatios<K extends string>(
  total: number | bigint,
  ratios: Readonly<Record<K, Weight>>,
): Record<K, number> | Record<K, bigint> {
  const keys = Object.keys(ratios) as K[];
  const weights = keys.map((key) => ratios[key]);
  const parts: readonly (number | bigint)[] =
    typeof total === 'number' ? allocate(total, weights, { keys }) : allocate(total, weights, { keys });
  const result = {} as Record<K, number | bigint>;
  keys.forEach((key, i) => {
    result[key] = parts[i];
  });
  return result as Record<K, number> | Record<K, bigint>;
}
