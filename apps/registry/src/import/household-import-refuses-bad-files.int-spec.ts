import { csv, goodRows, HEADERS, importFootprint, uploadSheet, xlsx } from '../testing/import-sheets';
import { CODES, startRegistryWorld, type RegistryWorld } from '../testing/registry-world';

const GOOD_ROWS = goodRows('IMP', '00');

describe('household import refuses a file with any bad row, reporting every one, and imports nothing', () => {
  let world: RegistryWorld;
  let token: string;
  beforeAll(async () => {
    world = await startRegistryWorld();
    token = await world.token('town-a');
  });
  afterAll(async () => {
    await world?.stop();
  });

  const send = (bytes: Buffer | string, name: string, query = '', as = token) =>
    uploadSheet(world, as, bytes, name, query);

  it('reports every bad row of a CSV with row, column and a reason in Chinese and English', async () => {
    const before = await importFootprint(world);
    // prettier-ignore
    const bad = [
      ...GOOD_ROWS,
      ['IMP-0003', '不存在村', '', '', '12345', '', '', '', '已脱贫', '', '赵六', '户主', '411322197001010011', '', '有劳动能力', ''],
      ['IMP-0004', '七峰村', '', '', '', '', '', 'IMPCARD01', '富裕', '放心', '钱七', '兄', '', '', '满格', ''],
      ['IMP-0005', '砚山铺村', '九组', '', '', '', '', '', '未脱贫', '', '孙八', '配偶', '', '1975', '有劳动能力', ''],
    ];
    const res = await send(csv(bad), 'bad.csv');
    expect(res.status).toBe(422);
    expect(res.body.code).toBe('IMPORT_REJECTED');
    const rejected = res.body.details!.rejected;
    const at = (row: number, column: string) => rejected.find((r) => r.row === row && r.column === column);
    expect(at(6, '所属村')?.reason).toEqual({ 'zh-CN': '找不到村“不存在村”', en: 'No village "不存在村"' });
    expect(at(6, '联系电话')?.reason.en).toMatch(/phone/i);
    expect(at(6, '身份证号')?.reason['zh-CN']).toMatch(/身份证号无效/);
    expect(at(7, '积分卡号')?.reason.en).toBe('Same points card as row 2');
    expect(at(7, '贫困状态')).toBeDefined();
    expect(at(7, '户类别')).toBeDefined();
    expect(at(7, '劳动能力')).toBeDefined();
    expect(at(7, '出生年份')?.reason.en).toBe('Give a birth year or an ID number');
    expect(at(7, '所属村')?.reason.en).toMatch(/outside your region/);
    expect(at(8, '与户主关系')?.reason.en).toBe('The household has no head');
    expect(at(8, '村民小组')?.reason.en).toBe('砚山铺村 has no group "九组"');
    for (const r of rejected) {
      expect(r.row).toBeGreaterThanOrEqual(2);
      expect(r.reason['zh-CN']).toMatch(/[\u4e00-\u9fff]/);
      expect(r.reason.en).toMatch(/[A-Za-z]/);
    }
    expect(await importFootprint(world)).toEqual(before);
  });

  it('refuses a bad .xlsx the same way, including long numbers Excel has already rounded', async () => {
    const before = await importFootprint(world);
    const rows: Array<Array<string | number>> = GOOD_ROWS.map((r) => [...r]);
    // An ID number typed into a General cell: Excel keeps it as a float and the last digits are gone.
    rows[0][12] = Number('411322197001010017');
    rows[3][14] = '';
    const res = await send(await xlsx(rows), 'bad.xlsx');
    expect(res.status).toBe(422);
    expect(res.body.details!.rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          row: 2,
          column: '身份证号',
          reason: expect.objectContaining({ en: expect.stringMatching(/format the column as text/) }),
        }),
        expect.objectContaining({
          row: 5,
          column: '劳动能力',
          reason: { 'zh-CN': '必填项为空', en: 'Required value is empty' },
        }),
      ]),
    );
    expect(await importFootprint(world)).toEqual(before);
  });

  it('names missing required columns, and refuses an empty, unreadable, old-format or missing file', async () => {
    const missing = await send(
      csv(
        GOOD_ROWS.map((r) => r.slice(0, 14)),
        HEADERS.slice(0, 14),
      ),
      'cols.csv',
    );
    expect(missing.status).toBe(422);
    expect(missing.body.details!.rejected).toEqual([
      {
        row: 1,
        column: '劳动能力',
        reason: { 'zh-CN': '缺少必填列“劳动能力”', en: 'Required column "劳动能力" is missing' },
      },
    ]);
    expect((await send(csv([]), 'empty.csv')).body.code).toBe('IMPORT_EMPTY');
    expect((await send(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), 'broken.xlsx')).body.code).toBe(
      'IMPORT_FILE_UNREADABLE',
    );
    expect((await send(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), 'old.xls')).status).toBe(415);
    expect(await world.call('POST', '/households/import', { token, body: {} })).toMatchObject({
      status: 400,
      body: { code: 'IMPORT_FILE_MISSING' },
    });
  });

  it('refuses a file over 5 MB with 413, before reading it', async () => {
    expect((await send(Buffer.alloc(5 * 1024 * 1024 + 1, 0x41), 'huge.csv')).status).toBe(413);
  });

  it('refuses a file of more than 5000 rows with 413', async () => {
    const rows = Array.from({ length: 5001 }, (_, i) => [
      `ROW-${i}`,
      '砚山铺村',
      '',
      '',
      '',
      '',
      '',
      '',
      '已脱贫',
      '',
      '某',
      '户主',
      '',
      '1970',
      '有劳动能力',
      '',
    ]);
    const res = await send(csv(rows), 'long.csv');
    expect(res).toMatchObject({ status: 413, body: { code: 'IMPORT_TOO_MANY_ROWS' } });
  });

  it("reports a village outside the importer's region, for a village administrator", async () => {
    // prettier-ignore
    const row = ['VIL-0001', CODES.villageA2, '', '', '', '', '', '', '未脱贫', '', '周五', '户主', '', '1980', '有劳动能力', ''];
    const res = await send(csv([row]), 'v.csv', '', await world.token('village-a1'));
    expect(res.status).toBe(422);
    expect(res.body.details!.rejected[0]).toMatchObject({ row: 2, column: '所属村' });
  });
});
