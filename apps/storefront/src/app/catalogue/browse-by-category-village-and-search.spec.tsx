import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeProducts, startFakeMarket, type FakeMarket } from '../../testing/fake-market';
import { disposeSessions, renderStorefront } from '../../testing/render-storefront';

function grid() {
  return screen.getByRole('list', { name: '商品列表' });
}

function names() {
  return within(grid())
    .getAllByRole('heading', { level: 2 })
    .map((h) => h.textContent);
}

describe('browsing the catalogue', () => {
  let market: FakeMarket;
  afterEach(async () => {
    disposeSessions();
    await market.close();
  });

  it('filters by category, by origin village and by search, with names of villages', async () => {
    market = await startFakeMarket();
    renderStorefront(market, '/products', { as: 'buyer-czj' });
    await waitFor(() => expect(names()).toEqual(['高山小米', '压榨花生油', '伏牛山土蜂蜜']));
    expect(within(grid()).getAllByText('产地：七峰村')).toHaveLength(2);
    // Fallback pictures instead of broken images.
    expect(within(grid()).getByRole('img', { name: '高山小米（暂无图片）' })).toBeInTheDocument();

    fireEvent.click(await screen.findByRole('button', { name: '杂粮' }));
    await waitFor(() => expect(names()).toEqual(['高山小米']));
    expect(screen.getByRole('button', { name: '杂粮' })).toHaveAttribute('aria-pressed', 'true');

    fireEvent.click(screen.getByRole('button', { name: '全部' }));
    fireEvent.change(screen.getByLabelText('产地村'), { target: { value: '411322105202' } });
    await waitFor(() => expect(names()).toEqual(['高山小米', '伏牛山土蜂蜜']));

    fireEvent.change(screen.getByLabelText('产地村'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('搜索商品'), { target: { value: '花生' } });
    fireEvent.click(screen.getByRole('button', { name: '搜索' }));
    await waitFor(() => expect(names()).toEqual(['压榨花生油']));
    fireEvent.change(screen.getByLabelText('搜索商品'), { target: { value: '榴莲' } });
    fireEvent.click(screen.getByRole('button', { name: '搜索' }));
    expect(await screen.findByText('没有找到商品')).toBeInTheDocument();
  });

  it('pages through a long catalogue twelve at a time', async () => {
    market = await startFakeMarket({ products: fakeProducts(15) });
    renderStorefront(market, '/products', { as: 'buyer-czj' });
    await waitFor(() => expect(names()).toHaveLength(12));
    expect(screen.getByText('第 1 页，共 2 页（15 条）')).toBeInTheDocument();
    fireEvent.click(screen.getByRole('button', { name: '下一页' }));
    await waitFor(() => expect(names()).toHaveLength(3));
  });

  it('adds to the cart no more than the stock, and a sold-out product cannot be added', async () => {
    market = await startFakeMarket();
    renderStorefront(market, '/products', { as: 'buyer-czj' });
    const add = await screen.findByRole('button', { name: '把压榨花生油加入购物车' });
    for (let i = 0; i < 3; i += 1) fireEvent.click(add);
    expect(add).toBeDisabled();
    expect(add).toHaveTextContent('已达库存上限');
    expect(screen.getByRole('link', { name: '购物车（3 件）' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: '把伏牛山土蜂蜜加入购物车' })).toBeDisabled();
  });

  it('shows a product with its trace story: villages, masked households, price paid vs retail', async () => {
    market = await startFakeMarket();
    renderStorefront(market, '/products/p-xm', { as: 'buyer-czj' });
    expect(await screen.findByRole('heading', { level: 1, name: '高山小米' })).toBeInTheDocument();
    expect(screen.getByText('有货 5 件')).toBeInTheDocument();
    expect(screen.getByText('方城县 拐河镇 七峰村')).toBeInTheDocument();
    const trace = screen.getByRole('region', { name: '产品溯源：谁种的，卖给了谁' });
    expect(await within(trace).findByText('这件商品来自 七峰村 的 2 户农户。')).toBeInTheDocument();
    expect(within(trace).getByText('王*国')).toBeInTheDocument();
    expect(within(trace).getByText('交售 62.5 公斤')).toBeInTheDocument();
    expect(
      within(trace).getByText('农户收购价 ¥9.00/公斤，超市零售价 ¥49.80（2.5kg/盒）。'),
    ).toBeInTheDocument();

    fireEvent.click(screen.getByRole('button', { name: '数量 加一件' }));
    fireEvent.click(screen.getByRole('button', { name: '加入购物车' }));
    expect(await screen.findByText('已加入购物车，共 2 件')).toBeInTheDocument();
  });

  it('says a product does not exist', async () => {
    market = await startFakeMarket();
    renderStorefront(market, '/products/nope', { as: 'buyer-czj' });
    expect(await screen.findByRole('heading', { name: '找不到这个页面' })).toBeInTheDocument();
  });
});
