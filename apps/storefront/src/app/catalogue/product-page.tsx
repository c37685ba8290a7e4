import type { ProductView } from '@fupin/contracts';
import { isApiClientError } from '@fupin/api-client';
import { formatFen } from '@fupin/money';
import { Button, ErrorState, LoadingState, Notice, StatusBadge, useDocumentTitle } from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { useCart, useCartStore } from '../cart/cart-context';
import { maxQuantity } from '../cart/cart-store';
import { QuantityStepper } from '../cart/quantity-stepper';
import { MARKET, useVillageNames } from '../common/market-api';
import { useApiQuery } from '../common/use-api-query';
import { useErrorText } from '../common/use-error-text';
import { NotFoundPage } from '../not-found-page';
import { useAddOutcomeText } from './product-card';
import { ProductPicture } from './product-picture';
import { TraceStory } from './trace-story';

/** One product: pictures, spec, price, stock, how many to buy, and the trace story behind it. */
export function ProductPage() {
  const { t } = useTranslation();
  const { productId = '' } = useParams();
  const errorText = useErrorText();
  const villageName = useVillageNames();
  const cart = useCartStore();
  const inCart = useCart().find((item) => item.productId === productId)?.quantity ?? 0;
  const outcomeText = useAddOutcomeText();
  const [quantity, setQuantity] = useState(1);
  const [message, setMessage] = useState<string | null>(null);
  const product = useApiQuery(
    (client, signal) =>
      client.get<ProductView>(`${MARKET}/products/${encodeURIComponent(productId)}`, { signal }),
    [productId],
  );
  useDocumentTitle(`${product.data?.name ?? t('storefront.product.title')} · ${t('storefront.name')}`);

  if (product.error && isApiClientError(product.error) && [400, 404].includes(product.error.status)) {
    return <NotFoundPage />;
  }
  if (product.error) return <ErrorState message={errorText(product.error)} onRetry={product.reload} />;
  if (!product.data) return <LoadingState label={t('storefront.product.loading')} />;
  const p = product.data;
  const room = Math.max(0, maxQuantity(p) - inCart);
  const village = villageName(p.originVillageCode);
  return (
    <article className="sf-product">
      <p className="sf-back">
        <Link to="/products">{t('storefront.product.back')}</Link>
      </p>
      <div className="sf-product__main">
        <ProductPicture name={p.name} category={p.category} pictureUrl={p.pictureUrl} size="large" />
        <div className="sf-product__info">
          <h1>{p.name}</h1>
          <p className="sf-product__price">{formatFen(p.retailPriceFen)}</p>
          <dl className="sf-facts">
            <dt>{t('storefront.product.spec')}</dt>
            <dd>{p.spec}</dd>
            <dt>{t('storefront.product.package')}</dt>
            <dd>{p.packageDescription}</dd>
            <dt>{t('storefront.product.category')}</dt>
            <dd>{p.category}</dd>
            <dt>{t('storefront.product.originLabel')}</dt>
            <dd>{village.path.join(' ')}</dd>
            <dt>{t('storefront.product.sku')}</dt>
            <dd>{p.sku}</dd>
            <dt>{t('storefront.product.stock')}</dt>
            <dd>
              {p.available > 0 ? (
                <StatusBadge tone="ok">{t('storefront.product.inStock', { count: p.available })}</StatusBadge>
              ) : (
                <StatusBadge tone="neutral">{t('storefront.product.soldOut')}</StatusBadge>
              )}
            </dd>
          </dl>
          {p.available > 0 ? (
            <div className="sf-product__buy">
              <QuantityStepper
                label={t('storefront.cart.quantity')}
                value={Math.min(quantity, Math.max(1, room))}
                max={Math.max(1, room)}
                onChange={setQuantity}
                disabled={room === 0}
              />
              <Button
                size="lg"
                disabled={room === 0}
                onClick={() => setMessage(outcomeText(cart.add(p, Math.min(quantity, Math.max(1, room)))))}
              >
                {room === 0 ? t('storefront.cart.maxInCart') : t('storefront.cart.add')}
              </Button>
              <Link className="fp-button fp-button--secondary fp-button--lg" to="/cart">
                {t('storefront.cart.goToCart')}
              </Link>
            </div>
          ) : null}
          {message ? <Notice tone="ok" title={message} /> : null}
          {inCart > 0 && !message ? (
            <p className="sf-hint">{t('storefront.cart.inCart', { count: inCart })}</p>
          ) : null}
        </div>
      </div>
      <TraceStory code={p.sku} spec={p.spec} />
    </article>
  );
}
