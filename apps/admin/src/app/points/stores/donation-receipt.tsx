import type { DonationReceipt } from '@fupin/contracts';
import { formatFen } from '@fupin/money';
import { Button } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';

/** 捐赠收据: printed for the donor; the amount in capitals (大写) comes from the ledger. */
export function DonationReceiptView({ receipt }: { receipt: DonationReceipt }) {
  const { t } = useTranslation();
  const language = useLanguage();
  return (
    <div className="points-section">
      <div className="points-receipt" role="region" aria-label={t('points.receipt.title')}>
        <h2>{t('points.receipt.title')}</h2>
        <p>
          {t('points.receipt.number')}：<span className="admin-mono">{receipt.receiptNumber}</span>
        </p>
        <p>
          {t('points.receipt.received', {
            donor: receipt.donorName,
            store: receipt.storeName,
            at: formatDateTime(receipt.receivedAt, language),
          })}
        </p>
        {receipt.donorContact ? (
          <p>
            {t('points.receipt.contact')}：{receipt.donorContact}
          </p>
        ) : null}
        <table className="fp-table">
          <caption className="fp-visually-hidden">{t('points.receipt.lines')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('points.goods.name')}</th>
              <th scope="col" className="fp-align-end">
                {t('points.stock.quantity')}
              </th>
              <th scope="col" className="fp-align-end">
                {t('points.stock.declaredValue')}
              </th>
            </tr>
          </thead>
          <tbody>
            {receipt.lines.map((line) => (
              <tr key={line.goodsId}>
                <th scope="row">{line.name}</th>
                <td className="fp-align-end">
                  {line.quantity} {line.unit}
                </td>
                <td className="fp-align-end">{formatFen(line.declaredValueFen)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <p>
          <strong>
            {t('points.receipt.total')}：{formatFen(receipt.declaredValueFen)}
          </strong>
        </p>
        <p>
          {t('points.receipt.capital')}：<strong>{receipt.declaredValueText}</strong>
        </p>
        <p className="points-receipt__thanks">{t('points.receipt.thanks')}</p>
        <p>{t('points.receipt.signature')}</p>
      </div>
      <div className="points-no-print admin-form-buttons">
        <Button variant="secondary" onClick={() => window.print()}>
          {t('points.receipt.print')}
        </Button>
      </div>
    </div>
  );
}
