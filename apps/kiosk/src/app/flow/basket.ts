import type { GoodsView } from '@fupin/contracts';
import { addPoints, subPoints } from '@fupin/money';

/** What the villager has chosen: goods id → quantity, in the order first chosen. */
export type Basket = ReadonlyMap<string, number>;

export interface BasketLine {
  goods: GoodsView;
  quantity: number;
  points: number;
}

export type AddRefusal =
  { reason: 'soldOut' } | { reason: 'noMoreStock'; count: number } | { reason: 'tooDear'; missing: number };

export function basketLines(basket: Basket, goods: readonly GoodsView[]): BasketLine[] {
  const byId = new Map(goods.map((g) => [g.id, g]));
  const lines: BasketLine[] = [];
  for (const [id, quantity] of basket) {
    const item = byId.get(id);
    if (item) lines.push({ goods: item, quantity, points: item.pricePoints * quantity });
  }
  return lines;
}

export function basketTotal(lines: readonly BasketLine[]): number {
  return lines.reduce((sum, line) => addPoints(sum, line.points), 0);
}

/** Points left after the basket; negative only if the balance fell meanwhile. */
export function remainingAfter(balance: number, lines: readonly BasketLine[]): number {
  return subPoints(balance, basketTotal(lines));
}

/**
 * One more of the goods, unless it is sold out, all its stock is already in the basket, or the
 * points left do not cover it; the refusal says which, so the screen can say it plainly.
 */
export function addOne(
  basket: Basket,
  goods: GoodsView,
  remaining: number,
): { basket: Basket } | { refusal: AddRefusal } {
  const inBasket = basket.get(goods.id) ?? 0;
  if (goods.quantity <= 0) return { refusal: { reason: 'soldOut' } };
  if (inBasket >= goods.quantity) return { refusal: { reason: 'noMoreStock', count: goods.quantity } };
  if (goods.pricePoints > remaining) {
    return { refusal: { reason: 'tooDear', missing: subPoints(goods.pricePoints, remaining) } };
  }
  const next = new Map(basket);
  next.set(goods.id, inBasket + 1);
  return { basket: next };
}

export function removeOne(basket: Basket, goodsId: string): Basket {
  const next = new Map(basket);
  const inBasket = next.get(goodsId) ?? 0;
  if (inBasket <= 1) next.delete(goodsId);
  else next.set(goodsId, inBasket - 1);
  return next;
}

/**
 * After the goods were reloaded (e.g. someone else took the last ones): drops goods no longer
 * offered and trims quantities to what is in stock.
 */
export function fitToStock(basket: Basket, goods: readonly GoodsView[]): Basket {
  const byId = new Map(goods.map((g) => [g.id, g]));
  const next = new Map<string, number>();
  for (const [id, quantity] of basket) {
    const available = byId.get(id)?.quantity ?? 0;
    if (available > 0) next.set(id, Math.min(quantity, available));
  }
  return next;
}

/** A stable text of the basket, to tell whether a confirmed basket has changed since. */
export function basketSignature(basket: Basket): string {
  return [...basket.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([id, quantity]) => `${id}:${quantity}`)
    .join(',');
}
