import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { startFakeRegistry, type FakeRegistry } from '../../../testing/fake-registry';
import { disposeSessions, renderAdmin } from '../../../testing/render-admin';
import { fakeOrder, startFakeMarket, type FakeMarket } from '../testing/fake-market';

jest.setTimeout(30_000);

function lastQuery(market: FakeMarket, path: string): Record<string, string> {
  const call = market.calls(path).at(-1)!;
  return Object.fromEntries(new URL(call.url, 'http://x').searchParams);
}

describe('订单履约 at the county supermarket', () => {
  let registry: FakeRegistry;
  let market: FakeMarket;
  const print = jest.fn();

  beforeEach(async () => {
    registry = await startFakeRegistry();
    market = await startFakeMarket(registry);
    market.orders.push(fakeOrder(1, 'paid'), fakeOrder(2, 'picking'), fakeOrder(3, 'accepted'));
    window.print = print;
  });

  afterEach(async () => {
    disposeSessions();
    await market.close();
    await registry.close();
  });

  it('filters by status, starts picking a paid order and marks it ready', async () => {
    renderAdmin(market, '/market/fulfilment', { as: 'fc-supermarket' });
    expect(await screen.findByText('共 3 个订单')).toBeInTheDocument();
    expect(screen.getAllByRole('row')[1]).toHaveTextContent('方城县财政局');

    fireEvent.change(screen.getByRole('combobox', { name: '订单状态' }), { target: { value: 'paid' } });
    expect(await screen.findByText('共 1 个订单')).toBeInTheDocument();
    expect(lastQuery(market, '/api/market/fulfilment/orders')).toMatchObject({ status: 'paid', page: '1' });

    fireEvent.click(screen.getByRole('button', { name: '开始拣货 FC202612020001' }));
    expect(await screen.findByText('没有符合条件的订单')).toBeInTheDocument();
    expect(market.orders[0]!.status).toBe('picking');

    fireEvent.change(screen.getByRole('combobox', { name: '订单状态' }), { target: { value: '' } });
    fireEvent.click(await screen.findByRole('button', { name: '备货完成 FC202612020001' }));
    await waitFor(() => expect(market.orders[0]!.status).toBe('ready'));
    const row = (await screen.findByText('FC202612020001')).closest('tr')!;
    await waitFor(() => expect(row).toHaveTextContent('已备好'));
  });

  it('prints a picking list by product with the lots to take the boxes from', async () => {
    const { router } = renderAdmin(market, '/market/fulfilment', { as: 'fc-supermarket' });
    fireEvent.click(await screen.findByRole('link', { name: '打印拣货单' }));
    const sheet = await screen.findByRole('article', { name: '拣货单' });
    expect(sheet).toHaveTextContent('2 个订单，共 4 箱');
    const row = within(sheet).getByRole('row', { name: /砚山铺小米/ });
    expect(row).toHaveTextContent('YSP-XM-2500');
    expect(row).toHaveTextContent('4 箱');
    expect(row).toHaveTextContent('L4113221042010001 × 4 箱');
    fireEvent.click(screen.getByRole('button', { name: '打印' }));
    expect(print).toHaveBeenCalledTimes(1);

    fireEvent.change(screen.getByRole('combobox', { name: '包括哪些订单' }), { target: { value: 'paid' } });
    await waitFor(() =>
      expect(lastQuery(market, '/api/market/fulfilment/picking-list')).toEqual({ status: 'paid' }),
    );
    expect(await screen.findByText(/1 个订单，共 2 箱/)).toBeInTheDocument();

    await act(() => router.navigate('/market/fulfilment/packing-lists'));
    const packing = await screen.findByRole('article', { name: '装箱单：方城县财政局' });
    expect(packing).toHaveTextContent('FC202612020002');
    expect(packing).toHaveTextContent('配送到单位');
  });

  it('cancels a paid order only with a reason, sending an Idempotency-Key', async () => {
    renderAdmin(market, '/market/fulfilment?status=paid', { as: 'fc-supermarket' });
    fireEvent.click(await screen.findByRole('button', { name: '取消订单' }));
    const form = screen.getByRole('form', { name: '取消订单 FC202612020001' });
    fireEvent.click(within(form).getByRole('button', { name: '确认取消并退回款项' }));
    expect(await within(form).findByText('请写明原因（至少两个字）')).toBeInTheDocument();
    expect(market.calls(`/api/market/orders/${market.orders[0]!.id}/cancel`)).toHaveLength(0);

    fireEvent.change(within(form).getByLabelText(/原因/), { target: { value: '单位通知取消' } });
    fireEvent.click(within(form).getByRole('button', { name: '确认取消并退回款项' }));
    await waitFor(() => expect(market.orders[0]!.status).toBe('cancelled'));
    const call = market.calls(`/api/market/orders/${market.orders[0]!.id}/cancel`)[0]!;
    expect(JSON.parse(call.body)).toEqual({ reason: '单位通知取消' });
    expect(call.headers['idempotency-key']).toEqual(expect.any(String));
  });

  it('refunds an accepted order, refusing more than was paid', async () => {
    renderAdmin(market, '/market/fulfilment?status=accepted', { as: 'fc-admin' });
    fireEvent.click(await screen.findByRole('button', { name: '退款' }));
    const form = screen.getByRole('form', { name: '订单 FC202612020003 退款' });
    fireEvent.change(within(form).getByLabelText(/退款金额/), { target: { value: '100' } });
    fireEvent.change(within(form).getByLabelText(/原因/), { target: { value: '小米受潮' } });
    fireEvent.click(within(form).getByRole('button', { name: '确认退款' }));
    expect(await within(form).findByText('退款金额须大于 0，且不超过 ¥68.00')).toBeInTheDocument();
    fireEvent.change(within(form).getByLabelText(/退款金额/), { target: { value: '34' } });
    fireEvent.click(within(form).getByRole('button', { name: '确认退款' }));
    expect(await screen.findByText('已退 ¥34.00')).toBeInTheDocument();
    expect(market.orders[2]!.refundedFen).toBe(3400);
    // The county office may refund but does not pick.
    expect(screen.queryByRole('button', { name: /开始拣货/ })).not.toBeInTheDocument();
  });

  it('shows the auditor the orders without any action', async () => {
    renderAdmin(market, '/market/fulfilment', { as: 'fc-auditor' });
    expect(await screen.findByText('共 3 个订单')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /开始拣货|备货完成|取消订单|退款/ })).not.toBeInTheDocument();
  });
});
