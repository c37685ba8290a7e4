import { sendJson } from '@fupin/api-client/testing';
import type { ProductView } from '@fupin/contracts';
import type { MarketRequest } from './fake-market';

/** The catalogue routes; true when the request was one of them. */
export function answerCatalogue(products: ProductView[], r: MarketRequest): boolean {
  const { path, request, url, response, fail, allow, forbidden } = r;
  if (path === '/products' && request.method === 'GET') {
    const q = url.searchParams.get('q') ?? '';
    const list = products.filter((p) => !q || p.name.includes(q) || p.sku.includes(q));
    sendJson(response, 200, { items: list, total: list.length, page: 1, pageSize: 20 });
    return true;
  }
  if (path === '/products' && request.method === 'POST') {
    if (!allow('supermarket_staff', 'county_admin')) return (forbidden(), true);
    const input = r.body() as Omit<ProductView, 'id' | 'available' | 'pictureUrl'>;
    if (products.some((p) => p.sku === input.sku)) {
      fail(409, 'CATALOGUE_SKU_TAKEN', '商品编码已存在 / SKU taken');
      return true;
    }
    const product: ProductView = {
      ...input,
      id: `66666666-0000-4000-8000-${String(products.length + 1).padStart(12, '0')}`,
      pictureUrl: null,
      available: 0,
    };
    products.push(product);
    sendJson(response, 201, product);
    return true;
  }
  const one = /^\/products\/([0-9a-f-]{36})(\/stock)?$/.exec(path);
  if (!one) return false;
  const product = products.find((p) => p.id === one[1]);
  if (!product) {
    fail(404, 'CATALOGUE_PRODUCT_NOT_FOUND', '商品不存在 / No such product');
    return true;
  }
  if (!one[2]) {
    sendJson(response, 200, product);
    return true;
  }
  if (!allow('supermarket_staff')) return (forbidden(), true);
  const { quantity, lotId } = r.body() as { quantity: number; lotId: string };
  if (lotId.endsWith('0099')) {
    fail(409, 'CATALOGUE_LOT_NOT_AT_SUPERMARKET', '批次未到超市 / Lot not here');
    return true;
  }
  product.available += quantity;
  sendJson(response, 201, product);
  return true;
}
