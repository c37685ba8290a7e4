import type { RedemptionReceipt } from '@fupin/contracts';
import { formatPoints } from '@fupin/money';
import { Button } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { SpeakerIcon } from './speaker-icon';
import { canSpeak, speak, spokenPoints } from './speech';

/** The China wall-clock time of an instant, e.g. 2026-12-02 14:05 (kiosks may run on UTC). */
export function chinaTime(iso: string): string {
  return new Date(new Date(iso).getTime() + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');
}

export interface ReceiptStepProps {
  receipt: RedemptionReceipt;
  onDone(): void;
}

/**
 * Screen 4: what was redeemed and what is left, with a print button. The receipt itself is laid
 * out for a 58 mm receipt printer (see `@media print` in styles.css): only it is printed.
 */
export function ReceiptStep({ receipt, onDone }: ReceiptStepProps) {
  const { t, i18n } = useTranslation();
  const readAloud = () => {
    const language = i18n.language;
    speak(
      t('kiosk.receipt.speak', {
        total: spokenPoints(receipt.totalPoints, language),
        remaining: spokenPoints(receipt.balanceAfter, language),
      }),
      language,
    );
  };
  return (
    <div className="kiosk-receipt-screen">
      <h1 className="kiosk-step-title kiosk-receipt-screen__title">
        <span aria-hidden="true">✓ </span>
        {t('kiosk.receipt.title')}
      </h1>
      <article className="kiosk-receipt" aria-label={t('kiosk.receipt.title')}>
        <p className="kiosk-receipt__store">{receipt.storeName}</p>
        <dl className="kiosk-receipt__meta">
          <div>
            <dt>{t('kiosk.receipt.number')}</dt>
            <dd data-testid="receipt-number">{receipt.receiptNumber}</dd>
          </div>
          <div>
            <dt>{t('kiosk.receipt.household')}</dt>
            <dd>
              {receipt.headName}（{receipt.householdNumber}）
            </dd>
          </div>
          <div>
            <dt>{t('kiosk.receipt.time')}</dt>
            <dd>{chinaTime(receipt.createdAt)}</dd>
          </div>
        </dl>
        <table className="kiosk-receipt__lines">
          <thead>
            <tr>
              <th scope="col">{t('kiosk.receipt.goods')}</th>
              <th scope="col">{t('kiosk.receipt.quantity')}</th>
              <th scope="col">{t('kiosk.receipt.points')}</th>
            </tr>
          </thead>
          <tbody>
            {receipt.lines.map((line) => (
              <tr key={line.goodsId}>
                <td>
                  {line.name}
                  <span className="kiosk-receipt__unit">
                    {' '}
                    {line.unit} × {formatPoints(line.unitPoints)}
                  </span>
                </td>
                <td>{line.quantity}</td>
                <td>{formatPoints(line.points)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <dl className="kiosk-receipt__sums">
          <div>
            <dt>{t('kiosk.receipt.total')}</dt>
            <dd data-testid="receipt-total">
              {t('kiosk.shop.pointsUnit', { points: formatPoints(receipt.totalPoints) })}
              <span className="kiosk-receipt__words">（{receipt.totalPointsText}）</span>
            </dd>
          </div>
          <div>
            <dt>{t('kiosk.receipt.balanceAfter')}</dt>
            <dd data-testid="receipt-balance">
              {t('kiosk.shop.pointsUnit', { points: formatPoints(receipt.balanceAfter) })}
            </dd>
          </div>
        </dl>
        <p className="kiosk-receipt__thanks">{t('kiosk.receipt.thanks')}</p>
      </article>
      <div className="kiosk-receipt-screen__actions">
        {canSpeak() ? (
          <Button variant="secondary" size="lg" onClick={readAloud}>
            <SpeakerIcon />
            {t('kiosk.shop.readAloud')}
          </Button>
        ) : null}
        <Button variant="secondary" size="xl" onClick={() => window.print()}>
          {t('kiosk.receipt.print')}
        </Button>
        <Button size="xl" onClick={onDone}>
          {t('kiosk.receipt.done')}
        </Button>
      </div>
    </div>
  );
}
