import { createContext, useContext, useLayoutEffect, useSyncExternalStore, type ReactNode } from 'react';
import { useSession } from '../auth/session-context';
import type { CartItem, CartStore } from './cart-store';

const CartContext = createContext<CartStore | null>(null);

/** The cart of whoever is signed in: switching buyers switches carts. */
export function CartProvider({ store, children }: { store: CartStore; children: ReactNode }) {
  const session = useSession();
  const owner = session.status === 'signed-in' ? (session.user?.id ?? null) : null;
  // A layout effect: the signed-in buyer's cart is in place before anything is painted, so the
  // checkout never flashes “cart is empty”. While a kept session is restored the cart waits.
  useLayoutEffect(() => {
    if (session.status === 'signed-in' || session.status === 'signed-out') store.setOwner(owner);
  }, [store, owner, session.status]);
  return <CartContext.Provider value={store}>{children}</CartContext.Provider>;
}

export function useCartStore(): CartStore {
  const store = useContext(CartContext);
  if (!store) throw new Error('useCartStore needs a <CartProvider> above it');
  return store;
}

export function useCart(): readonly CartItem[] {
  const store = useCartStore();
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot);
}
