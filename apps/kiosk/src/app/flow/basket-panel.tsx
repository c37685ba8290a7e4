import { formatPoints } from '@fupin/money';
import { Button } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import type { BasketLine } from './basket';

export interface BasketPanelProps {
  lines: readonly BasketLine[];
  total: number;
  remaining: number;
  confirming: boolean;
  onMore(goodsId: string): void;
  onLess(goodsId: string): void;
  onConfirm(): void;
}

/** The basket beside the goods: lines with − / +, the running total and what will be left. */
export function BasketPanel({
  lines,
  total,
  remaining,
  confirming,
  onMore,
  onLess,
  onConfirm,
}: BasketPanelProps) {
  const { t } = useTranslation();
  return (
    <section className="kiosk-basket" aria-labelledby="kiosk-basket-title">
      <h2 id="kiosk-basket-title" className="kiosk-basket__title">
        {t('kiosk.shop.basketTitle')}
      </h2>
      {lines.length === 0 ? (
        <p className="kiosk-basket__empty">{t('kiosk.shop.basketEmpty')}</p>
      ) : (
        <ul className="kiosk-basket__lines" aria-label={t('kiosk.shop.basketTitle')}>
          {lines.map((line) => (
            <li key={line.goods.id} className="kiosk-basket__line">
              <span className="kiosk-basket__name">{line.goods.name}</span>
              <span className="kiosk-basket__qty">
                <button
                  type="button"
                  className="kiosk-step-button"
                  aria-label={t('kiosk.shop.less', { name: line.goods.name })}
                  onClick={() => onLess(line.goods.id)}
                  disabled={confirming}
                >
                  −
                </button>
                <output aria-label={line.goods.name}>{line.quantity}</output>
                <button
                  type="button"
                  className="kiosk-step-button"
                  aria-label={t('kiosk.shop.more', { name: line.goods.name })}
                  onClick={() => onMore(line.goods.id)}
                  disabled={confirming}
                >
                  +
                </button>
              </span>
              <span className="kiosk-basket__points">{formatPoints(line.points)}</span>
            </li>
          ))}
        </ul>
      )}
      <dl className="kiosk-basket__sums">
        <div>
          <dt>{t('kiosk.shop.total')}</dt>
          <dd data-testid="basket-total">{t('kiosk.shop.pointsUnit', { points: formatPoints(total) })}</dd>
        </div>
        <div>
          <dt>{t('kiosk.shop.remaining')}</dt>
          <dd data-testid="basket-remaining">
            {t('kiosk.shop.pointsUnit', { points: formatPoints(remaining) })}
          </dd>
        </div>
      </dl>
      <Button
        size="xl"
        block
        onClick={onConfirm}
        loading={confirming}
        disabled={lines.length === 0 || remaining < 0}
      >
        {confirming ? t('kiosk.shop.confirming') : t('kiosk.shop.confirm')}
      </Button>
    </section>
  );
}
