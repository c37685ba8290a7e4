import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { disposeSessions } from '../../../testing/render-admin';
import { SOURCE_COUNTY, startFakeDividends, type FakeDividends } from './testing/fake-dividends';
import { renderPublic } from './testing/render-public';

describe('the public fund-flow page', () => {
  let fake: FakeDividends;
  beforeEach(async () => {
    fake = await startFakeDividends();
  });
  afterEach(async () => {
    disposeSessions();
    await fake.close();
  });

  it('lists the funds and draws one from source to households, names masked', async () => {
    renderPublic(fake, '/public/funds');
    const row = (
      await screen.findByRole('link', { name: '2025 年中央财政衔接推进乡村振兴补助资金' })
    ).closest('tr')!;
    expect(row).toHaveTextContent('民生保障资金');
    expect(row).toHaveTextContent('¥1,000,000.00');
    expect(row).toHaveTextContent('8 户');
    fireEvent.click(within(row).getByRole('link'));

    const chart = await screen.findByRole('img', { name: '资金流向图' });
    const boxes = within(chart)
      .getAllByTestId('fund-flow-node')
      .map((node) => node.querySelector('title')?.textContent);
    expect(boxes).toEqual([
      '2025 年中央财政衔接推进乡村振兴补助资金 ¥1,000,000.00',
      '县级账户 411322 ¥1,000,000.00',
      '乡镇账户 411322104 ¥600,000.00',
      '村级账户 411322104201 ¥400,000.00',
      '项目：砚山铺村饮水安全工程 ¥300,000.00',
      '8 户农户 ¥12,000.00',
    ]);
    const table = screen.getByRole('table', { name: '资金流水' });
    expect(within(table).getAllByRole('row')).toHaveLength(1 + 12);
    expect(table).toHaveTextContent('王**');
    expect(table).not.toHaveTextContent('王德明');
    expect(fake.calls(`/api/dividends/public/funds/sources/${SOURCE_COUNTY}/flows`)).toHaveLength(1);
  });

  it('counts every household an account paid, lists the largest, and pages through the rest', async () => {
    fake.state.villageHouseholds = 130;
    renderPublic(fake, `/public/funds/${SOURCE_COUNTY}`);
    const chart = await screen.findByRole('img', { name: '资金流向图' });
    const boxes = within(chart)
      .getAllByTestId('fund-flow-node')
      .map((node) => node.querySelector('title')?.textContent);
    // 8 listed at 1,500 yuan and 122 more at 1,000 yuan: one box with all of them.
    expect(boxes.at(-1)).toBe('130 户农户 ¥134,000.00');
    expect(within(screen.getByRole('table', { name: '资金流水' })).getAllByRole('row')).toHaveLength(1 + 12);
    expect(
      screen.getByText('村级账户 411322104201：共发到 130 户，合计 ¥134,000.00。上表只列出金额最大的 8 户。'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /下载/ })).not.toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '查看全部 130 户' }));
    const pages = await screen.findByRole('table', {
      name: '村级账户 411322104201：发到的 130 户（金额从大到小）',
    });
    expect(within(pages).getAllByRole('row')).toHaveLength(1 + 50);
    const group = pages.closest<HTMLElement>('.fund-flow-households__group')!;
    fireEvent.click(within(group).getByRole('button', { name: '下一页' }));
    expect(await within(group).findByText('第 2 页，共 3 页（130 条）')).toBeInTheDocument();
    fireEvent.click(within(group).getByRole('button', { name: '下一页' }));
    await waitFor(() => expect(within(pages).getAllByRole('row')).toHaveLength(1 + 30));
    expect(pages).toHaveTextContent('¥1,000.00');
    expect(pages).not.toHaveTextContent('德明');
    const asked = fake
      .calls('/api/dividends/public/funds/flows/village/households')
      .map((r) => new URL(r.url, 'http://fake').search);
    expect(asked).toEqual(['?page=1&pageSize=50', '?page=2&pageSize=50', '?page=3&pageSize=50']);
    expect(fake.calls('/api/dividends/funds/flows/village/households')).toHaveLength(0);
  });

  it('says so when the fund does not exist', async () => {
    renderPublic(fake, '/public/funds/66666666-6666-4666-8666-666666666666');
    expect(await screen.findByText('找不到这笔资金，请检查链接。')).toBeInTheDocument();
  });
});
