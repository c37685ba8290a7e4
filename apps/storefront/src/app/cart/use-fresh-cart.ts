import type { Paginated, ProductView } from '@fupin/contracts';
import { useEffect } from 'react';
import { MARKET } from '../common/market-api';
import { useApiQuery } from '../common/use-api-query';
import { useCartStore } from './cart-context';

/**
 * Reloads price and stock of the cart's products (the whole short catalogue in one request) so the
 * quantities on screen never exceed what is on the shelf now.
 */
export function useFreshCart() {
  const cart = useCartStore();
  const query = useApiQuery(
    (client, signal) =>
      client.get<Paginated<ProductView>>(`${MARKET}/products`, { query: { page: 1, pageSize: 200 }, signal }),
    [],
  );
  useEffect(() => {
    if (query.data) cart.refresh(query.data.items);
  }, [cart, query.data]);
  return query;
}
