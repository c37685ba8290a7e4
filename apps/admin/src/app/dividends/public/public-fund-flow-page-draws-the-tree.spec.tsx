import { fireEvent, screen, within } from '@testing-library/react';
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

  it('says so when the fund does not exist', async () => {
    renderPublic(fake, '/public/funds/66666666-6666-4666-8666-666666666666');
    expect(await screen.findByText('找不到这笔资金，请检查链接。')).toBeInTheDocument();
  });
});
