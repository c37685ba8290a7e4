import { isApiClientError, newIdempotencyKey } from '@fupin/api-client';
import type { GoodsView, PointsAccountView, RedemptionReceipt } from '@fupin/contracts';
import { formatPoints } from '@fupin/money';
import { Button, EmptyState, ErrorState, LoadingState, Notice } from '@fupin/ui';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskErrorText } from '../session/kiosk-error-text';
import { LEDGER, type KioskSession } from '../session/kiosk-session';
import { BasketPanel } from './basket-panel';
import {
  addOne,
  basketLines,
  basketSignature,
  basketTotal,
  fitToStock,
  removeOne,
  type AddRefusal,
  type Basket,
} from './basket';
import { GoodsGrid } from './goods-grid';
import { SpeakerIcon } from './speaker-icon';
import { canSpeak, speak, spokenPoints } from './speech';

export interface ShopStepProps {
  session: KioskSession;
  storeId: string;
  onReceipt(receipt: RedemptionReceipt): void;
  /** Back to the card screen; with the error when the session ended under the villager. */
  onExit(error?: unknown): void;
}

interface Loaded {
  account: PointsAccountView;
  goods: GoodsView[];
}

const EMPTY: Basket = new Map();

/** Screen 3: the balance in very large type, the goods, the basket and the confirm button. */
export function ShopStep({ session, storeId, onReceipt, onExit }: ShopStepProps) {
  const { t, i18n } = useTranslation();
  const errorText = useKioskErrorText();
  const [data, setData] = useState<Loaded | null>(null);
  const [loadError, setLoadError] = useState<unknown>(undefined);
  const [basket, setBasket] = useState<Basket>(EMPTY);
  const [message, setMessage] = useState<{ tone: 'error' | 'warning'; text: string } | null>(null);
  const [confirming, setConfirming] = useState(false);
  // One key per confirmed basket: a double tap or a retry after a lost answer redeems once.
  const attempt = useRef<{ signature: string; key: string } | null>(null);
  const busy = useRef(false);

  const load = useCallback(async () => {
    const [account, goods] = await Promise.all([
      session.get<PointsAccountView>(`${LEDGER}/accounts/households/${session.household.id}`),
      session.get<GoodsView[]>(`${LEDGER}/stores/${storeId}/goods`),
    ]);
    setData({ account, goods });
    setLoadError(undefined);
    return goods;
  }, [session, storeId]);

  const fail = useCallback(
    (error: unknown) => {
      if (isApiClientError(error) && error.code === 'KIOSK_SESSION_ENDED') onExit(error);
      else setLoadError(error);
    },
    [onExit],
  );

  useEffect(() => {
    load().catch(fail);
    // Loaded once per session; later reloads are asked for explicitly.
  }, [load]);

  if (!data) {
    return loadError ? (
      <ErrorState message={errorText(loadError)} onRetry={() => load().catch(fail)} />
    ) : (
      <LoadingState />
    );
  }

  const { account, goods } = data;
  const lines = basketLines(basket, goods);
  const total = basketTotal(lines);
  const remaining = account.balance - total;

  const explain = (name: string, refusal: AddRefusal) => {
    const text =
      refusal.reason === 'soldOut'
        ? t('kiosk.shop.soldOutTap', { name })
        : refusal.reason === 'noMoreStock'
          ? t('kiosk.shop.noMoreStock', { name, count: refusal.count })
          : t('kiosk.shop.cannotAfford', { name, missing: formatPoints(refusal.missing) });
    setMessage({ tone: 'warning', text });
  };
  const add = (item: GoodsView) => {
    const outcome = addOne(basket, item, remaining);
    if ('refusal' in outcome) explain(item.name, outcome.refusal);
    else {
      setMessage(null);
      setBasket(outcome.basket);
    }
  };
  const more = (goodsId: string) => {
    const item = goods.find((g) => g.id === goodsId);
    if (item) add(item);
  };
  const less = (goodsId: string) => {
    setMessage(null);
    setBasket(removeOne(basket, goodsId));
  };

  const readAloud = () => {
    const language = i18n.language;
    let text = t('kiosk.shop.speakBalance', { points: spokenPoints(account.balance, language) });
    if (lines.length > 0) {
      text += t('kiosk.shop.speakBasket', {
        total: spokenPoints(total, language),
        remaining: spokenPoints(remaining, language),
      });
    }
    speak(text, language);
  };

  const confirm = async () => {
    if (busy.current || lines.length === 0) return;
    const signature = basketSignature(basket);
    if (attempt.current?.signature !== signature) attempt.current = { signature, key: newIdempotencyKey() };
    busy.current = true;
    setConfirming(true);
    setMessage(null);
    try {
      const receipt = await session.post<RedemptionReceipt>(
        `${LEDGER}/redemptions`,
        { lines: lines.map((line) => ({ goodsId: line.goods.id, quantity: line.quantity })) },
        { idempotencyKey: attempt.current.key },
      );
      onReceipt(receipt);
    } catch (error) {
      await refused(error);
    } finally {
      busy.current = false;
      setConfirming(false);
    }
  };

  const refused = async (error: unknown) => {
    if (!isApiClientError(error)) {
      setMessage({ tone: 'error', text: errorText(error) });
      return;
    }
    if (error.code === 'KIOSK_SESSION_ENDED') {
      onExit(error);
      return;
    }
    // A refusal is final for this key; no answer (network, timeout, 5xx) keeps it for the retry.
    if (error.status >= 400 && error.status < 500) attempt.current = null;
    setMessage({ tone: 'error', text: errorText(error) });
    if (['OUT_OF_STOCK', 'GOODS_NOT_FOUND', 'INSUFFICIENT_POINTS'].includes(error.code)) {
      try {
        const fresh = await load();
        setBasket((current) => fitToStock(current, fresh));
      } catch {
        // the message above already says nothing was redeemed
      }
    }
  };

  return (
    <div className="kiosk-shop">
      <section className="kiosk-shop__top" aria-label={t('kiosk.shop.balanceLabel')}>
        <p className="kiosk-shop__hello">{t('kiosk.shop.hello', { name: session.household.headName })}</p>
        <p className="kiosk-balance">
          <span className="kiosk-balance__label">{t('kiosk.shop.balanceLabel')}</span>
          <strong className="kiosk-balance__value" data-testid="balance">
            {formatPoints(account.balance)}
          </strong>
          <span className="kiosk-balance__unit">{t('kiosk.shop.points')}</span>
        </p>
        <div className="kiosk-shop__actions">
          {canSpeak() ? (
            <Button variant="secondary" size="lg" onClick={readAloud}>
              <SpeakerIcon />
              {t('kiosk.shop.readAloud')}
            </Button>
          ) : null}
          <Button variant="ghost" size="lg" onClick={() => onExit()}>
            {t('kiosk.shop.exit')}
          </Button>
        </div>
        {account.pending > 0 ? (
          <p className="kiosk-hint">{t('kiosk.shop.pending', { points: formatPoints(account.pending) })}</p>
        ) : null}
      </section>
      {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
      <div className="kiosk-shop__body">
        <section className="kiosk-shop__goods" aria-labelledby="kiosk-goods-title">
          <h2 id="kiosk-goods-title" className="fp-visually-hidden">
            {t('kiosk.shop.goodsTitle')}
          </h2>
          {goods.length === 0 ? (
            <EmptyState title={t('kiosk.shop.noGoods')} />
          ) : (
            <GoodsGrid goods={goods} basket={basket} remaining={remaining} onTap={add} />
          )}
        </section>
        <BasketPanel
          lines={lines}
          total={total}
          remaining={remaining}
          confirming={confirming}
          onMore={more}
          onLess={less}
          onConfirm={() => void confirm()}
        />
      </div>
    </div>
  );
}
