import {
  byteCapacity,
  dataCodewords,
  encodeQr,
  formatBits,
  qrSvgPath,
  QrTooLongError,
  reedSolomon,
  versionBits,
  type QrMatrix,
} from './qr-encoder';
import { REFERENCE_SYMBOLS } from './qr-reference-symbols';

const bitString = (value: number, length: number) => value.toString(2).padStart(length, '0');

/** The 15 format bits as the symbol carries them beside the top-left finder (bit 14 first). */
function formatNearTopLeft(modules: boolean[][]): string {
  const cells: Array<[number, number]> = [
    [8, 0],
    [8, 1],
    [8, 2],
    [8, 3],
    [8, 4],
    [8, 5],
    [8, 7],
    [8, 8],
    [7, 8],
    [5, 8],
    [4, 8],
    [3, 8],
    [2, 8],
    [1, 8],
    [0, 8],
  ];
  return cells.map(([r, c]) => (modules[r]![c] ? '1' : '0')).join('');
}

/** The second copy: column 8 upwards from the bottom (bits 14–8), then row 8 to the right edge (7–0). */
function formatOtherCopy(modules: boolean[][]): string {
  const size = modules.length;
  const cells: Array<[number, number]> = [];
  for (let i = 0; i < 7; i += 1) cells.push([size - 1 - i, 8]);
  for (let i = 0; i < 8; i += 1) cells.push([8, size - 8 + i]);
  return cells.map(([r, c]) => (modules[r]![c] ? '1' : '0')).join('');
}

function finderIntact(modules: boolean[][], top: number, left: number): boolean {
  for (let r = 0; r < 7; r += 1) {
    for (let c = 0; c < 7; c += 1) {
      const ring = Math.max(Math.abs(r - 3), Math.abs(c - 3));
      if (modules[top + r]![left + c] !== (ring !== 2)) return false;
    }
  }
  return true;
}

function rows(symbol: QrMatrix): string[] {
  return symbol.modules.map((row) => row.map((dark) => (dark ? '#' : '.')).join(''));
}

describe('the QR encoder (byte mode, level M)', () => {
  it('computes Reed–Solomon codewords as in the standard’s worked example (HELLO WORLD, 1-M)', () => {
    // Data codewords of "HELLO WORLD" in alphanumeric mode at 1-M and their 10 EC codewords.
    const data = [32, 91, 11, 120, 209, 114, 220, 77, 67, 64, 236, 17, 236, 17, 236, 17];
    expect(reedSolomon(data, 10)).toEqual([196, 35, 39, 119, 235, 215, 231, 226, 93, 23]);
  });

  it('lays out the data bits of a short string by hand: mode 0100, count, bytes, terminator, pad', () => {
    // "AB": 0100 | 00000010 | 01000001 | 01000010 | 0000 → 0x40 0x24 0x14 0x20, then EC 11 EC 11…
    expect(dataCodewords(new TextEncoder().encode('AB'), 1)).toEqual([
      0x40, 0x24, 0x14, 0x20, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11, 0xec, 0x11,
    ]);
  });

  it('holds as many bytes as the standard’s capacity table for versions 1–10 at level M', () => {
    expect(Array.from({ length: 10 }, (_, i) => byteCapacity(i + 1))).toEqual([
      14, 26, 42, 62, 84, 106, 122, 152, 180, 213,
    ]);
  });

  it('writes the format information of level M for each mask as listed in the standard', () => {
    expect(Array.from({ length: 8 }, (_, mask) => bitString(formatBits(mask), 15))).toEqual([
      '101010000010010',
      '101000100100101',
      '101111001111100',
      '101101101001011',
      '100010111111001',
      '100000011001110',
      '100111110010111',
      '100101010100000',
    ]);
  });

  it('writes the version information of versions 7–10 as listed in the standard', () => {
    expect([7, 8, 9, 10].map((v) => versionBits(v).toString(16).toUpperCase())).toEqual([
      '7C94',
      '85BC',
      '9A99',
      'A4D3',
    ]);
  });

  it.each(REFERENCE_SYMBOLS.map((s) => [s.name, s] as const))(
    'draws the same %s symbol, module for module, as an independent encoder',
    (_name, reference) => {
      const referenceModules = reference.rows.map((row) => [...row].map((cell) => cell === '#'));
      const format = formatNearTopLeft(referenceModules);
      const mask = Array.from({ length: 8 }, (_, m) => m).find(
        (m) => bitString(formatBits(m), 15) === format,
      );
      expect(mask).toBeDefined();
      const symbol = encodeQr(reference.text, { mask });
      expect(symbol.size).toBe(reference.rows.length);
      expect(rows(symbol)).toEqual(reference.rows);
    },
  );

  it.each(REFERENCE_SYMBOLS.map((s) => [s.name, s.text] as const))(
    'keeps the fixed patterns and both copies of the format (and version) information in %s',
    (_name, text) => {
      const symbol = encodeQr(text);
      const { modules, size, version, mask } = symbol;
      expect(size).toBe(version * 4 + 17);
      expect(finderIntact(modules, 0, 0)).toBe(true);
      expect(finderIntact(modules, 0, size - 7)).toBe(true);
      expect(finderIntact(modules, size - 7, 0)).toBe(true);
      for (let i = 8; i < size - 8; i += 1) {
        expect(modules[6]![i]).toBe(i % 2 === 0);
        expect(modules[i]![6]).toBe(i % 2 === 0);
      }
      expect(modules[size - 8]![8]).toBe(true);
      expect(formatNearTopLeft(modules)).toBe(bitString(formatBits(mask), 15));
      expect(formatOtherCopy(modules)).toBe(bitString(formatBits(mask), 15));
      if (version >= 7) {
        const bits = versionBits(version);
        for (let i = 0; i < 18; i += 1) {
          const dark = ((bits >>> i) & 1) === 1;
          expect(modules[Math.floor(i / 3)]![size - 11 + (i % 3)]).toBe(dark);
          expect(modules[size - 11 + (i % 3)]![Math.floor(i / 3)]).toBe(dark);
        }
      }
    },
  );

  it('picks the smallest version that holds the text and refuses what version 10 cannot hold', () => {
    expect(encodeQr('x'.repeat(14)).version).toBe(1);
    expect(encodeQr('x'.repeat(15)).version).toBe(2);
    expect(encodeQr('积'.repeat(71)).version).toBe(10);
    expect(() => encodeQr('x'.repeat(214))).toThrow(QrTooLongError);
  });

  it('draws one square per dark module inside a four-module quiet zone', () => {
    const symbol = encodeQr('AB');
    const { path, size } = qrSvgPath('AB');
    expect(size).toBe(21 + 8);
    const drawn = [...path.matchAll(/M(\d+) (\d+)h(\d+)/g)].reduce((sum, m) => sum + Number(m[3]), 0);
    const dark = symbol.modules.flat().filter(Boolean).length;
    expect(drawn).toBe(dark);
    // The top-left finder's first run: seven dark modules from (4, 4).
    expect(path.startsWith('M4 4h7v1h-7z')).toBe(true);
  });
});
