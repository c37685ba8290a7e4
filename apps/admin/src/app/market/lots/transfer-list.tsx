import { TRANSFER_STATUSES, type Paginated, type TransferListItem } from '@fupin/contracts';
import {
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  SelectField,
  StatusBadge,
  type DataTableColumn,
} from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { MARKET, receivePath, useNetwork } from '../market-api';
import { gramsToKg } from '../market-units';

const PAGE_SIZE = 20;

/** Organisations that send or receive lots. */
const PLACES = ['collection_point', 'sorting_station', 'county_supermarket'];

/**
 * Transfers to (`incoming`: by default those still to receive, each a tap away from the receive
 * form) or from (`outgoing`) the user's organisation; without a direction, the county's view of
 * every transfer, by organisation and status.
 */
export function TransferList({ direction }: { direction?: 'incoming' | 'outgoing' }) {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const user = useUser();
  const [search, setSearch] = useSearchParams();
  // The 待收货 list shows what is on the way unless asked otherwise; `all` means every status.
  const rawStatus = search.get('status');
  const status =
    rawStatus === null ? (direction === 'incoming' ? 'sent' : '') : rawStatus === 'all' ? '' : rawStatus;
  const organisation = direction ? '' : (search.get('organisation') ?? '');
  const page = Number(search.get('page') ?? 1) || 1;
  const network = useNetwork();
  const places = (network.data ?? []).filter((o) => PLACES.includes(o.type));
  const query = {
    direction,
    status: status || undefined,
    organisation: organisation || undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const list = useApiQuery(
    (client, signal) => client.get<Paginated<TransferListItem>>(`${MARKET}/transfers`, { query, signal }),
    [JSON.stringify(query)],
  );
  const change = (next: { status?: string; organisation?: string; page?: number }) => {
    const params = new URLSearchParams(search);
    const merged = { status: rawStatus ?? '', organisation, page: 1, ...next };
    if (next.status !== undefined) merged.status = next.status || (direction === 'incoming' ? 'all' : '');
    for (const [key, value] of Object.entries(merged)) {
      if (value && !(key === 'page' && value === 1)) params.set(key, String(value));
      else params.delete(key);
    }
    setSearch(params);
  };
  const mayReceive = direction === 'incoming' && can(user.role, 'market.lots.write');

  const columns: DataTableColumn<TransferListItem>[] = [
    {
      key: 'lot',
      header: t('market.transfers.columns.lot'),
      rowHeader: true,
      render: (row) => (
        <Link to={`/market/lots/${row.lotId}`} className="admin-mono">
          {row.traceCode}
        </Link>
      ),
    },
    {
      key: 'produce',
      header: t('market.transfers.columns.produce'),
      render: (row) => `${row.produce} · ${t(`market.grades.${row.grade}`)}`,
    },
    {
      key: 'sent',
      header: t('market.transfers.columns.sent'),
      align: 'end',
      render: (row) => `${gramsToKg(row.sentGrams)} kg`,
    },
    ...(direction === 'outgoing'
      ? []
      : [
          {
            key: 'from',
            header: t('market.transfers.columns.from'),
            render: (row: TransferListItem) => row.fromOrganisationName,
          },
        ]),
    ...(direction === 'incoming'
      ? []
      : [
          {
            key: 'to',
            header: t('market.transfers.columns.to'),
            render: (row: TransferListItem) => row.toOrganisationName,
          },
        ]),
    {
      key: 'sentAt',
      header: t('market.transfers.columns.sentAt'),
      render: (row) => formatDateTime(row.sentAt, language),
    },
    {
      key: 'status',
      header: t('market.transfers.columns.status'),
      render: (row) => (
        <StatusBadge tone={row.status === 'sent' ? 'pending' : 'ok'}>
          {t(`market.transfers.status.${row.status}`)}
        </StatusBadge>
      ),
    },
    {
      key: 'received',
      header: t('market.transfers.columns.received'),
      render: (row) =>
        row.receivedGrams === null ? (
          '—'
        ) : (
          <>
            {t('market.transfers.received', { kg: gramsToKg(row.receivedGrams) })}
            <div className="admin-muted">
              {row.lossGrams
                ? t('market.transfers.loss', { kg: gramsToKg(row.lossGrams), reason: row.lossReason ?? '' })
                : t('market.transfers.noLoss')}
            </div>
          </>
        ),
    },
    ...(mayReceive
      ? [
          {
            key: 'action',
            header: t('market.transfers.columns.action'),
            render: (row: TransferListItem) =>
              row.status === 'sent' ? (
                <Link
                  className="fp-button fp-button--primary fp-button--lg market-lots__receive"
                  to={receivePath(row)}
                  aria-label={t('market.transfers.receiveLabel', { code: row.traceCode })}
                >
                  {t('market.transfers.receive')}
                </Link>
              ) : null,
          },
        ]
      : []),
  ];

  const empty =
    direction === 'incoming' && status === 'sent'
      ? t('market.transfers.emptyIncoming')
      : direction === 'outgoing' && !status
        ? t('market.transfers.emptyOutgoing')
        : t('market.transfers.empty');
  const help = direction
    ? t(direction === 'incoming' ? 'market.transfers.incomingHelp' : 'market.transfers.outgoingHelp')
    : t('market.transfers.allHelp');
  return (
    <div>
      <p>{help}</p>
      <form
        className="admin-filters"
        role="search"
        aria-label={t('market.transfers.filters')}
        onSubmit={(event) => event.preventDefault()}
      >
        <div className="admin-filters__row">
          <SelectField
            label={t('market.transfers.statusFilter')}
            value={status}
            placeholder={t('adm.all')}
            options={TRANSFER_STATUSES.map((value) => ({
              value,
              label: t(`market.transfers.status.${value}`),
            }))}
            onChange={(event) => change({ status: event.target.value })}
          />
          {direction ? null : (
            <SelectField
              label={t('market.transfers.placeFilter')}
              value={organisation}
              placeholder={t('adm.all')}
              options={places.map((o) => ({ value: o.id, label: o.name }))}
              onChange={(event) => change({ organisation: event.target.value })}
            />
          )}
        </div>
      </form>
      {list.error ? (
        <ErrorState message={errorText(list.error)} onRetry={list.reload} />
      ) : !list.data ? (
        <LoadingState label={t('market.loading')} />
      ) : (
        <>
          <p className="admin-total" role="status">
            {list.loading ? t('market.loading') : t('market.transfers.total', { count: list.data.total })}
          </p>
          <DataTable
            stackOnPhone
            caption={help}
            captionHidden
            columns={columns}
            rows={list.data.items}
            rowKey={(row) => row.id}
            empty={<EmptyState title={empty} />}
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
