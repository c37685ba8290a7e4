/**
 * A small QR Code encoder (ISO/IEC 18004): byte mode, error correction level M, versions 1–10
 * (up to 213 bytes of UTF-8), enough for the links printed on public notices. No dependency.
 */

/** Codewords per version at level M: [EC codewords per block, [blocks, data codewords each]…]. */
const BLOCKS_M: ReadonlyArray<readonly [number, ReadonlyArray<readonly [number, number]>]> = [
  [10, [[1, 16]]],
  [16, [[1, 28]]],
  [26, [[1, 44]]],
  [18, [[2, 32]]],
  [24, [[2, 43]]],
  [16, [[4, 27]]],
  [18, [[4, 31]]],
  [
    22,
    [
      [2, 38],
      [2, 39],
    ],
  ],
  [
    22,
    [
      [3, 36],
      [2, 37],
    ],
  ],
  [
    26,
    [
      [4, 43],
      [1, 44],
    ],
  ],
];

/** Row/column centres of the alignment patterns, versions 1–10. */
const ALIGNMENT: ReadonlyArray<readonly number[]> = [
  [],
  [6, 18],
  [6, 22],
  [6, 26],
  [6, 30],
  [6, 34],
  [6, 22, 38],
  [6, 24, 42],
  [6, 26, 46],
  [6, 28, 50],
];

/** Leftover bits after the codewords (versions 2–6 have 7). */
const REMAINDER_BITS = [0, 7, 7, 7, 7, 7, 0, 0, 0, 0];

export const QR_MAX_VERSION = 10;
/** Error correction level M's two-bit indicator in the format information. */
const EC_LEVEL_M_BITS = 0b00;

/** A finished symbol: `modules[row][col]` is true for a dark module. */
export interface QrMatrix {
  version: number;
  size: number;
  mask: number;
  modules: boolean[][];
}

export interface QrOptions {
  /** Force a mask pattern (0–7) instead of choosing the one with the lowest penalty. */
  mask?: number;
  /** Smallest version to use (1–10). */
  minVersion?: number;
}

export class QrTooLongError extends Error {
  constructor(bytes: number) {
    super(`QR: ${bytes} bytes do not fit in version ${QR_MAX_VERSION}-M`);
    this.name = 'QrTooLongError';
  }
}

// ---- GF(256) and Reed–Solomon (primitive polynomial x^8+x^4+x^3+x^2+1 = 0x11D) ----

const EXP = new Array<number>(512);
const LOG = new Array<number>(256).fill(0);
{
  let x = 1;
  for (let i = 0; i < 255; i += 1) {
    EXP[i] = x;
    LOG[x] = i;
    x <<= 1;
    if (x & 0x100) x ^= 0x11d;
  }
  for (let i = 255; i < 512; i += 1) EXP[i] = EXP[i - 255]!;
}

function gfMul(a: number, b: number): number {
  return a === 0 || b === 0 ? 0 : EXP[LOG[a]! + LOG[b]!]!;
}

/** Coefficients (highest power first, leading 1 omitted) of ∏ (x − α^i), i < degree. */
function generatorPolynomial(degree: number): number[] {
  let poly = [1];
  for (let i = 0; i < degree; i += 1) {
    const next = new Array<number>(poly.length + 1).fill(0);
    for (let j = 0; j < poly.length; j += 1) {
      next[j] = next[j]! ^ poly[j]!;
      next[j + 1] = next[j + 1]! ^ gfMul(poly[j]!, EXP[i]!);
    }
    poly = next;
  }
  return poly.slice(1);
}

/** The error correction codewords of one block: the remainder of data·x^n divided by the generator. */
export function reedSolomon(data: readonly number[], ecCount: number): number[] {
  const generator = generatorPolynomial(ecCount);
  const remainder = new Array<number>(ecCount).fill(0);
  for (const byte of data) {
    const factor = byte ^ remainder.shift()!;
    remainder.push(0);
    for (let i = 0; i < ecCount; i += 1) remainder[i] = remainder[i]! ^ gfMul(generator[i]!, factor);
  }
  return remainder;
}

