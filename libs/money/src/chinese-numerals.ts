/**
 * Reads a non-negative integer in Chinese with 万/亿 grouping and the 零 rules: one 零 stands for
 * any run of missing places inside the number, none at the end (1205 → 一千二百零五,
 * 100000005 → 一亿零五, 10500 → 一万零五百). Shared by the capital (大写) and the spoken forms.
 */
export interface NumeralSet {
  /** The ten digit characters, 零 first. */
  readonly digits: readonly string[];
  /** Place units for tens, hundreds, thousands: 十百千 or 拾佰仟. */
  readonly places: readonly [string, string, string];
}

export const CAPITAL_NUMERALS: NumeralSet = {
  digits: ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'],
  places: ['拾', '佰', '仟'],
};

export const SPOKEN_NUMERALS: NumeralSet = {
  digits: ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'],
  places: ['十', '百', '千'],
};

const WAN = 10_000n;
const YI = 100_000_000n;

/** Reads 1..9999; a 零 only between non-zero digits, never leading or trailing. */
function readSection(n: number, set: NumeralSet): string {
  const thousands = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  const units = [set.places[2], set.places[1], set.places[0], ''];
  let out = '';
  let pendingZero = false;
  for (let i = 0; i < 4; i++) {
    const d = thousands[i];
    if (d === 0) {
      pendingZero = out !== '';
      continue;
    }
    if (pendingZero) out += set.digits[0];
    pendingZero = false;
    out += set.digits[d] + units[i];
  }
  return out;
}

/**
 * Reads a non-negative integer. Above 10^8 it recurses on the 亿 part so that arbitrarily large
 * bigints read correctly (一万亿, 九十万零七百一十九亿 …).
 */
export function readInteger(n: bigint, set: NumeralSet): string {
  if (n === 0n) return set.digits[0];
  if (n >= YI) return joinGroup(readInteger(n / YI, set) + '亿', n % YI, YI / 10n, set);
  if (n >= WAN) return joinGroup(readSection(Number(n / WAN), set) + '万', n % WAN, WAN / 10n, set);
  return readSection(Number(n), set);
}

// The lower group needs a leading 零 when its top place is empty (1,0500 → 一万零五百).
function joinGroup(head: string, rest: bigint, topPlace: bigint, set: NumeralSet): string {
  if (rest === 0n) return head;
  return head + (rest < topPlace ? set.digits[0] : '') + readInteger(rest, set);
}
