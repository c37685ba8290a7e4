import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { startFakeMarket, type FakeMarket } from '../../testing/fake-market';
import { disposeSessions, memoryStorage, renderStorefront } from '../../testing/render-storefront';
import { CART_KEY_PREFIX } from '../cart/cart-store';

/** A cart kept from before (as after a reload): `lines` of [productId, quantity]. */
function keptCart(market: FakeMarket, lines: Array<[string, number]>) {
  const items = lines.map(([productId, quantity]) => {
    const p = market.products.find((x) => x.id === productId)!;
    return { ...p, productId, quantity };
  });
  return memoryStorage({ [`${CART_KEY_PREFIX}u-czj`]: JSON.stringify(items) });
}

function amount(name: 'total' | 'balance' | 'allowance' | 'card') {
  return screen.getByTestId('payment-split').querySelector(`[data-amount="${name}"]`)?.textContent;
}

function fillCard(number: string, expiry = '12/30', cvc = '123') {
  fireEvent.change(screen.getByLabelText(/卡号/), { target: { value: number } });
  fireEvent.change(screen.getByLabelText(/有效期/), { target: { value: expiry } });
  fireEvent.change(screen.getByLabelText(/安全码/), { target: { value: cvc } });
}

describe('checkout: the allowance pays first, a card the rest', () => {
  let market: FakeMarket;
  beforeEach(async () => {
    market = await startFakeMarket();
  });
  afterEach(async () => {
    disposeSessions();
    await market.close();
  });

  it('needs no card when the allowance covers the order, and shows the order paid', async () => {
    const { router, cartStorage } = renderStorefront(market, '/checkout', {
      as: 'buyer-czj',
      cartStorage: keptCart(market, [['p-xm', 2]]),
    });
    await screen.findByTestId('payment-split');
    expect(amount('total')).toBe('¥99.60');
    expect(amount('balance')).toBe('¥700.00');
    expect(amount('allowance')).toBe('¥99.60');
    expect(amount('card')).toBe('¥0.00');
    expect(screen.queryByLabelText(/卡号/)).not.toBeInTheDocument();
    fireEvent.click(screen.getByLabelText('到县扶贫超市自提'));
    fireEvent.click(screen.getByRole('button', { name: '提交订单' }));

    expect(await screen.findByText('下单成功，已付款。扶贫超市会尽快拣货。')).toBeInTheDocument();
    expect(router.state.location.pathname).toBe('/orders/o-1');
    expect(market.orders[0]).toMatchObject({ fulfilment: 'pickup', allowanceFen: 9_960, cardFen: 0 });
    expect(JSON.parse(market.calls('POST', '/api/market/checkout')[0]!.body)).not.toHaveProperty(
      'paymentMethod',
    );
    expect(cartStorage.values.size).toBe(0); // the cart is emptied
  });

  it('asks for a valid test card beyond the allowance, then pays the remainder by card once', async () => {
    market.allowance.set('u-czj', 10_000);
    renderStorefront(market, '/checkout', { as: 'buyer-czj', cartStorage: keptCart(market, [['p-hsy', 1]]) });
    await screen.findByTestId('payment-split');
    expect(amount('allowance')).toBe('¥100.00');
    expect(amount('card')).toBe('¥68.00');
    const submit = screen.getByRole('button', { name: '提交订单并刷卡 ¥68.00' });

    fillCard('4242 4242 4242 4241', '13/30', '1');
    fireEvent.click(submit);
    expect(await screen.findByText('卡号不对，请核对后重新输入')).toBeInTheDocument();
    expect(screen.getByText('请按 月/年 填写，如 12/30')).toBeInTheDocument();
    expect(screen.getByText('请输入卡背面的 3 位安全码')).toBeInTheDocument();
    expect(market.calls('POST', '/api/market/checkout')).toHaveLength(0);

    fillCard('4242424242424242');
    // A double click sends one attempt.
    fireEvent.click(submit);
    fireEvent.click(submit);
    expect(await screen.findByRole('heading', { level: 1, name: /订单 MO/ })).toBeInTheDocument();
    const calls = market.calls('POST', '/api/market/checkout');
    expect(new Set(calls.map((c) => c.headers['idempotency-key'])).size).toBe(1);
    expect(market.orders).toHaveLength(1);
    expect(JSON.parse(calls[0]!.body)).toMatchObject({
      paymentMethod: 'pm_card_visa',
      fulfilment: 'delivery',
    });
    expect(screen.getAllByText('已付款').length).toBeGreaterThan(0);
  });

  it('says plainly that a declined card took nothing, and the next try is a new attempt', async () => {
    market.allowance.set('u-czj', 10_000);
    renderStorefront(market, '/checkout', { as: 'buyer-czj', cartStorage: keptCart(market, [['p-hsy', 1]]) });
    await screen.findByTestId('payment-split');
    fillCard('4000 0000 0000 0002');
    fireEvent.click(screen.getByRole('button', { name: /提交订单/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '银行卡付款被拒绝，订单没有成立：补贴没有扣，商品也没有占用。请换一张卡再试。',
    );
    expect(amount('balance')).toBe('¥100.00');
    expect(market.products.find((p) => p.id === 'p-hsy')!.available).toBe(3);

    fillCard('4242 4242 4242 4242');
    fireEvent.click(screen.getByRole('button', { name: /提交订单/ }));
    expect(await screen.findByRole('heading', { level: 1, name: /订单 MO/ })).toBeInTheDocument();
    const keys = market.calls('POST', '/api/market/checkout').map((c) => c.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[0]).not.toBe(keys[1]);
  });

  it('keeps the same attempt while the network is down, so retrying cannot order twice', async () => {
    renderStorefront(market, '/checkout', { as: 'buyer-czj', cartStorage: keptCart(market, [['p-xm', 1]]) });
    await screen.findByTestId('payment-split');
    market.checkoutDown = true;
    fireEvent.click(screen.getByRole('button', { name: '提交订单' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('订单可能还没有提交成功。');
    expect(alert).toHaveTextContent('网络连不上');
    expect(alert).toHaveTextContent('不会重复下单');

    market.checkoutDown = false;
    fireEvent.click(screen.getByRole('button', { name: '提交订单' }));
    expect(await screen.findByRole('heading', { level: 1, name: /订单 MO/ })).toBeInTheDocument();
    const keys = market.calls('POST', '/api/market/checkout').map((c) => c.headers['idempotency-key']);
    expect(keys).toHaveLength(2);
    expect(keys[1]).toBe(keys[0]);
  });

  it('names the product that ran out and brings the cart down to the stock', async () => {
    const cartStorage = keptCart(market, [['p-xm', 4]]);
    renderStorefront(market, '/checkout', { as: 'buyer-czj', cartStorage });
    await screen.findByTestId('payment-split');
    market.products.find((p) => p.id === 'p-xm')!.available = 2; // someone else bought first
    fireEvent.click(screen.getByRole('button', { name: '提交订单' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('高山小米库存不够了');
    await waitFor(() => expect(amount('total')).toBe('¥99.60'));
    expect(
      within(screen.getByRole('region', { name: '商品' })).getByText('高山小米 × 2'),
    ).toBeInTheDocument();
  });
});