// ---- BCH codes of the format and version information ----

function bchRemainder(value: number, generator: number, generatorBits: number): number {
  let rem = value << (generatorBits - 1);
  for (let bit = 31 - Math.clz32(rem); bit >= generatorBits - 1; bit -= 1) {
    if ((rem >>> bit) & 1) rem ^= generator << (bit - (generatorBits - 1));
  }
  return rem;
}

/** The 15 format bits for level M and a mask, after the 0x5412 XOR (bit 14 first). */
export function formatBits(mask: number): number {
  const data = (EC_LEVEL_M_BITS << 3) | mask;
  return ((data << 10) | bchRemainder(data, 0x537, 11)) ^ 0x5412;
}

/** The 18 version bits (versions 7 and up): 6 bits of version, 12 of BCH (bit 17 first). */
export function versionBits(version: number): number {
  return (version << 12) | bchRemainder(version, 0x1f25, 13);
}

// ---- Data codewords ----

function dataCapacity(version: number): number {
  const [, groups] = BLOCKS_M[version - 1]!;
  return groups.reduce((sum, [blocks, size]) => sum + blocks * size, 0);
}

/** Largest byte count each version holds in byte mode at level M. */
export function byteCapacity(version: number): number {
  const countBits = version < 10 ? 8 : 16;
  return Math.floor((dataCapacity(version) * 8 - 4 - countBits) / 8);
}

/** Mode indicator, count, bytes, terminator and pad codewords (0xEC, 0x11) for one version. */
export function dataCodewords(bytes: Uint8Array, version: number): number[] {
  const bits: number[] = [];
  const put = (value: number, length: number) => {
    for (let i = length - 1; i >= 0; i -= 1) bits.push((value >>> i) & 1);
  };
  const capacityBits = dataCapacity(version) * 8;
  put(0b0100, 4);
  put(bytes.length, version < 10 ? 8 : 16);
  for (const byte of bytes) put(byte, 8);
  put(0, Math.min(4, capacityBits - bits.length));
  while (bits.length % 8 !== 0) bits.push(0);
  const codewords: number[] = [];
  for (let i = 0; i < bits.length; i += 8)
    codewords.push(bits.slice(i, i + 8).reduce((a, b) => (a << 1) | b, 0));
  for (let pad = 0xec; codewords.length < capacityBits / 8; pad ^= 0xec ^ 0x11) codewords.push(pad);
  return codewords;
}

/** Splits the data into blocks, adds each block's EC codewords and interleaves them (data first). */
export function finalCodewords(data: readonly number[], version: number): number[] {
  const [ecCount, groups] = BLOCKS_M[version - 1]!;
  const blocks: number[][] = [];
  let offset = 0;
  for (const [count, size] of groups) {
    for (let b = 0; b < count; b += 1) {
      blocks.push(data.slice(offset, offset + size));
      offset += size;
    }
  }
  const ec = blocks.map((block) => reedSolomon(block, ecCount));
  const out: number[] = [];
  const longest = Math.max(...blocks.map((block) => block.length));
  for (let i = 0; i < longest; i += 1) for (const block of blocks) if (i < block.length) out.push(block[i]!);
  for (let i = 0; i < ecCount; i += 1) for (const block of ec) out.push(block[i]!);
  return out;
}

// ---- The matrix ----

type Grid = Array<Array<boolean | null>>;

