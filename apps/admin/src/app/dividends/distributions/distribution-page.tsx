import { ErrorState, LoadingState } from '@fupin/ui';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { DetailList } from '../../common/detail-list';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { DIVIDENDS, type Distribution } from '../dividends-api';
import { PayoutsPanel } from '../payouts/payouts-panel';
import { DistributionStatusBadge } from './distribution-status';
import { DistributionTotals } from './distribution-totals';
import { DistributionWorkflow } from './distribution-workflow';
import { DryRunTable } from './dry-run-table';
import '../dividends.css';

/** One distribution from dry run to payment: totals, every household's amount, the next step, payouts. */
export function DistributionPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const errorText = useErrorText();
  const user = useUser();
  const loaded = useApiQuery(
    (client, signal) => client.get<Distribution>(`${DIVIDENDS}/distributions/${id}`, { signal }),
    [id],
  );
  const [current, setCurrent] = useState<Distribution | undefined>(undefined);
  useEffect(() => setCurrent(loaded.data), [loaded.data]);
  const d = current ?? loaded.data;
  if (loaded.error) return <ErrorState message={errorText(loaded.error)} onRetry={loaded.reload} />;
  if (!d) return <LoadingState label={t('dividends.loading')} />;
  return (
    <div className="dividends-page">
      <PageHeader
        title={d.title}
        description={<DistributionStatusBadge status={d.status} />}
        back={
          <Link to={`/dividends/entities/${d.entityId}/distributions`}>
            ← {t('dividends.distributions.back')}
          </Link>
        }
      />
      <DetailList
        items={[
          { key: 'period', label: t('dividends.income.period'), value: `${d.periodStart} – ${d.periodEnd}` },
          {
            key: 'plan',
            label: t('dividends.distributions.plan'),
            value: (
              <Link to={`/dividends/entities/${d.entityId}/plans/${d.planId}`}>
                {t('dividends.distributions.planVersion', { version: d.planVersion })}
              </Link>
            ),
          },
        ]}
      />
      <DistributionTotals distribution={d} />
      <DistributionWorkflow distribution={d} role={user.role} onChanged={setCurrent} />
      {d.status === 'posted' ? (
        <PayoutsPanel distribution={d} mayPay={can(user.role, 'dividends.pay')} />
      ) : null}
      <DryRunTable distribution={d} />
    </div>
  );
}
