import { fakeProducts } from '../../testing/fake-market';
import { memoryStorage } from '../../testing/render-storefront';
import { CART_KEY_PREFIX, CartStore, cartTotalFen } from './cart-store';

describe('the cart kept in the browser', () => {
  const [millet, oil, honey] = fakeProducts(3);

  it('holds quantities to the stock and says so, and refuses a sold-out product', () => {
    const cart = new CartStore(memoryStorage());
    cart.setOwner('u-czj');
    expect(cart.add(oil!, 2)).toEqual({ kind: 'added', quantity: 2 });
    expect(cart.add(oil!, 5)).toEqual({ kind: 'limited', quantity: 3, max: 3 });
    expect(cart.add(honey!)).toEqual({ kind: 'sold-out' });
    cart.setQuantity(oil!.id, 99);
    expect(cart.getSnapshot()).toEqual([expect.objectContaining({ productId: oil!.id, quantity: 3 })]);
    cart.setQuantity(oil!.id, 0);
    expect(cart.getSnapshot()[0]!.quantity).toBe(1);
  });

  it('is kept per buyer over a reload, and fresh stock brings quantities down', () => {
    const storage = memoryStorage();
    const cart = new CartStore(storage);
    cart.setOwner('u-czj');
    cart.add(millet!, 4);
    cart.add(oil!, 1);
    expect(cartTotalFen(cart.getSnapshot())).toBe(4 * 4_980 + 16_800);
    expect(JSON.parse(storage.values.get(`${CART_KEY_PREFIX}u-czj`)!)).toHaveLength(2);

    const reloaded = new CartStore(storage);
    reloaded.setOwner('u-jyj');
    expect(reloaded.getSnapshot()).toEqual([]); // a colleague on the same PC sees an empty cart
    reloaded.setOwner('u-czj');
    expect(reloaded.getSnapshot().map((i) => i.quantity)).toEqual([4, 1]);

    reloaded.refresh([{ ...millet!, available: 2, retailPriceFen: 5_200 }]);
    expect(reloaded.getSnapshot()[0]).toMatchObject({ quantity: 2, available: 2, retailPriceFen: 5_200 });
  });

  it('survives a corrupted entry', () => {
    const storage = memoryStorage({ [`${CART_KEY_PREFIX}u-czj`]: '{not json' });
    const cart = new CartStore(storage);
    cart.setOwner('u-czj');
    expect(cart.getSnapshot()).toEqual([]);
  });
});
