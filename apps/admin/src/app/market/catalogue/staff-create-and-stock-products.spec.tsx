import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { startFakeRegistry, type FakeRegistry } from '../../../testing/fake-registry';
import { disposeSessions, renderAdmin } from '../../../testing/render-admin';
import { startFakeMarket, type FakeMarket } from '../testing/fake-market';

jest.setTimeout(30_000);

const ARRIVED_LOT = '88888888-0000-4000-8000-000000000001';

describe('商品目录 for the county supermarket', () => {
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

  it('creates a product after checking the SKU, price and village of origin', async () => {
    const { router } = renderAdmin(market, '/market/catalogue', { as: 'fc-supermarket' });
    expect(await screen.findByText('没有找到商品')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('link', { name: '新建商品' }));
    const form = await screen.findByRole('form', { name: '新建商品' });
    const type = (label: RegExp, value: string) =>
      fireEvent.change(within(form).getByLabelText(label), { target: { value } });
    type(/商品编码/, 'x');
    type(/商品名称/, '砚山铺小米');
    type(/规格/, '2.5 千克');
    type(/包装/, '牛皮纸袋');
    type(/分类/, '杂粮');
    type(/零售价/, '34.5');
    fireEvent.click(within(form).getByRole('button', { name: '保存商品' }));
    expect(await within(form).findByText('商品编码须为 3–40 位字母、数字或 -')).toBeInTheDocument();
    expect(within(form).getByText('请选择产地所在的村')).toBeInTheDocument();
    expect(market.calls('/api/market/products').filter((c) => c.method === 'POST')).toHaveLength(0);

    type(/商品编码/, 'YSP-XM-2500');
    const town = within(form).getByRole('combobox', { name: /乡镇/ });
    await waitFor(() => expect(within(town).getAllByRole('option').length).toBeGreaterThan(1));
    fireEvent.change(town, { target: { value: '411322104' } });
    const village = within(form).getByRole('combobox', { name: /行政村/ });
    await waitFor(() => expect(village).toBeEnabled());
    await waitFor(() => expect(within(village).getAllByRole('option').length).toBeGreaterThan(1));
    fireEvent.change(village, { target: { value: '411322104201' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存商品' }));

    expect(await screen.findByRole('heading', { level: 1, name: '砚山铺小米' })).toBeInTheDocument();
    expect(router.state.location.pathname).toBe(`/market/catalogue/${market.products[0]!.id}`);
    expect(market.products[0]).toMatchObject({ retailPriceFen: 3450, originVillageCode: '411322104201' });
    expect(screen.getByRole('link', { name: /\/public\/market\/trace\/YSP-XM-2500$/ })).toBeInTheDocument();
  });

  it('packs boxes from the lot that just arrived, and says so plainly when a lot is not there yet', async () => {
    market.products.push({
      id: '66666666-0000-4000-8000-000000000001',
      sku: 'YSP-XM-2500',
      name: '砚山铺小米',
      spec: '2.5 千克',
      packageDescription: '牛皮纸袋',
      retailPriceFen: 3450,
      pictureUrl: null,
      category: '杂粮',
      originVillageCode: '411322104201',
      available: 3,
    });
    renderAdmin(market, `/market/catalogue?stockLot=${ARRIVED_LOT}`, { as: 'fc-supermarket' });
    expect(await screen.findByText('请选择要用刚收到的批次装箱上架的商品。')).toBeInTheDocument();
    fireEvent.click(await screen.findByRole('link', { name: '砚山铺小米' }));
    const form = await screen.findByRole('form', { name: '用批次装箱上架' });
    expect(within(form).getByLabelText(/批次编号/)).toHaveValue(ARRIVED_LOT);
    fireEvent.change(within(form).getByLabelText(/装箱数量/), { target: { value: '10' } });
    fireEvent.click(within(form).getByRole('button', { name: '装箱上架' }));
    expect(await within(form).findByText('已上架 10 箱，现在可售 13 箱。')).toBeInTheDocument();

    fireEvent.change(within(form).getByLabelText(/批次编号/), {
      target: { value: '88888888-0000-4000-8000-000000000099' },
    });
    fireEvent.change(within(form).getByLabelText(/装箱数量/), { target: { value: '2' } });
    fireEvent.click(within(form).getByRole('button', { name: '装箱上架' }));
    expect(await within(form).findByText('这个批次还没有到县扶贫超市，不能装箱上架。')).toBeInTheDocument();
  });

  it('searches by name or SKU', async () => {
    renderAdmin(market, '/market/catalogue', { as: 'fc-admin' });
    await screen.findByText('没有找到商品');
    fireEvent.change(screen.getByRole('searchbox', { name: '搜索商品名称或编码' }), {
      target: { value: '小米' },
    });
    fireEvent.click(screen.getByRole('button', { name: '查询' }));
    await waitFor(() =>
      expect(market.calls('/api/market/products').at(-1)!.url).toBe(
        '/api/market/products?q=%E5%B0%8F%E7%B1%B3&page=1&pageSize=20',
      ),
    );
    expect(screen.queryByRole('form', { name: '用批次装箱上架' })).not.toBeInTheDocument();
  });
});
