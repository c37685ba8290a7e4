import type { LedgerTrialBalance } from '@fupin/contracts';
import { formatPoints } from '@fupin/money';
import { Button, ErrorState, LoadingState, Notice } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { Figure } from '../stores/reserve-panel';
import { LEDGER } from '../points-api';

/** 试算平衡: every balance and every leg must add up to zero, and no account may disagree with its legs. */
export function TrialBalancePage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const check = useApiQuery(
    (c, signal) => c.get<LedgerTrialBalance>(`${LEDGER}/accounts/trial-balance`, { signal }),
    [],
  );
  const data = check.data;
  const balanced = data
    ? data.sumOfBalances === 0 && data.sumOfLegs === 0 && data.mismatchedAccounts === 0
    : false;
  return (
    <div>
      <PageHeader
        title={t('points.trial.title')}
        description={t('points.trial.description')}
        actions={
          <Button variant="secondary" loading={check.loading} onClick={check.reload}>
            {t('points.trial.recheck')}
          </Button>
        }
      />
      {check.error ? (
        <ErrorState message={errorText(check.error)} onRetry={check.reload} />
      ) : !data ? (
        <LoadingState />
      ) : (
        <>
          {balanced ? (
            <Notice tone="ok" title={t('points.trial.balanced')} />
          ) : (
            <Notice tone="error" title={t('points.trial.unbalanced')}>
              {t('points.trial.unbalancedHint')}
            </Notice>
          )}
          <div className="points-figures">
            <Figure label={t('points.trial.accounts')} value={formatPoints(data.accounts)} />
            <Figure label={t('points.trial.sumOfBalances')} value={formatPoints(data.sumOfBalances)} />
            <Figure label={t('points.trial.sumOfLegs')} value={formatPoints(data.sumOfLegs)} />
            <Figure label={t('points.trial.mismatched')} value={formatPoints(data.mismatchedAccounts)} />
          </div>
        </>
      )}
    </div>
  );
}
