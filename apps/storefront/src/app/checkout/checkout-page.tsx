import { isApiClientError, newIdempotencyKey } from '@fupin/api-client';
import type { AllowanceView, CheckoutBody, OrderView } from '@fupin/contracts';
import { formatFen } from '@fupin/money';
import {
  Button,
  EmptyState,
  ErrorState,
  LoadingState,
  Notice,
  useApiClient,
  useDocumentTitle,
} from '@fupin/ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { useUser } from '../auth/session-context';
import { useCart, useCartStore } from '../cart/cart-context';
import { cartTotalFen } from '../cart/cart-store';
import { useFreshCart } from '../cart/use-fresh-cart';
import { MARKET } from '../common/market-api';
import { useApiQuery } from '../common/use-api-query';
import { useErrorText } from '../common/use-error-text';
import { CardForm } from './card-form';
import { checkCard, type CardInput, type CardProblem } from './test-cards';

/** What the order page shows right after checkout. */
export interface PlacedOrderState {
  placed?: boolean;
}

/** Answers after which the same attempt must not be sent again: the next try is a new attempt. */
function isFinalAnswer(error: unknown): boolean {
  return isApiClientError(error) && error.status >= 400 && error.status < 500 && error.status !== 408;
}

/**
 * Checkout: the allowance pays first, a card the rest. Every attempt carries one Idempotency-Key,
 * reused while the answer is unknown (double click, network down, server busy) so an order is
 * never placed twice, and renewed after a definite answer (declined, out of stock).
 */
