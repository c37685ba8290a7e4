import type { StoreView } from '@fupin/contracts';
import { DataTable, EmptyState, ErrorState, LoadingState, StatusBadge } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { LEDGER } from '../points-api';

/** 爱心超市: the love supermarkets in the reader's region (a keeper sees their own). */
export function StoresPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const stores = useApiQuery((client, signal) => client.get<StoreView[]>(`${LEDGER}/stores`, { signal }), []);
  return (
    <div>
      <PageHeader title={t('points.stores.title')} description={t('points.stores.description')} />
      {stores.error ? (
        <ErrorState message={errorText(stores.error)} onRetry={stores.reload} />
      ) : !stores.data ? (
        <LoadingState />
      ) : (
        <DataTable
          stackOnPhone
          caption={t('points.stores.caption', { count: stores.data.length })}
          rows={stores.data}
          rowKey={(row) => row.id}
          empty={<EmptyState title={t('points.stores.empty')} />}
          columns={[
            {
              key: 'name',
              header: t('points.stores.name'),
              rowHeader: true,
              render: (row) => <Link to={`/points/stores/${row.id}`}>{row.name}</Link>,
            },
            {
              key: 'village',
              header: t('points.stores.village'),
              render: (row) => <span className="admin-mono">{row.villageCode}</span>,
            },
            {
              key: 'active',
              header: t('points.stores.state'),
              render: (row) =>
                row.active ? (
                  <StatusBadge tone="ok">{t('points.stores.active')}</StatusBadge>
                ) : (
                  <StatusBadge tone="neutral">{t('points.stores.inactive')}</StatusBadge>
                ),
            },
          ]}
        />
      )}
    </div>
  );
}
