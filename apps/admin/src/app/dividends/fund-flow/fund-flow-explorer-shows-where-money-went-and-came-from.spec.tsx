import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import {
  HOUSEHOLD_ZHANG,
  SOURCE_COUNTY,
  startFakeDividends,
  type FakeDividends,
} from '../public/testing/fake-dividends';
import { renderPage } from '../public/testing/render-public';
import { FundFlowExplorerPage } from './fund-flow-explorer-page';

function readText(blob: Blob): Promise<string> {
  return new Promise((resolve) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.readAsText(blob);
  });
}

describe('the fund-flow explorer (staff)', () => {
  let fake: FakeDividends;
  let saved: Blob[];
  beforeEach(async () => {
    fake = await startFakeDividends();
    saved = [];
    URL.createObjectURL = jest.fn((blob: Blob) => {
      saved.push(blob);
      return 'blob:fund-flows';
    });
    URL.revokeObjectURL = jest.fn();
    // jsdom cannot follow the download link; the saved Blob is what the user gets.
    jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  });
  afterEach(async () => {
    await fake.close();
  });

  it('asks for a choice first, then shows a fund’s tree with full names and exports it', async () => {
    const { router } = renderPage(fake, '/fund-flows', 'fund-flows', <FundFlowExplorerPage />);
    expect(await screen.findByText('请先选择一笔资金或一户农户。')).toBeInTheDocument();
    const fund = screen.getByRole('combobox', { name: /选择资金/ });
    await waitFor(() => expect(fund).toBeEnabled());
    fireEvent.change(fund, { target: { value: SOURCE_COUNTY } });
    const chart = await screen.findByRole('img', { name: '资金流向图' });
    expect(router.state.location.search).toBe(`?fund=${SOURCE_COUNTY}`);
    expect(within(chart).getAllByTestId('fund-flow-node')).toHaveLength(6);
    const table = screen.getByRole('table', { name: '资金流水' });
    expect(table).toHaveTextContent('王德明');
    expect(table).toHaveTextContent('¥400,000.00');

    fireEvent.click(screen.getByRole('button', { name: '导出 CSV' }));
    expect(saved).toHaveLength(1);
    const csv = await readText(saved[0]!);
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('层级,去向,类型,金额（元）,已下拨（元）,用途,时间,资金流编号,上级资金流编号');
    expect(lines).toHaveLength(1 + 12);
    expect(lines[1]).toMatch(/^0,县级账户 411322,下拨到账户,1000000\.00,600000\.00,按计划拨付,/);
    expect(lines.filter((l) => l.includes(',发到农户,1500.00,,低保户生活补助,'))).toHaveLength(8);
  });

  it('finds a household and shows where its money came from, level by level', async () => {
    renderPage(fake, '/fund-flows', 'fund-flows', <FundFlowExplorerPage />);
    fireEvent.change(await screen.findByRole('combobox', { name: '查询方式' }), {
      target: { value: 'household' },
    });
    fireEvent.change(screen.getByRole('searchbox', { name: /查找农户/ }), { target: { value: '张德明' } });
    fireEvent.click(screen.getByRole('button', { name: '查找' }));
    fireEvent.click(await screen.findByRole('button', { name: '查看 张德明' }));
    expect(await screen.findByRole('heading', { name: '张德明（4113221042010003）' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('这户收到 1 笔资金，共 ¥1,500.00');
    expect(fake.calls(`/api/dividends/funds/households/${HOUSEHOLD_ZHANG}/origins`)).toHaveLength(1);
    const boxes = within(screen.getByRole('img', { name: '资金流向图' }))
      .getAllByTestId('fund-flow-node')
      .map((node) => node.querySelector('text')?.textContent);
    expect(boxes).toEqual([
      '2025 年中央财政衔接推…',
      '县级账户 411322',
      '乡镇账户 411322104',
      '村级账户 411322104201',
      '张德明',
    ]);
    const rows = within(screen.getByRole('table', { name: '每笔资金的来路' })).getAllByRole('row');
    expect(rows).toHaveLength(1 + 4);
  });

  it('shows a village administrator the public (masked) view of a county fund it may not read in full', async () => {
    fake.state.staffTraceForbidden = true;
    renderPage(fake, `/fund-flows?fund=${SOURCE_COUNTY}`, 'fund-flows', <FundFlowExplorerPage />);
    const table = await screen.findByRole('table', { name: '资金流水' });
    expect(table).toHaveTextContent('王**');
    expect(table).not.toHaveTextContent('王德明');
    expect(fake.calls(`/api/dividends/public/funds/sources/${SOURCE_COUNTY}/flows`)).toHaveLength(1);
  });

  it('lets staff see every household of a large account with names, and download them all', async () => {
    fake.state.villageHouseholds = 130;
    renderPage(fake, `/fund-flows?fund=${SOURCE_COUNTY}`, 'fund-flows', <FundFlowExplorerPage />);
    const chart = await screen.findByRole('img', { name: '资金流向图' });
    expect(within(chart).getByText('130 户农户')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '查看全部 130 户' }));
    const pages = await screen.findByRole('table', {
      name: '村级账户 411322104201：发到的 130 户（金额从大到小）',
    });
    expect(pages).toHaveTextContent('王德明');
    expect(fake.calls('/api/dividends/funds/flows/village/households')).toHaveLength(1);

    fireEvent.click(screen.getByRole('button', { name: '下载全部 130 户（CSV）' }));
    await waitFor(() => expect(saved).toHaveLength(1));
    // The server's file as it came (fetch's Blob, which jsdom's FileReader does not take).
    const lines = (await saved[0]!.text())
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\n');
    expect(lines).toHaveLength(1 + 130);
    expect(lines[130]).toBe('household-129,赵德明129,1000.00');
  });

  it('downloads nothing for the public view of a large account, which has no CSV', async () => {
    fake.state.villageHouseholds = 130;
    fake.state.staffTraceForbidden = true;
    renderPage(fake, `/fund-flows?fund=${SOURCE_COUNTY}`, 'fund-flows', <FundFlowExplorerPage />);
    fireEvent.click(await screen.findByRole('button', { name: '查看全部 130 户' }));
    const pages = await screen.findByRole('table', {
      name: '村级账户 411322104201：发到的 130 户（金额从大到小）',
    });
    expect(pages).not.toHaveTextContent('德明');
    expect(screen.queryByRole('button', { name: /下载全部/ })).not.toBeInTheDocument();
    expect(fake.calls('/api/dividends/public/funds/flows/village/households')).toHaveLength(1);
    expect(fake.calls('/api/dividends/funds/flows/village/households')).toHaveLength(0);
  });

  it('says plainly when the fund cannot be read', async () => {
    renderPage(
      fake,
      '/fund-flows?fund=77777777-7777-4777-8777-777777777777',
      'fund-flows',
      <FundFlowExplorerPage />,
    );
    expect(await screen.findByText('找不到这笔资金，请检查链接。')).toBeInTheDocument();
  });
});