export function CheckoutPage() {
  const { t } = useTranslation();
  const client = useApiClient();
  const user = useUser();
  const navigate = useNavigate();
  const errorText = useErrorText();
  const items = useCart();
  const cart = useCartStore();
  const fresh = useFreshCart();
  const allowance = useApiQuery((c, signal) => c.get<AllowanceView>(`${MARKET}/allowance`, { signal }), []);
  const [fulfilment, setFulfilment] = useState<CheckoutBody['fulfilment']>('delivery');
  const [card, setCard] = useState<CardInput>({ number: '', expiry: '', cvc: '' });
  const [problems, setProblems] = useState<Partial<Record<keyof CardInput, CardProblem>>>({});
  const [failure, setFailure] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const attempt = useRef<{ key: string; body: string } | null>(null);
  const inFlight = useRef(false);
  useDocumentTitle(`${t('storefront.checkout.title')} · ${t('storefront.name')}`);

  if (items.length === 0) {
    return (
      <div className="sf-checkout">
        <h1>{t('storefront.checkout.title')}</h1>
        <EmptyState
          title={t('storefront.cart.empty')}
          action={
            <Link className="fp-button fp-button--primary fp-button--lg" to="/products">
              {t('storefront.cart.browse')}
            </Link>
          }
        />
      </div>
    );
  }
  if (allowance.error && !allowance.data) {
    return <ErrorState message={errorText(allowance.error)} onRetry={allowance.reload} />;
  }
  if (!allowance.data) return <LoadingState label={t('storefront.checkout.loading')} />;

  const total = cartTotalFen(items);
  const allowanceUsed = Math.min(allowance.data.balanceFen, total);
  const cardFen = total - allowanceUsed;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (inFlight.current) return;
    let paymentMethod: string | undefined;
    if (cardFen > 0) {
      const checked = checkCard(card);
      if (!checked.ok) {
        setProblems(checked.problems);
        return;
      }
      paymentMethod = checked.paymentMethod;
    }
    setProblems({});
    const body: CheckoutBody = {
      items: items.map((item) => ({ productId: item.productId, quantity: item.quantity })),
      fulfilment,
      ...(paymentMethod ? { paymentMethod } : {}),
    };
    const bodyText = JSON.stringify(body);
    if (attempt.current?.body !== bodyText) attempt.current = { key: newIdempotencyKey(), body: bodyText };
    inFlight.current = true;
    setBusy(true);
    setFailure(null);
    try {
      const order = await client.post<OrderView>(`${MARKET}/checkout`, body, {
        idempotencyKey: attempt.current.key,
      });
      attempt.current = null;
      cart.clear();
      navigate(`/orders/${order.id}`, { state: { placed: true } satisfies PlacedOrderState });
    } catch (error) {
      if (isFinalAnswer(error)) attempt.current = null;
      setFailure(error);
      if (isApiClientError(error) && error.code === 'ORDER_OUT_OF_STOCK') fresh.reload();
      allowance.reload();
    } finally {
      inFlight.current = false;
      setBusy(false);
    }
  };

  return (
    <form className="sf-checkout" onSubmit={submit} noValidate>
      <h1>{t('storefront.checkout.title')}</h1>
      {failure ? <CheckoutFailure error={failure} /> : null}
      <section className="sf-panel" aria-labelledby="sf-checkout-items">
        <h2 id="sf-checkout-items">{t('storefront.checkout.items')}</h2>
        <ul className="sf-summary">
          {items.map((item) => (
            <li key={item.productId}>
              <span>
                {item.name} × {item.quantity}
              </span>
              <span>{formatFen(item.retailPriceFen * item.quantity)}</span>
            </li>
          ))}
        </ul>
        <p>
          <Link to="/cart">{t('storefront.checkout.editCart')}</Link>
        </p>
      </section>
      <section className="sf-panel" aria-labelledby="sf-checkout-pay">
        <h2 id="sf-checkout-pay">{t('storefront.checkout.payment')}</h2>
        <dl className="sf-pay" data-testid="payment-split">
          <dt>{t('storefront.checkout.total')}</dt>
          <dd data-amount="total">{formatFen(total)}</dd>
          <dt>{t('storefront.checkout.balance', { year: allowance.data.year })}</dt>
          <dd data-amount="balance">{formatFen(allowance.data.balanceFen)}</dd>
          <dt>{t('storefront.checkout.allowanceUsed')}</dt>
          <dd data-amount="allowance">{formatFen(allowanceUsed)}</dd>
          <dt>{t('storefront.checkout.cardRemainder')}</dt>
          <dd data-amount="card">{formatFen(cardFen)}</dd>
        </dl>
        {cardFen > 0 ? (
          <CardForm value={card} onChange={setCard} problems={problems} disabled={busy} />
        ) : (
          <p className="sf-hint">{t('storefront.checkout.allowanceCovers')}</p>
        )}
      </section>
      <fieldset className="sf-panel sf-fulfilment" disabled={busy}>
        <legend>{t('storefront.checkout.fulfilment')}</legend>
        {(['delivery', 'pickup'] as const).map((option) => (
          <label key={option} className="sf-radio">
            <input
              type="radio"
              name="fulfilment"
              value={option}
              checked={fulfilment === option}
              onChange={() => setFulfilment(option)}
            />
            <span>{t(`storefront.fulfilment.${option}Long`, { workUnit: user.scopeName })}</span>
          </label>
        ))}
      </fieldset>
      <Button type="submit" size="lg" block loading={busy}>
        {cardFen > 0
          ? t('storefront.checkout.submitWithCard', { amount: formatFen(cardFen) })
          : t('storefront.checkout.submit')}
      </Button>
    </form>
  );
}

/** Why the order did not go through, and what that left untouched. */
function CheckoutFailure({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const items = useCart();
  if (isApiClientError(error)) {
    if (error.status === 0 || error.code === 'BUSY' || error.status >= 500) {
      return (
        <Notice tone="error" title={t('storefront.checkout.unknownOutcome')}>
          {errorText(error)} {t('storefront.checkout.safeToRetry')}
        </Notice>
      );
    }
    if (error.code === 'ORDER_OUT_OF_STOCK') {
      const productId = (error.details as { productId?: string } | undefined)?.productId;
      const name = items.find((item) => item.productId === productId)?.name ?? '';
      return <Notice tone="error" title={t('storefront.checkout.outOfStock', { name })} />;
    }
  }
  return <Notice tone="error" title={errorText(error)} />;
}
