import { CAPITAL_NUMERALS, readInteger, SPOKEN_NUMERALS } from './chinese-numerals';
import { assertPoints } from './points';
import { splitFen } from './yuan-text';

/**
 * Writes fen as the capital Chinese amount (中文大写金额) required on receipts, vouchers and bank
 * files: 123456 → `'壹仟贰佰叁拾肆元伍角陆分'`, 100 → `'壹元整'`, 1205 → `'壹拾贰元零伍分'`,
 * 56 → `'伍角陆分'`, 0 → `'零元整'`, negatives prefixed with 负.
 * Follows the People's Bank of China rules for filling in amounts: 壹拾 is written in full; 整 after
 * 元 when there are no 角/分, and also after 角 (optional there, written so nothing can be appended);
 * a 零 before 分 when 元 is non-zero and 角 is zero. Prefix `人民币` yourself where a form wants it.
 */
export function fenToChineseWords(fen: number): string {
  const { negative, yuanDigits, fenDigits } = splitFen(fen);
  const digits = CAPITAL_NUMERALS.digits;
  const yuan = BigInt(yuanDigits);
  const jiao = Number(fenDigits[0]);
  const cents = Number(fenDigits[1]);
  let out = yuan > 0n ? `${readInteger(yuan, CAPITAL_NUMERALS)}元` : '';
  if (jiao === 0 && cents === 0) {
    out = `${out || '零元'}整`;
  } else {
    if (jiao > 0) out += `${digits[jiao]}角`;
    else if (yuan > 0n) out += digits[0];
    out += cents > 0 ? `${digits[cents]}分` : '整';
  }
  return negative ? `负${out}` : out;
}

// Spoken Chinese drops the 一 of a leading 一十 (十五, 十万), but keeps it inside (一百一十).
function spokenInteger(n: bigint): string {
  const text = readInteger(n, SPOKEN_NUMERALS);
  return text.startsWith('一十') ? text.slice(1) : text;
}

/**
 * Reads a number of points the way a kiosk's read-aloud voice should say it:
 * 1205 → `'一千二百零五'`, 10 → `'十'`, 100005 → `'十万零五'`, −20 → `'负二十'`.
 */
export function pointsToSpokenChinese(points: number): string {
  assertPoints(points);
  const text = spokenInteger(BigInt(Math.abs(points)));
  return points < 0 ? `负${text}` : text;
}

/**
 * Reads fen aloud with 元/角/分, skipping empty parts: 1205 → `'十二元零五分'`,
 * 123456 → `'一千二百三十四元五角六分'`, 50 → `'五角'`, 0 → `'零元'`.
 */
export function fenToSpokenChinese(fen: number): string {
  const { negative, yuanDigits, fenDigits } = splitFen(fen);
  const digits = SPOKEN_NUMERALS.digits;
  const yuan = BigInt(yuanDigits);
  const jiao = Number(fenDigits[0]);
  const cents = Number(fenDigits[1]);
  let out = yuan > 0n ? `${spokenInteger(yuan)}元` : '';
  if (jiao > 0) out += `${digits[jiao]}角`;
  if (cents > 0) out += `${jiao === 0 && yuan > 0n ? digits[0] : ''}${digits[cents]}分`;
  if (out === '') out = '零元';
  return negative ? `负${out}` : out;
}
