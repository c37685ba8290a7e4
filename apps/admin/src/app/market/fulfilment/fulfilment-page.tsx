import { ORDER_STATUSES, type OrderStatus, type OrderView, type Paginated } from '@fupin/contracts';
import { formatFen } from '@fupin/money';
import {
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  SelectField,
  type DataTableColumn,
} from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { MARKET, useNetwork } from '../market-api';
import '../market.css';
import { OrderActions } from './order-actions';
import { OrderStatusBadge } from './order-status';

const PAGE_SIZE = 20;

/** 订单履约: the county supermarket's orders, newest first, filtered by status and work unit. */
export function FulfilmentPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const [search, setSearch] = useSearchParams();
  const status = (search.get('status') ?? '') as OrderStatus | '';
  const workUnitId = search.get('workUnit') ?? '';
  const page = Number(search.get('page') ?? 1) || 1;
  const network = useNetwork();
  const workUnits = (network.data ?? []).filter((o) => o.type === 'work_unit');
  const unitName = (id: string) => workUnits.find((o) => o.id === id)?.name ?? id.slice(0, 8);
  const query = {
    status: status || undefined,
    workUnitId: workUnitId || undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const list = useApiQuery(
    (client, signal) => client.get<Paginated<OrderView>>(`${MARKET}/fulfilment/orders`, { query, signal }),
    [JSON.stringify(query)],
  );
  const change = (next: { status?: string; workUnit?: string; page?: number }) => {
    const merged = { status, workUnit: workUnitId, page: 1, ...next };
    const params = new URLSearchParams();
    if (merged.status) params.set('status', merged.status);
    if (merged.workUnit) params.set('workUnit', merged.workUnit);
    if (merged.page > 1) params.set('page', String(merged.page));
    setSearch(params);
  };

  const columns: DataTableColumn<OrderView>[] = [
    {
      key: 'number',
      header: t('market.fulfilment.columns.number'),
      rowHeader: true,
      render: (row) => <span className="admin-mono">{row.orderNumber}</span>,
    },
    {
      key: 'time',
      header: t('market.fulfilment.columns.time'),
      render: (row) => formatDateTime(row.paidAt ?? row.createdAt, language),
    },
    {
      key: 'unit',
      header: t('market.fulfilment.columns.workUnit'),
      render: (row) => unitName(row.workUnitId),
    },
    {
      key: 'lines',
      header: t('market.fulfilment.columns.lines'),
      render: (row) => row.lines.map((line) => `${line.productName} × ${line.quantity}`).join('；'),
    },
    {
      key: 'total',
      header: t('market.fulfilment.columns.total'),
      align: 'end',
      render: (row) => (
        <>
          {formatFen(row.totalFen)}
          {row.refundedFen > 0 ? (
            <div className="admin-muted">
              {t('market.fulfilment.refunded', { amount: formatFen(row.refundedFen) })}
            </div>
          ) : null}
        </>
      ),
    },
    {
      key: 'way',
      header: t('market.fulfilment.columns.fulfilment'),
      render: (row) => t(`market.fulfilment.way.${row.fulfilment}`),
    },
    {
      key: 'status',
      header: t('market.fulfilment.columns.status'),
      render: (row) => <OrderStatusBadge status={row.status} />,
    },
    {
      key: 'actions',
      header: t('market.fulfilment.columns.actions'),
      render: (row) => <OrderActions order={row} onChanged={list.reload} />,
    },
  ];

  return (
    <div className="market-fulfilment">
      <PageHeader
        title={t('market.fulfilment.title')}
        description={t('market.fulfilment.description')}
        actions={
          <>
            <Link className="fp-button fp-button--primary fp-button--md" to="/market/fulfilment/picking-list">
              {t('market.fulfilment.pickingList')}
            </Link>
            <Link
              className="fp-button fp-button--secondary fp-button--md"
              to="/market/fulfilment/packing-lists"
            >
              {t('market.fulfilment.packingLists')}
            </Link>
          </>
        }
      />
      <div className="admin-filters">
        <div className="admin-filters__row">
          <SelectField
            label={t('market.fulfilment.status')}
            value={status}
            placeholder={t('adm.all')}
            options={ORDER_STATUSES.map((value) => ({ value, label: t(`market.orderStatus.${value}`) }))}
            onChange={(event) => change({ status: event.target.value })}
          />
          <SelectField
            label={t('market.fulfilment.workUnit')}
            value={workUnitId}
            placeholder={t('adm.all')}
            options={workUnits.map((o) => ({ value: o.id, label: o.name }))}
            onChange={(event) => change({ workUnit: event.target.value })}
          />
        </div>
      </div>
      {list.error ? (
        <ErrorState message={errorText(list.error)} onRetry={list.reload} />
      ) : !list.data ? (
        <LoadingState label={t('market.loading')} />
      ) : (
        <>
          <p className="admin-total" role="status">
            {list.loading ? t('market.loading') : t('market.fulfilment.total', { count: list.data.total })}
          </p>
          <DataTable
            stackOnPhone
            caption={t('market.fulfilment.title')}
            captionHidden
            columns={columns}
            rows={list.data.items}
            rowKey={(row) => row.id}
            empty={<EmptyState title={t('market.fulfilment.empty')} />}
            pagination={{
              page,
              pageSize: PAGE_SIZE,
              total: list.data.total,
              onPageChange: (next) => change({ page: next }),
            }}
          />
        </>
      )}
    </div>
  );
}