function placeFunctionPatterns(grid: Grid, version: number): boolean[][] {
  const size = grid.length;
  const reserved = grid.map((row) => row.map(() => false));
  const set = (row: number, col: number, dark: boolean) => {
    grid[row]![col] = dark;
    reserved[row]![col] = true;
  };
  // Finder patterns with their separators.
  for (const [r0, c0] of [
    [0, 0],
    [0, size - 7],
    [size - 7, 0],
  ] as const) {
    for (let r = -1; r <= 7; r += 1) {
      for (let c = -1; c <= 7; c += 1) {
        const row = r0 + r;
        const col = c0 + c;
        if (row < 0 || col < 0 || row >= size || col >= size) continue;
        const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
        set(row, col, ring !== 2 && ring !== 4);
      }
    }
  }
  // Timing patterns.
  for (let i = 8; i < size - 8; i += 1) {
    set(6, i, i % 2 === 0);
    set(i, 6, i % 2 === 0);
  }
  // Alignment patterns, except where they would overlap a finder.
  const centres = ALIGNMENT[version - 1]!;
  for (const row of centres) {
    for (const col of centres) {
      if ((row === 6 && col === 6) || (row === 6 && col === size - 7) || (row === size - 7 && col === 6))
        continue;
      for (let r = -2; r <= 2; r += 1)
        for (let c = -2; c <= 2; c += 1) set(row + r, col + c, Math.max(Math.abs(r), Math.abs(c)) !== 1);
    }
  }
  // The dark module and the reserved format areas (filled in once the mask is known).
  set(size - 8, 8, true);
  for (let i = 0; i < 9; i += 1) {
    if (!reserved[8]![i]) set(8, i, false);
    if (!reserved[i]![8]) set(i, 8, false);
  }
  for (let i = 0; i < 8; i += 1) {
    set(8, size - 1 - i, false);
    if (!reserved[size - 1 - i]![8]) set(size - 1 - i, 8, false);
  }
  if (version >= 7) {
    const bits = versionBits(version);
    for (let i = 0; i < 18; i += 1) {
      const dark = ((bits >>> i) & 1) === 1;
      const a = Math.floor(i / 3);
      const b = size - 11 + (i % 3);
      set(a, b, dark);
      set(b, a, dark);
    }
  }
  return reserved;
}

/** Writes the codewords in the two-column zigzag, bottom-right first, skipping the timing column. */
function placeData(grid: Grid, reserved: boolean[][], codewords: readonly number[], version: number): void {
  const size = grid.length;
  const bits: number[] = [];
  for (const word of codewords) for (let i = 7; i >= 0; i -= 1) bits.push((word >>> i) & 1);
  for (let i = 0; i < REMAINDER_BITS[version - 1]!; i += 1) bits.push(0);
  let index = 0;
  let upward = true;
  for (let right = size - 1; right >= 1; right -= 2) {
    if (right === 6) right = 5;
    for (let step = 0; step < size; step += 1) {
      const row = upward ? size - 1 - step : step;
      for (const col of [right, right - 1]) {
        if (reserved[row]![col]) continue;
        grid[row]![col] = bits[index] === 1;
        index += 1;
      }
    }
    upward = !upward;
  }
}

const MASKS: ReadonlyArray<(row: number, col: number) => boolean> = [
  (r, c) => (r + c) % 2 === 0,
  (r) => r % 2 === 0,
  (_r, c) => c % 3 === 0,
  (r, c) => (r + c) % 3 === 0,
  (r, c) => (Math.floor(r / 2) + Math.floor(c / 3)) % 2 === 0,
  (r, c) => ((r * c) % 2) + ((r * c) % 3) === 0,
  (r, c) => (((r * c) % 2) + ((r * c) % 3)) % 2 === 0,
  (r, c) => (((r + c) % 2) + ((r * c) % 3)) % 2 === 0,
];

function applyMask(grid: Grid, reserved: boolean[][], mask: number): boolean[][] {
  const size = grid.length;
  const modules = grid.map((row, r) =>
    row.map((dark, c) => (reserved[r]![c] ? dark === true : (dark === true) !== MASKS[mask]!(r, c))),
  );
  const format = formatBits(mask);
  // Bit 14 is the most significant; bits 0–7 go along row 8 / column 8 as the standard's figure 25.
  for (let i = 0; i < 15; i += 1) {
    const dark = ((format >>> i) & 1) === 1;
    // Beside the top-left finder.
    if (i < 6) modules[i]![8] = dark;
    else if (i < 8) modules[i + 1]![8] = dark;
    else modules[8]![14 - i + (i === 8 ? 1 : 0)] = dark;
    // The copy split between the other two finders.
    if (i < 8) modules[8]![size - 1 - i] = dark;
    else modules[size - 15 + i]![8] = dark;
  }
  modules[size - 8]![8] = true;
  return modules;
}

