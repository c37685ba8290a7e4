import type { ProductView } from '@fupin/contracts';
import { formatFen } from '@fupin/money';
import { Button, StatusBadge } from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useCart, useCartStore } from '../cart/cart-context';
import { maxQuantity, type AddOutcome } from '../cart/cart-store';
import { ProductPicture } from './product-picture';

/** Says how adding to the cart went, in words. */
export function useAddOutcomeText(): (outcome: AddOutcome) => string {
  const { t } = useTranslation();
  return (outcome) => {
    switch (outcome.kind) {
      case 'added':
        return t('storefront.cart.added', { count: outcome.quantity });
      case 'limited':
        return t('storefront.cart.limited', { max: outcome.max });
      case 'sold-out':
        return t('storefront.product.soldOut');
      case 'too-many-lines':
        return t('storefront.cart.tooManyLines');
    }
  };
}

/** A product in the grid: picture, name, spec, price, origin village, stock and “加入购物车”. */
export function ProductCard({ product, village }: { product: ProductView; village: string }) {
  const { t } = useTranslation();
  const cart = useCartStore();
  const inCart = useCart().find((item) => item.productId === product.id)?.quantity ?? 0;
  const outcomeText = useAddOutcomeText();
  const [message, setMessage] = useState<string | null>(null);
  const soldOut = product.available <= 0;
  const full = inCart >= maxQuantity(product);
  return (
    <li className="sf-card" data-sku={product.sku}>
      <Link to={`/products/${product.id}`} className="sf-card__link">
        <ProductPicture name={product.name} category={product.category} pictureUrl={product.pictureUrl} />
        <h2 className="sf-card__name">{product.name}</h2>
      </Link>
      <p className="sf-card__spec">
        {product.spec} · {product.packageDescription}
      </p>
      <p className="sf-card__origin">{t('storefront.product.origin', { village })}</p>
      <p className="sf-card__price">{formatFen(product.retailPriceFen)}</p>
      <p className="sf-card__stock">
        {soldOut ? (
          <StatusBadge tone="neutral">{t('storefront.product.soldOut')}</StatusBadge>
        ) : (
          <StatusBadge tone="ok">{t('storefront.product.inStock', { count: product.available })}</StatusBadge>
        )}
      </p>
      <Button
        block
        disabled={soldOut || full}
        aria-label={t('storefront.cart.addNamed', { name: product.name })}
        onClick={() => setMessage(outcomeText(cart.add(product, 1)))}
      >
        {full && !soldOut ? t('storefront.cart.maxInCart') : t('storefront.cart.add')}
      </Button>
      <p className="sf-card__message" role="status">
        {message ?? (inCart > 0 ? t('storefront.cart.inCart', { count: inCart }) : '')}
      </p>
    </li>
  );
}
