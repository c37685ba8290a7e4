import { newIdempotencyKey } from '@fupin/api-client';
import type { Paginated, SettlementSummary, SettlementView } from '@fupin/contracts';
import { formatFen } from '@fupin/money';
import {
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  Notice,
  useApiClient,
  type DataTableColumn,
} from '@fupin/ui';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { ConfirmButton } from '../../common/confirm-button';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { MARKET } from '../market-api';

const PAGE_SIZE = 20;

/**
 * 结算: the county office settles every accepted, unsettled sale into a payout batch (one line per
 * household) and hands the bank file to the bank; earlier runs are listed newest first.
 */
export function SettlementsPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const client = useApiClient();
  const navigate = useNavigate();
  const user = useUser();
  const [page, setPage] = useState(1);
  const [running, setRunning] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  // One key per intended run: a retry after a lost answer gets the same batch, never a second one.
  const key = useRef(newIdempotencyKey());
  const list = useApiQuery(
    (client, signal) =>
      client.get<Paginated<SettlementSummary>>(`${MARKET}/settlements`, {
        query: { page, pageSize: PAGE_SIZE },
        signal,
      }),
    [page],
  );

  const run = async () => {
    setRunning(true);
    setFailure(null);
    try {
      const result = await client.post<SettlementView>(`${MARKET}/settlements`, undefined, {
        idempotencyKey: key.current,
      });
      key.current = newIdempotencyKey();
      void navigate(`/market/settlements/${result.id}`);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setRunning(false);
    }
  };

  const columns: DataTableColumn<SettlementSummary>[] = [
    {
      key: 'time',
      header: t('market.settlement.columns.time'),
      rowHeader: true,
      render: (row) => (
        <Link to={`/market/settlements/${row.id}`}>{formatDateTime(row.createdAt, language)}</Link>
      ),
    },
    {
      key: 'orders',
      header: t('market.settlement.columns.orders'),
      align: 'end',
      render: (row) => row.orderCount,
    },
    {
      key: 'households',
      header: t('market.settlement.columns.households'),
      align: 'end',
      render: (row) => row.householdCount,
    },
    {
      key: 'total',
      header: t('market.settlement.columns.total'),
      align: 'end',
      render: (row) => formatFen(row.totalFen),
    },
  ];

  return (
    <div>
      <PageHeader
        title={t('market.settlement.title')}
        description={t('market.settlement.description')}
        actions={
          can(user.role, 'market.settlement.run') ? (
            <ConfirmButton
              variant="primary"
              busy={running}
              question={t('market.settlement.runQuestion')}
              confirmLabel={t('market.settlement.runConfirm')}
              onConfirm={run}
            >
              {t('market.settlement.run')}
            </ConfirmButton>
          ) : null
        }
      />
      {failure ? <Notice tone="error" title={failure} /> : null}
      {list.error ? (
        <ErrorState message={errorText(list.error)} onRetry={list.reload} />
      ) : !list.data ? (
        <LoadingState label={t('market.loading')} />
      ) : (
        <DataTable
          stackOnPhone
          caption={t('market.settlement.runs')}
          columns={columns}
          rows={list.data.items}
          rowKey={(row) => row.id}
          empty={<EmptyState title={t('market.settlement.empty')} />}
          pagination={{ page, pageSize: PAGE_SIZE, total: list.data.total, onPageChange: setPage }}
        />
      )}
    </div>
  );
}