/** The standard's penalty score (rules N1–N4) of a masked symbol; the lowest wins. */
export function penalty(modules: readonly (readonly boolean[])[]): number {
  const size = modules.length;
  let score = 0;
  const lineScore = (line: readonly boolean[]) => {
    let total = 0;
    let run = 1;
    for (let i = 1; i <= line.length; i += 1) {
      if (i < line.length && line[i] === line[i - 1]) run += 1;
      else {
        if (run >= 5) total += 3 + (run - 5);
        run = 1;
      }
    }
    // N3: 1:1:3:1:1 finder-like runs with four light modules on either side.
    const pattern = [true, false, true, true, true, false, true];
    for (let i = 0; i + 7 <= line.length; i += 1) {
      if (!pattern.every((dark, k) => line[i + k] === dark)) continue;
      const lightBefore = [1, 2, 3, 4].every((k) => i - k < 0 || !line[i - k]);
      const lightAfter = [0, 1, 2, 3].every((k) => i + 7 + k >= line.length || !line[i + 7 + k]);
      if (lightBefore) total += 40;
      if (lightAfter) total += 40;
    }
    return total;
  };
  for (let r = 0; r < size; r += 1) score += lineScore(modules[r]!);
  for (let c = 0; c < size; c += 1) score += lineScore(modules.map((row) => row[c]!));
  for (let r = 0; r + 1 < size; r += 1) {
    for (let c = 0; c + 1 < size; c += 1) {
      const dark = modules[r]![c];
      if (modules[r]![c + 1] === dark && modules[r + 1]![c] === dark && modules[r + 1]![c + 1] === dark)
        score += 3;
    }
  }
  const darkCount = modules.reduce((sum, row) => sum + row.filter(Boolean).length, 0);
  const percent = (darkCount * 100) / (size * size);
  score += Math.floor(Math.abs(percent - 50) / 5) * 10;
  return score;
}

/** Encodes text (as UTF-8) into the smallest version-M symbol that holds it. */
export function encodeQr(text: string, options: QrOptions = {}): QrMatrix {
  const bytes = new TextEncoder().encode(text);
  let version = Math.max(1, options.minVersion ?? 1);
  while (version <= QR_MAX_VERSION && byteCapacity(version) < bytes.length) version += 1;
  if (version > QR_MAX_VERSION) throw new QrTooLongError(bytes.length);
  const size = version * 4 + 17;
  const grid: Grid = Array.from({ length: size }, () => new Array<boolean | null>(size).fill(null));
  const reserved = placeFunctionPatterns(grid, version);
  placeData(grid, reserved, finalCodewords(dataCodewords(bytes, version), version), version);
  if (options.mask !== undefined) {
    return { version, size, mask: options.mask, modules: applyMask(grid, reserved, options.mask) };
  }
  let best: QrMatrix | undefined;
  let bestScore = Infinity;
  for (let mask = 0; mask < 8; mask += 1) {
    const modules = applyMask(grid, reserved, mask);
    const score = penalty(modules);
    if (score < bestScore) {
      bestScore = score;
      best = { version, size, mask, modules };
    }
  }
  return best!;
}

/**
 * An SVG path (`d`) drawing every dark module as a 1×1 square, offset by a 4-module quiet zone; use
 * it with `viewBox="0 0 {size+8} {size+8}"`.
 */
export function qrSvgPath(text: string): { path: string; size: number } {
  const { modules, size } = encodeQr(text);
  const parts: string[] = [];
  modules.forEach((row, r) => {
    let c = 0;
    while (c < size) {
      if (!row[c]) {
        c += 1;
        continue;
      }
      const start = c;
      while (c < size && row[c]) c += 1;
      parts.push(`M${start + 4} ${r + 4}h${c - start}v1h${start - c}z`);
    }
  });
  return { path: parts.join(''), size: size + 8 };
}
