import { StatusBadge } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { DetailList } from '../../common/detail-list';
import { sumFen, yuan, type Distribution } from '../dividends-api';

/** The pool, what households get, what stays in named accounts, and the check that they add up to the fen. */
export function DistributionTotals({ distribution: d }: { distribution: Distribution }) {
  const { t, i18n } = useTranslation();
  const accountName = (account: string) => {
    const key = `dividends.accounts.${account}`;
    return i18n.exists(key) ? t(key) : account;
  };
  const placed = BigInt(d.householdTotalFen) + sumFen(d.accountParts.map((a) => a.amountFen));
  const exact = placed === BigInt(d.poolFen);
  return (
    <section className="admin-section" aria-labelledby="totals">
      <h2 id="totals">{t('dividends.totals.title')}</h2>
      <DetailList
        items={[
          { key: 'pool', label: t('dividends.dryRun.pool'), value: <strong>{yuan(d.poolFen)}</strong> },
          {
            key: 'households',
            label: t('dividends.totals.households', { count: d.householdCount }),
            value: <span data-testid="household-total">{yuan(d.householdTotalFen)}</span>,
          },
          ...d.accountParts.map((a) => ({
            key: `account-${a.account}`,
            label: t('dividends.totals.account', { name: accountName(a.account) }),
            value: yuan(a.amountFen),
          })),
          {
            key: 'check',
            label: t('dividends.totals.check'),
            value: (
              <StatusBadge tone={exact ? 'ok' : 'error'}>
                {t(exact ? 'dividends.totals.exact' : 'dividends.totals.mismatch', {
                  placed: yuan(String(placed)),
                  pool: yuan(d.poolFen),
                })}
              </StatusBadge>
            ),
          },
        ]}
      />
    </section>
  );
}
