import { describeValue, MoneyError, MoneyErrorCode } from './money-error';
import { selectKthLargest } from './select-kth-largest';

/** A non-negative integer weight: shares, days worked, share × days… Bigints may be arbitrarily large. */
export type Weight = number | bigint;

/** Options for {@link allocate}. */
export interface AllocateOptions {
  /**
   * Orders two indices whose remainders are equal; negative puts `i` first (it gets the extra unit).
   * Must be a consistent total order. Default: larger weight first, then lower index.
   */
  readonly tieBreak?: (i: number, j: number) => number;
  /**
   * One stable, unique key per weight (household id, member id). Equal remainders are then settled
   * by larger weight, then by key in code-unit order (not locale order, which varies by machine),
   * so the same households get the extra fen whatever order the rows arrive in. A duplicate key
   * throws when it would have to settle a tie. Mutually exclusive with `tieBreak`.
   */
  readonly keys?: readonly string[];
}

const MAX_SAFE = Number.MAX_SAFE_INTEGER;
const MAX_SAFE_BIG = BigInt(MAX_SAFE);

function invalid(code: MoneyErrorCode, zh: string, en: string): MoneyError {
  return new MoneyError(code, zh, en);
}

function checkTotal(total: unknown): void {
  const ok =
    (typeof total === 'number' && Number.isSafeInteger(total) && total >= 0) ||
    (typeof total === 'bigint' && total >= 0n);
  if (!ok) {
    throw invalid(
      MoneyErrorCode.InvalidTotal,
      `待分配总额必须是非负整数，收到 ${describeValue(total)}`,
      `The total to allocate must be a non-negative integer, got ${describeValue(total)}`,
    );
  }
}

interface WeightScan {
  allNumbers: boolean;
  /** Exact sum when `allNumbers` and not above 2^53 − 1; otherwise meaningless. */
  numberSum: number;
  maxNumber: number;
}

// One pass, no bigint conversions: most real inputs are plain numbers and take the fast path.
function scanWeights(weights: readonly Weight[]): WeightScan {
  let allNumbers = true;
  let numberSum = 0;
  let maxNumber = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i];
    if (typeof w === 'number' && Number.isSafeInteger(w) && w >= 0) {
      numberSum += w;
      if (w > maxNumber) maxNumber = w;
    } else if (typeof w === 'bigint' && w >= 0n) {
      allNumbers = false;
    } else {
      throw invalid(
        MoneyErrorCode.InvalidWeights,
        `权重必须是非负整数，第 ${i} 项为 ${describeValue(w)}`,
        `Weights must be non-negative integers, weights[${i}] is ${describeValue(w)}`,
      );
    }
  }
  return { allNumbers, numberSum, maxNumber };
}

function checkKeys(keys: readonly string[], count: number): void {
  if (keys.length !== count) {
    throw invalid(
      MoneyErrorCode.InvalidOptions,
      `keys 数量（${keys.length}）必须与权重数量（${count}）相同`,
      `keys has ${keys.length} entries but there are ${count} weights`,
    );
  }
  for (let i = 0; i < keys.length; i++) {
    if (typeof keys[i] !== 'string') {
      throw invalid(
        MoneyErrorCode.InvalidOptions,
        `keys 必须是字符串，第 ${i} 项为 ${describeValue(keys[i])}`,
        `keys must be strings, keys[${i}] is ${describeValue(keys[i])}`,
      );
    }
  }
}

// Checked only where it matters, inside the tie sort: a full uniqueness pass over millions of
// keys (a Set) costs seconds, while any comparison sort is bound to compare two equal keys that
// would have to be ordered, so a duplicate that could change the result is always caught.
function duplicateKey(key: string): MoneyError {
  return invalid(
    MoneyErrorCode.InvalidOptions,
    `keys 中有重复值 ${describeValue(key)}，无法确定尾差归属`,
    `Duplicate key ${describeValue(key)} leaves the leftover units undecided`,
  );
}

// Relational operators compare a number with a bigint exactly; `!==` would call 1 and 1n unequal.
function compareWeightsDescending(a: Weight, b: Weight): number {
  return a > b ? -1 : a < b ? 1 : 0;
}

/** The order in which equally-deserving indices receive the leftover units. */
function tieOrder(weights: readonly Weight[], options: AllocateOptions): (i: number, j: number) => number {
  const { tieBreak, keys } = options;
  if (tieBreak && keys) {
    throw invalid(
      MoneyErrorCode.InvalidOptions,
      'tieBreak 与 keys 只能指定一个',
      'Pass either tieBreak or keys, not both',
    );
  }
  if (tieBreak) return tieBreak;
  if (keys) {
    checkKeys(keys, weights.length);
    return (i, j) => {
      const byWeight = compareWeightsDescending(weights[i], weights[j]);
      if (byWeight !== 0) return byWeight;
      if (keys[i] === keys[j]) throw duplicateKey(keys[i]);
      return keys[i] < keys[j] ? -1 : 1;
    };
  }
  return (i, j) => compareWeightsDescending(weights[i], weights[j]) || i - j;
}

/**
 * Chooses which `leftover` indices get one extra unit: those with the largest remainders, equal
 * remainders ordered by `compareTies`. Finds the cut-off remainder by selection instead of sorting
 * all n remainders; only the indices sitting exactly on the cut-off are sorted.
 */
