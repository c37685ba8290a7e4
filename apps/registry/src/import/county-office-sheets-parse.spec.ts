import { decodeCsv, parseCsv } from './csv';
import {
  groupOrdinal,
  parseBirthYear,
  parseLabourCapacity,
  parsePovertyStatus,
  parseRelation,
  parseSubClass,
} from './cell-parsers';

describe('reading county office sheets', () => {
  it('parses quoted CSV fields with commas, doubled quotes, newlines and CRLF', () => {
    expect(parseCsv('a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n1,,3')).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['1', '', '3'],
    ]);
    expect(parseCsv('户编号\t姓名\n1\t王')).toEqual([
      ['户编号', '姓名'],
      ['1', '王'],
    ]);
  });

  it('decodes UTF-8 with or without BOM, and GB18030 from Excel on Chinese Windows', () => {
    expect(decodeCsv(Buffer.from('\uFEFF户编号', 'utf8'))).toBe('户编号');
    expect(decodeCsv(Buffer.from('户编号', 'utf8'))).toBe('户编号');
    expect(decodeCsv(Buffer.from([0xbb, 0xa7, 0xb1, 0xe0, 0xba, 0xc5]))).toBe('户编号');
  });

  it.each([
    ['放心户', 'assured'],
    ['有劳动能力户-缺项户', 'lacking'],
    ['弱劳动能力户（沉底户）', 'deep'],
    ['兜底低保户', 'dibao'],
    ['dibao', 'dibao'],
  ])('reads the household class %s', (text, expected) => {
    expect(parseSubClass(text)).toEqual({ ok: true, value: expected });
  });

  it('refuses a sub-class under the wrong class, and unknown words, in both languages', () => {
    const wrong = parseSubClass('无劳动能力户-放心户');
    expect(wrong).toMatchObject({ ok: false, reason: { 'zh-CN': '放心户不属于无劳动能力户' } });
    expect(parsePovertyStatus('小康')).toEqual({
      ok: false,
      reason: { 'zh-CN': '贫困状态“小康”无法识别', en: 'Poverty status "小康" is not recognised' },
    });
  });

  it('reads the words offices use for status, relation and labour', () => {
    expect(parsePovertyStatus('脱贫监测户')).toEqual({ ok: true, value: 'monitored' });
    expect(parseRelation('儿媳')).toEqual({ ok: true, value: 'child_in_law' });
    expect(parseRelation('之女')).toEqual({ ok: true, value: 'child' });
    expect(parseLabourCapacity('半劳动力')).toEqual({ ok: true, value: 'weak' });
    expect(parseLabourCapacity('丧失劳动力')).toEqual({ ok: true, value: 'none' });
    expect(parseBirthYear('1985年')).toEqual({ ok: true, value: 1985 });
    expect(parseBirthYear('1985-06-01')).toEqual({ ok: true, value: 1985 });
    expect(parseBirthYear('85').ok).toBe(false);
  });

  it.each([
    ['1', 1],
    ['3组', 3],
    ['第12组', 12],
    ['一组', 1],
    ['第十村民小组', 10],
    ['十二组', 12],
    ['二十', 20],
    ['二十一组', 21],
    ['东组', undefined],
  ])('reads the group ordinal of %s', (text, expected) => {
    expect(groupOrdinal(text)).toBe(expected);
  });
});
