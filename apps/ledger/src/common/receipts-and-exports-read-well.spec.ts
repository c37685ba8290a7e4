import { maskName } from '../award-sheets/award-sheet-view';
import { toCsv } from './csv';
import { chinaDay } from './sql';

describe('what people read: masked names, CSV exports, the China day', () => {
  it('masks names on the public notice board, keeping the surname', () => {
    expect(maskName('张三丰')).toBe('张*丰');
    expect(maskName('李四')).toBe('李*');
    expect(maskName('欧阳明月')).toBe('欧**月');
    expect(maskName('王')).toBe('王');
  });

  it('writes CSV Excel opens in Chinese, quoting commas and defusing formulas', () => {
    const csv = toCsv(
      ['户主', '事由'],
      [
        ['王大山', '公益劳动, 两次'],
        ['=1+1', -5],
      ],
    );
    expect(csv.startsWith('\uFEFF户主,事由\r\n')).toBe(true);
    expect(csv).toContain('"公益劳动, 两次"');
    expect(csv).toContain("'=1+1,-5");
  });

  it('counts a void’s “same day” in China time, not UTC', () => {
    expect(chinaDay(new Date('2026-11-23T15:59:59Z'))).toBe('2026-11-23');
    expect(chinaDay(new Date('2026-11-23T16:00:00Z'))).toBe('2026-11-24');
  });
});
