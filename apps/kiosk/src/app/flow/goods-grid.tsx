import type { GoodsView } from '@fupin/contracts';
import { formatPoints } from '@fupin/money';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Basket } from './basket';

export type GoodsState = 'available' | 'low' | 'soldOut' | 'tooDear';

/** How a tile shows the goods: sold out before too dear, too dear before low in stock. */
export function goodsState(goods: GoodsView, basket: Basket, remaining: number): GoodsState {
  const left = goods.quantity - (basket.get(goods.id) ?? 0);
  if (goods.quantity <= 0 || left <= 0) return 'soldOut';
  if (goods.pricePoints > remaining) return 'tooDear';
  return goods.lowStock ? 'low' : 'available';
}

function GoodsPicture({ url }: { url: string | null }) {
  const { t } = useTranslation();
  const [broken, setBroken] = useState(false);
  if (!url || broken) {
    return (
      <span
        className="kiosk-goods__picture kiosk-goods__picture--none"
        role="img"
        aria-label={t('kiosk.shop.noPicture')}
      >
        <svg viewBox="0 0 48 48" width="56" height="56" aria-hidden="true">
          <path
            d="M10 18h28l-3 22H13zM17 18v-4a7 7 0 0 1 14 0v4"
            fill="none"
            stroke="currentColor"
            strokeWidth="3"
            strokeLinejoin="round"
          />
        </svg>
      </span>
    );
  }
  return (
    <img className="kiosk-goods__picture" src={url} alt="" loading="lazy" onError={() => setBroken(true)} />
  );
}

export interface GoodsGridProps {
  goods: readonly GoodsView[];
  basket: Basket;
  remaining: number;
  onTap(goods: GoodsView): void;
}

/** The store's goods as big tiles: picture, name, unit, price and whether it can be had. */
export function GoodsGrid({ goods, basket, remaining, onTap }: GoodsGridProps) {
  const { t } = useTranslation();
  return (
    <ul className="kiosk-goods" aria-label={t('kiosk.shop.goodsTitle')}>
      {goods.map((item) => {
        const state = goodsState(item, basket, remaining);
        const chosen = basket.get(item.id) ?? 0;
        const stockText =
          state === 'soldOut'
            ? t('kiosk.shop.soldOut')
            : state === 'tooDear'
              ? t('kiosk.shop.tooDear')
              : state === 'low'
                ? t('kiosk.shop.lowStock', { count: item.quantity - chosen })
                : t('kiosk.shop.stock', { count: item.quantity - chosen });
        return (
          <li key={item.id}>
            <button
              type="button"
              className={`kiosk-goods__tile kiosk-goods__tile--${state}`}
              data-goods={item.name}
              onClick={() => onTap(item)}
            >
              <GoodsPicture url={item.pictureUrl} />
              <span className="kiosk-goods__name">{item.name}</span>
              <span className="kiosk-goods__unit">{item.unit}</span>
              <span className="kiosk-goods__price">
                {t('kiosk.shop.pointsUnit', { points: formatPoints(item.pricePoints) })}
              </span>
              <span className={`kiosk-goods__stock kiosk-goods__stock--${state}`}>
                {state === 'soldOut' || state === 'tooDear' ? '✕ ' : ''}
                {stockText}
              </span>
              {chosen > 0 ? (
                <span className="kiosk-goods__chosen">{t('kiosk.shop.inBasket', { count: chosen })}</span>
              ) : null}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
