import { fireEvent, screen, within } from '@testing-library/react';
import { startFakeRegistry, type FakeRegistry } from '../../../testing/fake-registry';
import { disposeSessions, renderAdmin } from '../../../testing/render-admin';
import { STORE_ID, startFakeLedger, type FakeLedger } from '../testing/fake-ledger';

describe('receiving a donation at the love supermarket', () => {
  let registry: FakeRegistry;
  let ledger: FakeLedger;

  beforeEach(async () => {
    registry = await startFakeRegistry();
    ledger = await startFakeLedger(registry);
  });

  afterEach(async () => {
    disposeSessions();
    await ledger.close();
    await registry.close();
  });

  it('marks low stock, sends the declared value in fen with an Idempotency-Key and prints the donor’s receipt', async () => {
    renderAdmin({ url: ledger.url, signedIn: ledger.signedIn }, `/points/stores/${STORE_ID}`, {
      as: 'yanshanpu-store',
    });
    expect(await screen.findByRole('heading', { level: 1, name: '砚山铺村爱心超市' })).toBeInTheDocument();
    expect(await screen.findByText('1 种商品库存不足，请及时补货。')).toBeInTheDocument();
    expect(screen.getByText('库存不足')).toBeInTheDocument();

    fireEvent.click(screen.getByRole('link', { name: '入库' }));
    const form = await screen.findByRole('form', { name: '入库' });
    fireEvent.change(within(form).getByLabelText('捐赠人（单位或个人）'), {
      target: { value: '方城县农商银行' },
    });
    fireEvent.change(within(form).getByLabelText('商品'), {
      target: { value: '77777777-0000-4000-8000-000000000001' },
    });
    fireEvent.change(within(form).getByLabelText('数量'), { target: { value: '20' } });
    fireEvent.change(within(form).getByLabelText(/申报价值（元）/), { target: { value: '1,234.5' } });
    fireEvent.click(within(form).getByRole('button', { name: '登记捐赠并出具收据' }));

    const receipt = await screen.findByRole('region', { name: '捐赠收据' });
    expect(within(receipt).getByText('JZ-411322104201-000017')).toBeInTheDocument();
    expect(within(receipt).getByText('人民币壹仟贰佰叁拾肆元伍角整')).toBeInTheDocument();
    expect(receipt).toHaveTextContent('合计（小写）：¥1,234.50');
    const sent = ledger.calls(`/api/ledger/stores/${STORE_ID}/donations`)[0]!;
    expect(JSON.parse(sent.body)).toEqual({
      donorName: '方城县农商银行',
      lines: [{ goodsId: '77777777-0000-4000-8000-000000000001', quantity: 20, declaredValueFen: 123450 }],
    });
    expect(sent.headers['idempotency-key']).toMatch(/.{16,}/);
  });

  it('refuses an amount that is not yuan before sending anything', async () => {
    renderAdmin({ url: ledger.url, signedIn: ledger.signedIn }, `/points/stores/${STORE_ID}?tab=stockIn`, {
      as: 'yanshanpu-store',
    });
    const form = await screen.findByRole('form', { name: '入库' });
    fireEvent.change(within(form).getByLabelText('捐赠人（单位或个人）'), { target: { value: '爱心人士' } });
    fireEvent.change(within(form).getByLabelText('商品'), {
      target: { value: '77777777-0000-4000-8000-000000000001' },
    });
    fireEvent.change(within(form).getByLabelText('数量'), { target: { value: '1' } });
    fireEvent.change(within(form).getByLabelText(/申报价值（元）/), { target: { value: '12.345' } });
    fireEvent.click(within(form).getByRole('button', { name: '登记捐赠并出具收据' }));
    expect(await within(form).findByRole('alert')).toHaveTextContent('第 1 行没填好');
    expect(ledger.calls(`/api/ledger/stores/${STORE_ID}/donations`)).toHaveLength(0);
  });

  it('offers a town administrator the shelf but no stock-in', async () => {
    renderAdmin({ url: ledger.url, signedIn: ledger.signedIn }, `/points/stores/${STORE_ID}`, {
      as: 'dushu-admin',
    });
    expect(await screen.findByRole('link', { name: '商品' })).toBeInTheDocument();
    expect(screen.queryByRole('link', { name: '入库' })).not.toBeInTheDocument();
    expect(screen.queryByRole('form', { name: '新增商品' })).not.toBeInTheDocument();
  });
});
