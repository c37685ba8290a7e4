import { householdRegisteredV1 } from '@fupin/contracts';
import ExcelJS from 'exceljs';
import { encodeGb18030 } from '../testing/gb18030';
import { csv, goodRows, importFootprint, uploadSheet, xlsx } from '../testing/import-sheets';
import { CODES, startRegistryWorld, type RegistryWorld } from '../testing/registry-world';

const GOOD_ROWS = goodRows('IMP', '00');

describe('household import registers a good file: households, members, one event each', () => {
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

  it('checks a good file without importing it on a dry run', async () => {
    const before = await importFootprint(world);
    const res = await send(csv(GOOD_ROWS), 'good.csv', '?dryRun=true');
    expect(res).toMatchObject({
      status: 200,
      body: { dryRun: true, householdCount: 2, memberCount: 4, imported: 0 },
    });
    expect(await importFootprint(world)).toEqual(before);
  });

  it('imports a good CSV: households, members, and one registry.household.registered event each', async () => {
    const before = await importFootprint(world);
    const res = await send(csv(GOOD_ROWS), 'good.csv');
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ householdCount: 2, memberCount: 4, imported: 2 });
    const after = await importFootprint(world);
    expect(after.households - before.households).toBe(2);
    expect(after.members - before.members).toBe(4);
    const events = await world.dataSource.query(
      `SELECT envelope FROM outbox WHERE event_type = $1 AND envelope->'payload'->>'householdNumber' LIKE 'IMP-%' ORDER BY id`,
      [householdRegisteredV1.type],
    );
    expect(events).toHaveLength(2);
    expect(householdRegisteredV1.parseOrThrow(events[0].envelope).payload).toMatchObject({
      householdNumber: 'IMP-0001',
      villageCode: CODES.villageA1,
      townCode: CODES.townA,
      countyCode: CODES.county,
      groupCode: CODES.groupA1,
      headName: '张大山',
      memberCount: 3,
      labour: { full: 1, weak: 1, none: 1 },
      disabledMemberCount: 1,
      bankAccountMasked: '6230***********0001',
      pointsCardNumber: 'IMPCARD01',
      povertyStatus: 'lifted',
      labourClass: 'able',
      subClass: 'assured',
    });
    expect(await world.count('audit_log', "action = 'household.imported'")).toBe(1);
    expect(
      await world.count(
        'audit_log',
        "action = 'household.registered' AND details->>'householdNumber' LIKE 'IMP-%'",
      ),
    ).toBe(2);
  });

  it('refuses the same file again: the households are already registered', async () => {
    const res = await send(csv(GOOD_ROWS), 'again.csv');
    expect(res.status).toBe(422);
    expect(res.body.details!.rejected.map((r) => r.column)).toEqual(
      expect.arrayContaining(['户编号', '积分卡号', '身份证号']),
    );
  });

  it('imports a good .xlsx and a GB18030-encoded CSV as Excel on Chinese Windows saves it', async () => {
    expect(await send(await xlsx(goodRows('XLS', '01')), 'good.xlsx')).toMatchObject({
      status: 201,
      body: { imported: 2 },
    });
    // prettier-ignore
    const row = ['GBK-0001', '扳倒井村', '', '', '', '', '', '', '边缘户', '', '孙大娘', '户主', '', '1950', '无劳动能力', ''];
    expect(await send(encodeGb18030(csv([row])), 'gbk.csv')).toMatchObject({
      status: 201,
      body: { imported: 1 },
    });
    const [saved] = await world.dataSource.query(
      `SELECT head_name, poverty_status FROM households WHERE household_number = 'GBK-0001'`,
    );
    expect(saved).toEqual({ head_name: '孙大娘', poverty_status: 'edge' });
  });

  it('serves the template as .xlsx and CSV; the CSV template passes a dry run', async () => {
    const auth = { headers: { authorization: `Bearer ${token}` } };
    const x = await fetch(`${world.service.url}/households/import/template?format=xlsx`, auth);
    expect(x.status).toBe(200);
    expect(x.headers.get('content-type')).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await x.arrayBuffer()) as unknown as ExcelJS.Buffer);
    expect(workbook.worksheets.map((w) => w.name)).toEqual(['农户导入', '填写说明']);
    const c = await fetch(`${world.service.url}/households/import/template?format=csv`, auth);
    const template = Buffer.from(await c.arrayBuffer());
    expect(template.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const county = await world.token('county');
    // The template's second household sits in group 2 of 砚山铺村 (411322104201002).
    const group = await world.call('POST', '/regions', {
      token: county,
      body: { code: `${CODES.villageA1}002`, name: '第二村民小组' },
    });
    expect(group.status).toBe(201);
    expect(await send(template, 'template.csv', '?dryRun=true', county)).toMatchObject({
      status: 200,
      body: { householdCount: 2 },
    });
    expect(
      (await world.call('GET', '/households/import/template', { token: await world.token('buyer') })).status,
    ).toBe(403);
  });
});
