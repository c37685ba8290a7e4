export { MoneyError, MoneyErrorCode } from './money-error';
export { assertFen, assertNonNegativeFen, isFen, toFen, type Fen } from './fen';
export { assertNonNegativePoints, assertPoints, isPoints, toPoints, type Points } from './points';
export { fenToYuanString, parseYuanToFen, type ParseYuanOptions } from './yuan-text';
export { formatFen, formatPoints, type FormatFenOptions } from './format';
export { fenToChineseWords, fenToSpokenChinese, pointsToSpokenChinese } from './chinese-words';
export {
  addFen,
  addPoints,
  multiplyFen,
  subFen,
  subPoints,
  sumFen,
  sumPoints,
  type MultiplyFenOptions,
} from './arithmetic';
export { type RoundingMode } from './rounding';
export { allocate, type AllocateOptions, type Weight } from './allocate';
export { allocateByRatios } from './allocate-by-ratios';