function pickLeftoverIndices(
  leftover: number,
  remainders: Float64Array | bigint[],
  compareTies: (i: number, j: number) => number,
): number[] {
  if (leftover === 0) return [];
  const cutoff = selectKthLargest<number | bigint>(remainders.slice(), leftover - 1);
  const winners: number[] = [];
  const ties: number[] = [];
  for (let i = 0; i < remainders.length; i++) {
    const r = remainders[i];
    if (r > cutoff) winners.push(i);
    else if (r === cutoff) ties.push(i);
  }
  const needed = leftover - winners.length;
  if (needed < ties.length) ties.sort(compareTies);
  for (let t = 0; t < needed; t++) winners.push(ties[t]);
  return winners;
}

/**
 * Number path: every product fits in a double exactly. `total = base·W + rest` with `rest < W`,
 * so share_i = base·w_i + (rest·w_i)/W, and only `rest·w_i` must stay below 2^53.
 */
function allocateNumbers(
  total: number,
  weights: readonly Weight[],
  weightSum: number,
  compareTies: (i: number, j: number) => number,
): number[] {
  const n = weights.length;
  const rest = total % weightSum;
  const base = (total - rest) / weightSum;
  const parts: number[] = [];
  const remainders = new Float64Array(n);
  let assigned = 0;
  for (let i = 0; i < n; i++) {
    const w = weights[i] as number;
    const product = rest * w;
    const remainder = product % weightSum; // exact: % on doubles is exact
    const part = base * w + (product - remainder) / weightSum;
    parts.push(part);
    remainders[i] = remainder;
    assigned += part;
  }
  for (const i of pickLeftoverIndices(total - assigned, remainders, compareTies)) parts[i] += 1;
  return parts;
}

/** Bigint path for huge totals or weights (shares × days for millions of households). */
function allocateBigints(
  total: bigint,
  weights: readonly Weight[],
  compareTies: (i: number, j: number) => number,
): bigint[] {
  const n = weights.length;
  let weightSum = 0n;
  for (let i = 0; i < n; i++) weightSum += BigInt(weights[i]);
  if (weightSum === 0n) throw allZero();
  const base = total / weightSum;
  const rest = total % weightSum;
  const parts: bigint[] = [];
  const remainders: bigint[] = [];
  let assigned = 0n;
  for (let i = 0; i < n; i++) {
    const w = BigInt(weights[i]);
    const product = rest * w;
    const part = base === 0n ? product / weightSum : base * w + product / weightSum;
    parts.push(part);
    remainders.push(product % weightSum);
    assigned += part;
  }
  // The leftover is below n (each remainder is below W), so it fits in a number.
  for (const i of pickLeftoverIndices(Number(total - assigned), remainders, compareTies)) parts[i] += 1n;
  return parts;
}

function allZero(): MoneyError {
  return invalid(
    MoneyErrorCode.InvalidWeights,
    '权重全为零（或为空），无法分配',
    'Cannot allocate: all weights are zero (or there are none)',
  );
}

/**
 * Splits `total` into parts proportional to `weights` by the largest-remainder method, so that
 * - the parts add up to `total` exactly;
 * - every part is within one unit (strictly less than 1) of its exact share `total·wᵢ/Σw`:
 *   each gets the floor of its share, and the units left over go one each to the largest
 *   remainders;
 * - zero weights get 0, and the same input always gives the same output (ties: see
 *   {@link AllocateOptions}).
 *
 * Works in fen, points or any other integer unit. Internally exact: plain doubles while every
 * product stays below 2^53, bigints beyond that, never floating-point fractions.
 * @returns numbers when `total` is a number, bigints when it is a bigint.
 * @throws MoneyError `INVALID_TOTAL` (negative or non-integer total), `INVALID_WEIGHTS` (negative
 * or non-integer weight, all weights zero, no weights), `INVALID_OPTIONS` (bad keys).
 * @example allocate(100, [1, 1, 1]) // [34, 33, 33]
 */
export function allocate(total: number, weights: readonly Weight[], options?: AllocateOptions): number[];
export function allocate(total: bigint, weights: readonly Weight[], options?: AllocateOptions): bigint[];
export function allocate(
  total: number | bigint,
  weights: readonly Weight[],
  options: AllocateOptions = {},
): number[] | bigint[] {
  checkTotal(total);
  const scan = scanWeights(weights);
  const compareTies = tieOrder(weights, options);
  const totalBig = BigInt(total);
  if (scan.allNumbers && scan.numberSum <= MAX_SAFE && totalBig <= MAX_SAFE_BIG) {
    if (scan.numberSum === 0) throw allZero();
    const rest = totalBig % BigInt(scan.numberSum);
    if (rest * BigInt(scan.maxNumber) <= MAX_SAFE_BIG) {
      const parts = allocateNumbers(Number(totalBig), weights, scan.numberSum, compareTies);
      return typeof total === 'number' ? parts : parts.map(BigInt);
    }
  }
  const parts = allocateBigints(totalBig, weights, compareTies);
  return typeof total === 'number' ? parts.map(Number) : parts;
}
