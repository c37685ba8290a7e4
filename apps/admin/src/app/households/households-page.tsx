import type { HouseholdSummary, Paginated } from '@fupin/contracts';
import { DataTable, EmptyState, ErrorState, LoadingState, type DataTableColumn } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { can } from '../auth/permissions';
import { useUser } from '../auth/session-context';
import { PageHeader } from '../common/page-header';
import { useApiQuery } from '../common/use-api-query';
import { useErrorText } from '../common/use-error-text';
import { CardText, HouseholdClassText, PovertyStatusBadge } from './household-badges';
import { HouseholdFilters } from './household-filters';
import {
  apiQueryFromFilters,
  filtersFromSearch,
  HOUSEHOLD_PAGE_SIZE,
  searchFromFilters,
  type HouseholdFilters as Filters,
} from './household-list-query';

export const HOUSEHOLDS_PATH = '/api/registry/households';

/** 建档立卡户: every household in the reader's region, filtered, sorted and paged. */
export function HouseholdsPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const user = useUser();
  const [search, setSearch] = useSearchParams();
  const filters = filtersFromSearch(search);
  const query = apiQueryFromFilters(filters);
  const list = useApiQuery(
    (client, signal) => client.get<Paginated<HouseholdSummary>>(HOUSEHOLDS_PATH, { query, signal }),
    [JSON.stringify(query)],
  );
  const change = (next: Filters) => setSearch(searchFromFilters(next));

  const columns: DataTableColumn<HouseholdSummary>[] = [
    {
      key: 'number',
      header: t('households.columns.number'),
      rowHeader: true,
      render: (row) => (
        <Link to={`/households/${row.id}`} className="admin-mono">
          {row.householdNumber}
        </Link>
      ),
    },
    { key: 'head', header: t('households.columns.head'), render: (row) => row.headName },
    {
      key: 'place',
      header: t('households.columns.place'),
      render: (row) => [row.villageName, row.groupName].filter(Boolean).join(' · '),
    },
    {
      key: 'members',
      header: t('households.columns.members'),
      align: 'end',
      render: (row) => row.memberCount,
    },
    {
      key: 'status',
      header: t('households.columns.status'),
      render: (row) => <PovertyStatusBadge status={row.povertyStatus} />,
    },
    {
      key: 'class',
      header: t('households.columns.class'),
      render: (row) => <HouseholdClassText household={row} />,
    },
    { key: 'card', header: t('households.columns.card'), render: (row) => <CardText household={row} /> },
  ];

  const mayWrite = can(user.role, 'households.write');
  return (
    <div className="admin-households">
      <PageHeader
        title={t('households.title')}
        description={t('households.description')}
        actions={
          mayWrite ? (
            <>
              <Link className="fp-button fp-button--primary fp-button--md" to="/households/new">
                {t('households.register')}
              </Link>
              <Link className="fp-button fp-button--secondary fp-button--md" to="/households/import">
                {t('households.importAction')}
              </Link>
            </>
          ) : null
        }
      />
      <HouseholdFilters filters={filters} onChange={change} />
      {list.error ? (
        <ErrorState message={errorText(list.error)} onRetry={list.reload} />
      ) : !list.data ? (
        <LoadingState label={t('households.loading')} />
      ) : (
        <>
          <p className="admin-total" role="status">
            {list.loading ? t('households.loading') : t('households.total', { count: list.data.total })}
          </p>
          <DataTable
            stackOnPhone
            caption={t('households.caption')}
            captionHidden
            columns={columns}
            rows={list.data.items}
            rowKey={(row) => row.id}
            empty={<EmptyState title={t('households.empty')} description={t('households.emptyHint')} />}
            pagination={{
              page: filters.page,
              pageSize: HOUSEHOLD_PAGE_SIZE,
              total: list.data.total,
              onPageChange: (page) => change({ ...filters, page }),
            }}
          />
        </>
      )}
    </div>
  );
}
