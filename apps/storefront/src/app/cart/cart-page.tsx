import { formatFen } from '@fupin/money';
import { Button, EmptyState, Notice, useDocumentTitle } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useErrorText } from '../common/use-error-text';
import { useCart, useCartStore } from './cart-context';
import { cartTotalFen, maxQuantity } from './cart-store';
import { QuantityStepper } from './quantity-stepper';
import { useFreshCart } from './use-fresh-cart';

/** The cart: boxes per product within the stock, line amounts, the total, and on to checkout. */
export function CartPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const items = useCart();
  const cart = useCartStore();
  const fresh = useFreshCart();
  useDocumentTitle(`${t('storefront.cart.title')} · ${t('storefront.name')}`);
  const soldOut = items.filter((item) => maxQuantity(item) === 0);

  return (
    <div className="sf-cart">
      <h1>{t('storefront.cart.title')}</h1>
      {fresh.error ? (
        <Notice tone="warning" title={t('storefront.cart.stale')}>
          {errorText(fresh.error)}
        </Notice>
      ) : null}
      {items.length === 0 ? (
        <EmptyState
          title={t('storefront.cart.empty')}
          action={
            <Link className="fp-button fp-button--primary fp-button--lg" to="/products">
              {t('storefront.cart.browse')}
            </Link>
          }
        />
      ) : (
        <>
          <ul className="sf-lines" aria-label={t('storefront.cart.lines')}>
            {items.map((item) => {
              const max = maxQuantity(item);
              return (
                <li key={item.productId} className="sf-line" data-sku={item.sku}>
                  <div className="sf-line__what">
                    <Link to={`/products/${item.productId}`} className="sf-line__name">
                      {item.name}
                    </Link>
                    <span className="sf-line__spec">
                      {item.spec} · {formatFen(item.retailPriceFen)}
                    </span>
                    {max === 0 ? (
                      <span className="sf-line__warning">{t('storefront.product.soldOut')}</span>
                    ) : item.quantity >= max ? (
                      <span className="sf-line__warning">
                        {t('storefront.cart.onlyLeft', { count: max })}
                      </span>
                    ) : null}
                  </div>
                  <QuantityStepper
                    label={item.name}
                    value={item.quantity}
                    max={Math.max(1, max)}
                    disabled={max === 0}
                    onChange={(quantity) => cart.setQuantity(item.productId, quantity)}
                  />
                  <span className="sf-line__amount">{formatFen(item.retailPriceFen * item.quantity)}</span>
                  <Button
                    variant="ghost"
                    aria-label={t('storefront.cart.removeNamed', { name: item.name })}
                    onClick={() => cart.remove(item.productId)}
                  >
                    {t('storefront.cart.remove')}
                  </Button>
                </li>
              );
            })}
          </ul>
          <p className="sf-total">
            {t('storefront.cart.total')} <strong>{formatFen(cartTotalFen(items))}</strong>
          </p>
          {soldOut.length > 0 ? (
            <Notice tone="warning" title={t('storefront.cart.removeSoldOut')} />
          ) : (
            <div className="sf-actions">
              <Link className="fp-button fp-button--primary fp-button--lg" to="/checkout">
                {t('storefront.cart.checkout')}
              </Link>
              <Link className="fp-button fp-button--secondary fp-button--lg" to="/products">
                {t('storefront.cart.continue')}
              </Link>
            </div>
          )}
        </>
      )}
    </div>
  );
}
