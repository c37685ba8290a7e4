import { fireEvent, screen, within } from '@testing-library/react';
import { startFakeMarket, type FakeMarket } from '../../testing/fake-market';
import { disposeSessions, memoryStorage, renderStorefront } from '../../testing/render-storefront';
import { CART_KEY_PREFIX } from '../cart/cart-store';

async function placeOrder(market: FakeMarket): Promise<string> {
  const p = market.products.find((x) => x.id === 'p-xm')!;
  const cartStorage = memoryStorage({
    [`${CART_KEY_PREFIX}u-czj`]: JSON.stringify([{ ...p, productId: p.id, quantity: 2 }]),
  });
  const view = renderStorefront(market, '/checkout', { as: 'buyer-czj', cartStorage });
  fireEvent.click(await screen.findByRole('button', { name: '提交订单' }));
  await screen.findByText('下单成功，已付款。扶贫超市会尽快拣货。');
  view.unmount();
  disposeSessions();
  return market.orders[0]!.id;
}

function currentStep() {
  const timeline = screen.getByRole('list', { name: '订单进度' });
  return within(timeline)
    .getAllByRole('listitem')
    .find((li) => li.getAttribute('aria-current') === 'step')?.textContent;
}

describe('orders from paid to received', () => {
  let market: FakeMarket;
  beforeEach(async () => {
    market = await startFakeMarket();
  });
  afterEach(async () => {
    disposeSessions();
    await market.close();
  });

  it('lists the order, shows its timeline, and accepts it once ready', async () => {
    const id = await placeOrder(market);
    renderStorefront(market, '/orders', { as: 'buyer-czj' });
    const row = await screen.findByRole('link', { name: /订单 MO/ });
    expect(screen.getByRole('list', { name: '订单列表' })).toHaveTextContent('高山小米 × 2');
    market.setStatus(id, 'picking');
    market.setStatus(id, 'ready');
    fireEvent.click(row);
    const timeline = await screen.findByRole('list', { name: '订单进度' });
    expect(currentStep()).toContain('待收货');
    // Placed, paid, picking and ready each show when they happened; 已收货 has not happened yet.
    expect(timeline.querySelectorAll('.sf-timeline__time')).toHaveLength(4);
    expect(screen.getByText('商品已备好，送到后请确认收货。')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '取消订单' })).not.toBeInTheDocument();
    expect(screen.getByText(/溯源码：FPFC-XM-2500A/)).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '确认收货' }));
    expect(await screen.findByText('已确认收货，谢谢您对乡亲们的支持！')).toBeInTheDocument();
    await screen.findByRole('heading', { level: 1, name: /已收货/ });
    expect(currentStep()).toContain('已收货');
  });

  it('cancels a paid order after asking, and the allowance comes back', async () => {
    const id = await placeOrder(market);
    renderStorefront(market, `/orders/${id}`, { as: 'buyer-czj' });
    await screen.findByRole('list', { name: '订单进度' });
    expect(currentStep()).toContain('已付款');
    fireEvent.click(screen.getByRole('button', { name: '取消订单' }));
    fireEvent.click(screen.getByRole('button', { name: '确定取消' }));
    expect(await screen.findByText('订单已取消，补贴已退回，银行卡付款原路退回。')).toBeInTheDocument();
    expect(market.allowance.get('u-czj')).toBe(70_000);
  });

  it('does not show one buyer another buyer’s order', async () => {
    const id = await placeOrder(market);
    renderStorefront(market, `/orders/${id}`, { as: 'buyer-jyj' });
    expect(await screen.findByText('找不到这个订单')).toBeInTheDocument();
    expect(screen.getByText('订单号不对，或者这不是您的订单。')).toBeInTheDocument();
    expect(screen.queryByText(/高山小米/)).not.toBeInTheDocument();
  });

  it('shows the allowance ledger and whom the purchases helped', async () => {
    const id = await placeOrder(market);
    renderStorefront(market, '/allowance', { as: 'buyer-czj' });
    const summary = await screen.findByTestId('allowance-summary');
    expect(summary.querySelector('[data-amount="balance"]')).toHaveTextContent('¥600.40');
    expect(summary.querySelector('[data-amount="granted"]')).toHaveTextContent('¥700.00');
    const ledger = screen.getByRole('region', { name: '收支明细' });
    expect(within(ledger).getByText('−¥99.60')).toBeInTheDocument();
    expect(within(ledger).getByText('+¥700.00')).toBeInTheDocument();
    expect(within(ledger).getByRole('link', { name: '查看订单' })).toHaveAttribute('href', `/orders/${id}`);
    expect(await screen.findByText('您的采购帮助了 1 个村的 2 户农户')).toBeInTheDocument();
    expect(screen.getByText('方城县 拐河镇 七峰村')).toBeInTheDocument();
  });
});
