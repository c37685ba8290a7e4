import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { startFakeRegistry, type FakeRegistry } from '../../../testing/fake-registry';
import { disposeSessions, renderAdmin } from '../../../testing/render-admin';
import { chinaDay } from './weigh-slip-number';
import { POINT_ID, startFakeMarket, type FakeMarket } from '../testing/fake-market';

function field(name: RegExp) {
  return screen.getByLabelText(name);
}

function lastPurchaseBody(market: FakeMarket) {
  const call = market
    .calls('/api/market/purchases')
    .filter((c) => c.method === 'POST')
    .at(-1)!;
  return JSON.parse(call.body) as Record<string, unknown>;
}

jest.setTimeout(30_000);

describe('收购 fast entry at a collection point', () => {
  let registry: FakeRegistry;
  let market: FakeMarket;

  beforeEach(async () => {
    registry = await startFakeRegistry();
    market = await startFakeMarket(registry);
  });

  afterEach(async () => {
    disposeSessions();
    await market.close();
    await registry.close();
  });

  it('moves through the fields with Enter, shows the amount live and prints a weigh slip with the trace code', async () => {
    renderAdmin(market, '/market/procurement', { as: 'yanshanpu-collector' });
    const picker = await screen.findByRole('combobox', { name: /农户/ });
    const slipNumber = `411322104201-${chinaDay(new Date())}-001`;
    expect(field(/称重单号/)).toHaveValue(slipNumber);

    fireEvent.change(picker, { target: { value: '0003' } });
    const options = await within(screen.getByRole('listbox', { name: '匹配的农户' })).findAllByRole('option');
    expect(options[0]).toHaveTextContent('4113221042010003');
    fireEvent.keyDown(picker, { key: 'Enter' });
    expect(screen.getByText(/已选：崔富贵（4113221042010003）/)).toBeInTheDocument();
    expect(field(/品名/)).toHaveFocus();

    fireEvent.change(field(/品名/), { target: { value: '小米' } });
    fireEvent.keyDown(field(/品名/), { key: 'Enter' });
    expect(screen.getByRole('combobox', { name: /等级/ })).toHaveFocus();
    fireEvent.keyDown(screen.getByRole('combobox', { name: /等级/ }), { key: 'Enter' });
    expect(field(/重量/)).toHaveFocus();
    fireEvent.change(field(/重量/), { target: { value: '12.345' } });
    fireEvent.keyDown(field(/重量/), { key: 'Enter' });
    fireEvent.change(field(/单价/), { target: { value: '6.4' } });
    // 12.345 kg × ¥6.40 = ¥79.008 → ¥79.01
    expect(screen.getByText('¥79.01')).toBeInTheDocument();
    fireEvent.keyDown(field(/单价/), { key: 'Enter' });
    expect(field(/称重单号/)).toHaveFocus();
    fireEvent.keyDown(field(/称重单号/), { key: 'Enter' });

    const slip = await screen.findByRole('article', { name: '称重单' });
    expect(lastPurchaseBody(market)).toEqual({
      collectionPointId: POINT_ID,
      householdId: registry.households[2]!.id,
      produce: '小米',
      grade: 'first',
      weightGrams: 12345,
      unitPriceFenPerKg: 640,
      weighSlipNumber: slipNumber,
    });
    expect(slip).toHaveTextContent('崔富贵（4113221042010003）');
    expect(slip).toHaveTextContent('12.345 kg');
    expect(slip).toHaveTextContent('¥79.01');
    expect(slip).toHaveTextContent('柒拾玖元零壹分');
    expect(slip).toHaveTextContent('L4113221042010001');
    expect(screen.getByRole('button', { name: '打印称重单' })).toBeInTheDocument();

    // Ready for the next villager: same produce and price, a new slip number, household cleared.
    await waitFor(() => expect(field(/称重单号/)).toHaveValue(`411322104201-${chinaDay(new Date())}-002`));
    expect(field(/品名/)).toHaveValue('小米');
    expect(field(/重量/)).toHaveValue('');
    const recent = screen.getByRole('table');
    expect(within(recent).getByText('崔富贵')).toBeInTheDocument();
    expect(within(recent).getByText('户编号 4113221042010003')).toBeInTheDocument();
    expect(within(recent).getByRole('link', { name: 'L4113221042010001' })).toHaveAttribute(
      'href',
      `/market/lots/${market.purchases[0]!.lotId}`,
    );
  });

  it('says plainly when a weigh-slip number was used and offers the next one', async () => {
    renderAdmin(market, '/market/procurement', { as: 'yanshanpu-collector' });
    const picker = await screen.findByRole('combobox', { name: /农户/ });
    fireEvent.change(picker, { target: { value: '马东升' } });
    await within(screen.getByRole('listbox', { name: '匹配的农户' })).findByRole('option', {
      name: /马东升/,
    });
    fireEvent.keyDown(picker, { key: 'Enter' });
    fireEvent.change(field(/品名/), { target: { value: '红薯' } });
    fireEvent.change(field(/重量/), { target: { value: '50' } });
    fireEvent.change(field(/单价/), { target: { value: '1.2' } });
    fireEvent.change(field(/称重单号/), { target: { value: 'OLD-001' } });
    market.purchases.push({ ...fakePurchase(), weighSlipNumber: 'OLD-001' });
    fireEvent.click(screen.getByRole('button', { name: '保存收购' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('这个称重单号已经用过了，请换一个单号。');
    fireEvent.click(screen.getByRole('button', { name: '换下一个单号' }));
    expect(field(/称重单号/)).toHaveValue(`411322104201-${chinaDay(new Date())}-002`);
    fireEvent.click(screen.getByRole('button', { name: '保存收购' }));
    expect(await screen.findByRole('article', { name: '称重单' })).toHaveTextContent('马东升');
  });

  it('refuses a weight with more than three decimals before asking the server', async () => {
    renderAdmin(market, '/market/procurement', { as: 'yanshanpu-collector' });
    await screen.findByRole('combobox', { name: /农户/ });
    fireEvent.change(field(/重量/), { target: { value: '1.2345' } });
    fireEvent.click(screen.getByRole('button', { name: '保存收购' }));
    expect(await screen.findByText('请填写重量（千克，大于 0，最多三位小数）')).toBeInTheDocument();
    expect(screen.getByText('请选择卖货的农户')).toBeInTheDocument();
    expect(market.calls('/api/market/purchases').filter((c) => c.method === 'POST')).toHaveLength(0);
  });

  it('shows the county administrator the list without the entry form', async () => {
    market.purchases.push(fakePurchase());
    renderAdmin(market, '/market/procurement', { as: 'fc-admin' });
    expect(await screen.findByText('SLIP-9')).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: '收购录入' })).not.toBeInTheDocument();
    // The list names the household itself (the purchase carries its name and number).
    const recent = screen.getByRole('table');
    expect(within(recent).getByText('王大山')).toBeInTheDocument();
    expect(within(recent).getByText('户编号 4113221042010001')).toBeInTheDocument();
  });
});

function fakePurchase() {
  return {
    id: '99999999-0000-4000-8000-000000000099',
    collectionPointId: POINT_ID,
    householdId: 'aaaaaaaa-0000-4000-8000-000000000001',
    householdNumber: '4113221042010001',
    headName: '王大山',
    produce: '花生',
    grade: 'first',
    weightGrams: 1000,
    unitPriceFenPerKg: 800,
    amountFen: 800,
    weighSlipNumber: 'SLIP-9',
    lotId: '88888888-0000-4000-8000-000000000099',
    traceCode: 'L9',
    createdAt: '2026-12-01T02:00:00.000Z',
  };
}
