import { fenToChineseWords, fenToSpokenChinese, pointsToSpokenChinese } from './index';

describe('fenToChineseWords (大写金额 on receipts and bank files)', () => {
  it.each([
    [123456, '壹仟贰佰叁拾肆元伍角陆分'],
    [100, '壹元整'],
    [0, '零元整'],
    [5, '伍分'],
    [56, '伍角陆分'],
    [50, '伍角整'],
    [1000, '壹拾元整'],
    [1600, '壹拾陆元整'],
    [1205, '壹拾贰元零伍分'],
    [123450, '壹仟贰佰叁拾肆元伍角整'],
    [100056, '壹仟元伍角陆分'],
    [100006, '壹仟元零陆分'],
    [10000000, '壹拾万元整'],
    [10050000, '壹拾万零伍佰元整'],
    [100500000, '壹佰万伍仟元整'], // a section's trailing zeros are not read
    [10700053, '壹拾万柒仟元伍角叁分'], // PBOC example ¥107,000.53 (零 optional there)
    [7000000000, '柒仟万元整'],
    [10000000000, '壹亿元整'],
    [10500000000, '壹亿零伍佰万元整'],
    [10000000500, '壹亿零伍元整'],
    [1000100000000, '壹佰亿零壹佰万元整'],
    [-123456, '负壹仟贰佰叁拾肆元伍角陆分'],
    [Number.MAX_SAFE_INTEGER, '玖拾万零柒佰壹拾玖亿玖仟贰佰伍拾肆万柒仟肆佰零玖元玖角壹分'],
  ])('writes %p fen as %s', (fen, words) => {
    expect(fenToChineseWords(fen)).toBe(words);
  });

  it('uses one 零 for a run of missing places', () => {
    expect(fenToChineseWords(100100)).toBe('壹仟零壹元整');
    expect(fenToChineseWords(1000010000)).toBe('壹仟万零壹佰元整');
  });
});

describe('pointsToSpokenChinese (kiosk read-aloud)', () => {
  it.each([
    [0, '零'],
    [5, '五'],
    [10, '十'],
    [15, '十五'],
    [20, '二十'],
    [110, '一百一十'],
    [1205, '一千二百零五'],
    [1010, '一千零一十'],
    [10000, '一万'],
    [10005, '一万零五'],
    [10500, '一万零五百'],
    [15000, '一万五千'],
    [100000, '十万'],
    [100005, '十万零五'],
    [123456789, '一亿二千三百四十五万六千七百八十九'],
    [100000001, '一亿零一'],
    [110000000, '一亿一千万'],
    [1000000000, '十亿'],
    [1000000000000, '一万亿'],
    [-20, '负二十'],
  ])('says %p as %s', (points, words) => {
    expect(pointsToSpokenChinese(points)).toBe(words);
  });

  it('refuses fractional points', () => {
    expect(() => pointsToSpokenChinese(1.5)).toThrow(/积分必须是整数/);
  });
});

describe('fenToSpokenChinese', () => {
  it.each([
    [1205, '十二元零五分'],
    [123456, '一千二百三十四元五角六分'],
    [1200, '十二元'],
    [1250, '十二元五角'],
    [50, '五角'],
    [5, '五分'],
    [0, '零元'],
    [-5, '负五分'],
  ])('says %p fen as %s', (fen, words) => {
    expect(fenToSpokenChinese(fen)).toBe(words);
  });
});
