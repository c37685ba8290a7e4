import { DataTable, EmptyState, ErrorState, LoadingState, type DataTableColumn } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { DIVIDENDS, yuan, type Distribution } from '../dividends-api';
import { EntityFrame } from '../entities/entity-frame';
import { DistributionStatusBadge } from './distribution-status';

/** The entity's distributions, newest last, each with its status on the way to payment. */
export function DistributionsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const errorText = useErrorText();
  const user = useUser();
  const list = useApiQuery(
    (client, signal) => client.get<Distribution[]>(`${DIVIDENDS}/entities/${id}/distributions`, { signal }),
    [id],
  );
  const columns: DataTableColumn<Distribution>[] = [
    {
      key: 'title',
      header: t('dividends.distribution.titleField'),
      rowHeader: true,
      render: (d) => <Link to={`/dividends/distributions/${d.id}`}>{d.title}</Link>,
    },
    {
      key: 'period',
      header: t('dividends.income.period'),
      render: (d) => `${d.periodStart} – ${d.periodEnd}`,
    },
    { key: 'pool', header: t('dividends.distribution.pool'), align: 'end', render: (d) => yuan(d.poolFen) },
    {
      key: 'households',
      header: t('dividends.distribution.households'),
      align: 'end',
      render: (d) => d.householdCount,
    },
    {
      key: 'status',
      header: t('dividends.distribution.status'),
      render: (d) => <DistributionStatusBadge status={d.status} />,
    },
  ];
  return (
    <EntityFrame
      entityId={id}
      title={t('dividends.distributions.title')}
      description={t('dividends.distributions.description')}
      actions={
        can(user.role, 'dividends.write') ? (
          <Link
            className="fp-button fp-button--primary fp-button--md"
            to={`/dividends/entities/${id}/distributions/new`}
          >
            {t('dividends.distributions.new')}
          </Link>
        ) : null
      }
    >
      {() =>
        list.error ? (
          <ErrorState message={errorText(list.error)} onRetry={list.reload} />
        ) : !list.data ? (
          <LoadingState label={t('dividends.loading')} />
        ) : (
          <DataTable
            stackOnPhone
            caption={t('dividends.distributions.caption', { count: list.data.length })}
            columns={columns}
            rows={[...list.data].reverse()}
            rowKey={(d) => d.id}
            empty={<EmptyState title={t('dividends.distributions.empty')} />}
          />
        )
      }
    </EntityFrame>
  );
}
