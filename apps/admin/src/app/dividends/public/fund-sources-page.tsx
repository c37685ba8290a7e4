import type { Paginated, PublicFundSource } from '@fupin/contracts';
import { formatFen, toFen } from '@fupin/money';
import { DataTable, EmptyState, ErrorState, LoadingState, type DataTableColumn } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { useKindLabel } from '../fund-flow/fund-flow-words';
import { PUBLIC_API, PUBLIC_PAGES } from './public-api';
import { PublicLinks } from './public-links';

const PAGE_SIZE = 20;

/** 资金去向公开查询: every fund source (and posted dividend), what reached households; open a row for its tree. */
export function FundSourcesPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const kindLabel = useKindLabel();
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number(search.get('page') ?? 1) || 1);
  const list = useApiQuery(
    (client, signal) =>
      client.get<Paginated<PublicFundSource>>(PUBLIC_API.fundSources, {
        query: { page, pageSize: PAGE_SIZE },
        signal,
      }),
    [page],
  );
  const columns: DataTableColumn<PublicFundSource>[] = [
    {
      key: 'name',
      header: t('divPublic.funds.columns.name'),
      rowHeader: true,
      render: (s) => <Link to={PUBLIC_PAGES.fund(s.id)}>{s.name}</Link>,
    },
    { key: 'kind', header: t('divPublic.funds.columns.kind'), render: (s) => kindLabel(s.kind) },
    {
      key: 'amount',
      header: t('divPublic.funds.columns.amount'),
      align: 'end',
      render: (s) => formatFen(toFen(s.amountFen)),
    },
    {
      key: 'households',
      header: t('divPublic.funds.columns.households'),
      align: 'end',
      render: (s) => formatFen(toFen(s.householdsFen)),
    },
    {
      key: 'count',
      header: t('divPublic.funds.columns.count'),
      align: 'end',
      render: (s) => t('divPublic.funds.householdCount', { count: s.householdCount }),
    },
    { key: 'reference', header: t('divPublic.funds.columns.reference'), render: (s) => s.reference },
  ];
  return (
    <div className="div-public">
      <PublicLinks />
      <PageHeader title={t('divPublic.funds.title')} description={t('divPublic.funds.description')} />
      {list.error ? (
        <ErrorState message={errorText(list.error)} onRetry={list.reload} />
      ) : !list.data ? (
        <LoadingState label={t('divPublic.loading')} />
      ) : (
        <DataTable
          stackOnPhone
          caption={t('divPublic.funds.caption')}
          captionHidden
          columns={columns}
          rows={list.data.items}
          rowKey={(s) => s.id}
          empty={
            <EmptyState title={t('divPublic.funds.empty')} description={t('divPublic.funds.emptyHint')} />
          }
          pagination={{
            page,
            pageSize: PAGE_SIZE,
            total: list.data.total,
            onPageChange: (next) => setSearch({ page: String(next) }),
          }}
        />
      )}
    </div>
  );
}
