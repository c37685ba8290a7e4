import type { GoodsView } from '@fupin/contracts';
import {
  addOne,
  basketLines,
  basketSignature,
  basketTotal,
  fitToStock,
  removeOne,
  type Basket,
} from './basket';

const goods = (id: string, pricePoints: number, quantity: number): GoodsView => ({
  id,
  storeId: 's',
  name: id,
  pictureUrl: null,
  unit: '件',
  pricePoints,
  quantity,
  lowStockThreshold: 0,
  lowStock: false,
});

const rice = goods('rice', 30, 2);
const salt = goods('salt', 3, 10);
const flask = goods('flask', 30, 0);

function add(basket: Basket, item: GoodsView, remaining: number): Basket {
  const outcome = addOne(basket, item, remaining);
  if (!('basket' in outcome)) throw new Error(JSON.stringify(outcome.refusal));
  return outcome.basket;
}

describe('the kiosk basket', () => {
  it('adds within stock and points, and totals the lines', () => {
    let basket: Basket = new Map();
    basket = add(basket, rice, 80);
    basket = add(basket, salt, 50);
    basket = add(basket, salt, 47);
    const lines = basketLines(basket, [rice, salt]);
    expect(lines.map((l) => [l.goods.id, l.quantity, l.points])).toEqual([
      ['rice', 1, 30],
      ['salt', 2, 6],
    ]);
    expect(basketTotal(lines)).toBe(36);
  });

  it('refuses sold-out goods, more than the stock, and goods dearer than the points left', () => {
    expect(addOne(new Map(), flask, 100)).toEqual({ refusal: { reason: 'soldOut' } });
    const full = new Map([['rice', 2]]);
    expect(addOne(full, rice, 100)).toEqual({ refusal: { reason: 'noMoreStock', count: 2 } });
    expect(addOne(new Map(), rice, 25)).toEqual({ refusal: { reason: 'tooDear', missing: 5 } });
  });

  it('removes one at a time, dropping a line at zero', () => {
    const basket = new Map([['salt', 2]]);
    expect([...removeOne(basket, 'salt')]).toEqual([['salt', 1]]);
    expect([...removeOne(removeOne(basket, 'salt'), 'salt')]).toEqual([]);
  });

  it('fits a basket to reloaded stock: gone goods dropped, quantities trimmed', () => {
    const basket = new Map([
      ['rice', 2],
      ['salt', 4],
    ]);
    const fitted = fitToStock(basket, [goods('rice', 30, 0), goods('salt', 3, 3)]);
    expect([...fitted]).toEqual([['salt', 3]]);
  });

  it('gives the same signature to the same basket whatever the order of choosing', () => {
    const a = new Map([
      ['rice', 1],
      ['salt', 2],
    ]);
    const b = new Map([
      ['salt', 2],
      ['rice', 1],
    ]);
    expect(basketSignature(a)).toBe(basketSignature(b));
    expect(basketSignature(a)).not.toBe(basketSignature(new Map([['rice', 1]])));
  });
});
