import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { File as NodeFile } from 'node:buffer';
import { startFakeRegistry, type FakeRegistry } from '../../testing/fake-registry';
import { disposeSessions, renderAdmin } from '../../testing/render-admin';

const HEADER =
  '户编号,所属村,村民小组,户主姓名,联系电话,开户银行,银行账号,积分卡号,贫困状态,户类别,姓名,与户主关系,身份证号,出生年份,劳动能力,残疾情况';
const GOOD_ROW =
  'IMP0001,独树镇砚山铺村,第一村民小组,王建国,13837712345,,,,已脱贫,放心户,王建国,户主,,1968,有劳动能力,';
const BAD_ROW = 'IMP0002,砚山铺村,,张三,,,,,脱贫了,,张三,户主,,1970,有劳动能力,';

/** A sheet as the browser hands it over (Node's File, which Node's FormData accepts). */
function sheet(name: string, ...rows: string[]) {
  return new NodeFile([`${HEADER}\n${rows.join('\n')}\n`], name, { type: 'text/csv' });
}

function choose(file: unknown) {
  fireEvent.change(screen.getByLabelText('要导入的文件'), { target: { files: [file] } });
}

describe('importing households', () => {
  let registry: FakeRegistry;

  beforeEach(async () => {
    registry = await startFakeRegistry();
  });

  afterEach(async () => {
    disposeSessions();
    await registry.close();
  });

  it('lists every rejected row by row, column and reason, in the reader’s language, and imports nothing', async () => {
    renderAdmin(registry, '/households/import', { as: 'fc-admin' });
    expect(await screen.findByRole('heading', { level: 1, name: '批量导入农户' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '检查文件（不导入）' })).toBeDisabled();
    choose(sheet('households.csv', GOOD_ROW, BAD_ROW));
    fireEvent.click(screen.getByRole('button', { name: '检查文件（不导入）' }));

    const table = await screen.findByRole('table', { name: '问题清单（1 处）' });
    expect(screen.getByRole('alert')).toHaveTextContent('文件有 1 处问题，没有导入任何数据');
    const rows = within(table).getAllByRole('row');
    expect(
      within(rows[0]!)
        .getAllByRole('columnheader')
        .map((cell) => cell.textContent),
    ).toEqual(['行号', '列', '问题']);
    expect(rows[1]).toHaveTextContent('3贫困状态贫困状态“脱贫了”无法识别');
    expect(screen.queryByRole('button', { name: /确认导入/ })).not.toBeInTheDocument();

    const upload = registry.calls('/api/registry/households/import')[0]!;
    expect(upload.url).toBe('/api/registry/households/import?dryRun=true');
    expect(upload.headers['content-type']).toMatch(/^multipart\/form-data/);
    expect(upload.body).toContain('filename="households.csv"');
    expect(registry.households).toHaveLength(45);

    fireEvent.click(screen.getByRole('button', { name: 'English' }));
    expect(await screen.findByRole('table', { name: 'Problems (1)' })).toHaveTextContent(
      'Poverty status "脱贫了" is not recognised',
    );
  });

  it('checks a good file first, then imports it on confirmation', async () => {
    renderAdmin(registry, '/households/import', { as: 'fc-admin' });
    await screen.findByLabelText('要导入的文件');
    choose(sheet('good.csv', GOOD_ROW));
    fireEvent.click(await screen.findByRole('button', { name: '检查文件（不导入）' }));
    expect(await screen.findByText('检查通过，可以导入')).toBeInTheDocument();
    expect(screen.getByText('共 1 户、1 人（1 行）。')).toBeInTheDocument();
    expect(registry.households).toHaveLength(45);

    fireEvent.click(screen.getByRole('button', { name: '确认导入 1 户' }));
    expect(await screen.findByText('已导入 1 户')).toBeInTheDocument();
    expect(registry.calls('/api/registry/households/import').map((call) => call.url)).toEqual([
      '/api/registry/households/import?dryRun=true',
      '/api/registry/households/import?dryRun=false',
    ]);
    expect(registry.households).toHaveLength(46);
    expect(screen.getByRole('link', { name: '到农户列表查看' })).toBeInTheDocument();
  });

  it('refuses a file over 5 MB before sending it', async () => {
    renderAdmin(registry, '/households/import', { as: 'fc-admin' });
    await screen.findByLabelText('要导入的文件');
    choose(new NodeFile([new Uint8Array(5 * 1024 * 1024 + 1)], 'huge.csv'));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('文件超过 5 MB'));
    expect(screen.getByRole('button', { name: '检查文件（不导入）' })).toBeDisabled();
    expect(registry.calls('/api/registry/households/import')).toHaveLength(0);
  });
});
