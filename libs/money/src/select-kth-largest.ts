/** A writable indexed collection: plain arrays and typed arrays both fit. */
export interface MutableIndexed<T> {
  [index: number]: T;
  readonly length: number;
}

/**
 * Returns the value that would sit at position `rank` (0 = largest) if `values` were sorted in
 * descending order, in expected linear time (quickselect with a three-way partition, so long
 * runs of equal values — typical for remainders — cost nothing extra). Reorders `values`.
 * The pivot comes from a fixed-seed generator: the answer never depends on it, and a fixed seed
 * keeps timings reproducible.
 */
export function selectKthLargest<T extends number | bigint>(values: MutableIndexed<T>, rank: number): T {
  let lo = 0;
  let hi = values.length - 1;
  let seed = 0x2545f491;
  for (;;) {
    if (lo >= hi) return values[lo];
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    const pivot = values[lo + (seed % (hi - lo + 1))];
    // Partition into [> pivot][= pivot][< pivot].
    let lt = lo;
    let gt = hi;
    let i = lo;
    while (i <= gt) {
      const v = values[i];
      if (v > pivot) {
        values[i++] = values[lt];
        values[lt++] = v;
      } else if (v < pivot) {
        values[i] = values[gt];
        values[gt--] = v;
      } else {
        i++;
      }
    }
    if (rank < lt) hi = lt - 1;
    else if (rank > gt) lo = gt + 1;
    else return pivot;
  }
}
