import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { disposeSessions } from '../../../testing/render-admin';
import { NOTICE_ENDED, NOTICE_OPEN, startFakeDividends, type FakeDividends } from './testing/fake-dividends';
import { renderPublic } from './testing/render-public';

function amountsInTable(): string[] {
  const table = screen.getByRole('table', { name: '各户分红金额' });
  return within(table)
    .getAllByRole('row')
    .slice(1)
    .map((row) => row.textContent ?? '');
}

describe('the public dividend notice', () => {
  let fake: FakeDividends;

  beforeEach(async () => {
    fake = await startFakeDividends();
  });
  afterEach(async () => {
    disposeSessions();
    await fake.close();
  });

  it('opens from the notice board without signing in and shows masked names, amounts, parts kept and the chain link', async () => {
    renderPublic(fake, '/public/dividends/notices');
    fireEvent.click(await screen.findByRole('link', { name: '砚山铺村光荣合作社 2025 年度分红' }));
    expect(
      await screen.findByRole('heading', { level: 1, name: '砚山铺村光荣合作社 2025 年度分红' }),
    ).toBeInTheDocument();
    expect(amountsInTable()[0]).toContain('王**');
    expect(amountsInTable()[0]).toContain('¥3,395.06');
    expect(screen.getByText('¥12,345.67')).toBeInTheDocument();
    expect(screen.getByText('村集体经济收入')).toBeInTheDocument();
    expect(screen.getByText('¥3,703.70')).toBeInTheDocument();
    expect(screen.getByText('链上第 2 条记录')).toBeInTheDocument();
    expect(screen.getByText('ab'.repeat(32))).toBeInTheDocument();
    expect(screen.getByText('公示中，可提出异议')).toBeInTheDocument();
    const qr = screen.getByRole('img', { name: '扫码查看本公示' });
    expect(qr.getAttribute('data-value')).toBe(`http://localhost/public/dividends/notices/${NOTICE_OPEN}`);
    expect(qr.querySelector('path')?.getAttribute('d')).toMatch(/^M/);
  });

  it('pages the households on screen and prints every one of them', async () => {
    renderPublic(fake, `/public/dividends/notices/${NOTICE_OPEN}`);
    await screen.findByRole('table', { name: '各户分红金额' });
    expect(amountsInTable()).toHaveLength(50);
    expect(screen.getByText('第 1 页，共 2 页')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    expect(amountsInTable()).toHaveLength(10);
    let printedRows = 0;
    const print = jest.spyOn(window, 'print').mockImplementation(() => {
      printedRows = amountsInTable().length;
    });
    fireEvent.click(screen.getByRole('button', { name: '打印公示' }));
    await waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    expect(printedRows).toBe(60);
    await waitFor(() => expect(amountsInTable()).toHaveLength(10));
  });

  it('checks an objection before sending it, then sends it and confirms', async () => {
    renderPublic(fake, `/public/dividends/notices/${NOTICE_OPEN}`);
    const send = await screen.findByRole('button', { name: '提交异议' });
    fireEvent.click(send);
    expect(await screen.findByText('请填写您的姓名或户号（最多 40 个字）')).toBeInTheDocument();
    expect(screen.getByText('请写清楚异议内容（5–500 个字）')).toBeInTheDocument();
    expect(fake.calls(`/api/dividends/public/notices/${NOTICE_OPEN}/objections`)).toHaveLength(0);

    fireEvent.change(screen.getByRole('textbox', { name: /您的姓名或户号/ }), {
      target: { value: ' 王** H-0001 ' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /异议内容/ }), {
      target: { value: '我家入股 100 股，金额少算了半年。' },
    });
    fireEvent.click(send);
    expect(await screen.findByText(/已收到您的异议（编号 9a8b7c6d）/)).toBeInTheDocument();
    const [call] = fake.calls(`/api/dividends/public/notices/${NOTICE_OPEN}/objections`, 'POST');
    expect(JSON.parse(call!.body)).toEqual({
      raisedBy: '王** H-0001',
      text: '我家入股 100 股，金额少算了半年。',
    });
    expect(screen.getByRole('textbox', { name: /异议内容/ })).toHaveValue('');
  });

  it('says in plain words when too many objections came from here', async () => {
    fake.state.objectionAnswer = 'rate_limited';
    renderPublic(fake, `/public/dividends/notices/${NOTICE_OPEN}`);
    fireEvent.change(await screen.findByRole('textbox', { name: /您的姓名或户号/ }), {
      target: { value: '李**' },
    });
    fireEvent.change(screen.getByRole('textbox', { name: /异议内容/ }), {
      target: { value: '名单里漏了我家。' },
    });
    fireEvent.click(screen.getByRole('button', { name: '提交异议' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('提交次数太多了，请一小时后再试');
  });

  it('offers no objection form once the notice is over', async () => {
    renderPublic(fake, `/public/dividends/notices/${NOTICE_ENDED}`);
    expect(
      await screen.findByText('公示期已结束，不能在网上提出异议。如有问题，请到村委会反映。'),
    ).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '提交异议' })).not.toBeInTheDocument();
    expect(screen.getAllByText('公示已结束').length).toBeGreaterThan(0);
  });

  it('says plainly when the link leads nowhere', async () => {
    renderPublic(fake, '/public/dividends/notices/55555555-5555-4555-8555-555555555555');
    expect(await screen.findByText('找不到这条公示，请检查链接。')).toBeInTheDocument();
  });

  it('reads in English', async () => {
    renderPublic(fake, `/public/dividends/notices/${NOTICE_OPEN}`, 'en');
    expect(await screen.findByRole('table', { name: 'Amount per household' })).toBeInTheDocument();
    expect(screen.getByText('Village collective income')).toBeInTheDocument();
  });
});
