import type { Paginated, PointsAccountView, StatementLine } from '@fupin/contracts';
import { formatPoints } from '@fupin/money';
import {
  Button,
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  Notice,
  StatusBadge,
  useApiClient,
} from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatDateTime } from '../../common/format';
import { localiseServerText, useLanguage } from '../../common/language';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { Figure } from '../stores/reserve-panel';
import { LEDGER, saveFile, signedPoints } from '../points-api';

const PAGE_SIZE = 20;

/** 积分账户: a household's balance, points still under notice, and every posting (newest first). */
export function HouseholdPointsPage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const client = useApiClient();
  const [page, setPage] = useState(1);
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const account = useApiQuery(
    (c, signal) => c.get<PointsAccountView>(`${LEDGER}/accounts/households/${id}`, { signal }),
    [id],
  );
  const statement = useApiQuery(
    (c, signal) =>
      c.get<Paginated<StatementLine>>(`${LEDGER}/accounts/households/${id}/statement`, {
        query: { page, pageSize: PAGE_SIZE },
        signal,
      }),
    [id, page],
  );
  const back = <Link to={`/households/${id}`}>← {t('points.account.backToHousehold')}</Link>;
  const download = async () => {
    setExportError(null);
    setExporting(true);
    try {
      const file = await client.download(`${LEDGER}/accounts/households/${id}/statement`, {
        query: { format: 'csv' },
      });
      saveFile(file.blob, file.filename ?? `statement-${account.data?.householdNumber ?? id}.csv`);
    } catch (error) {
      setExportError(errorText(error));
    } finally {
      setExporting(false);
    }
  };

  if (account.error && !account.data)
    return (
      <div>
        <PageHeader title={t('points.account.title')} back={back} />
        <ErrorState message={errorText(account.error)} onRetry={account.reload} />
      </div>
    );
  if (!account.data) return <LoadingState />;
  const a = account.data;
  return (
    <div>
      <PageHeader
        title={t('points.account.heading', { name: a.headName })}
        description={`${a.householdNumber} · ${a.villageCode}`}
        back={back}
        actions={
          <Button variant="secondary" loading={exporting} onClick={download}>
            {t('points.account.exportCsv')}
          </Button>
        }
      />
      {a.blacklisted ? <Notice tone="warning" title={t('points.account.blacklisted')} /> : null}
      {exportError ? (
        <div>
          <Notice tone="error" title={exportError} />
        </div>
      ) : null}
      <div className="points-figures" role="group" aria-label={t('points.account.figures')}>
        <Figure label={t('points.account.balance')} value={formatPoints(a.balance)} />
        <div className="points-figure">
          <span className="admin-muted">{t('points.account.pending')}</span>
          <span className="points-figure__value">{formatPoints(a.pending)}</span>
          {a.pending !== 0 ? (
            <StatusBadge tone="pending">{t('points.account.pendingHint')}</StatusBadge>
          ) : null}
        </div>
      </div>
      {statement.error ? (
        <ErrorState message={errorText(statement.error)} onRetry={statement.reload} />
      ) : !statement.data ? (
        <LoadingState />
      ) : (
        <DataTable
          stackOnPhone
          caption={t('points.account.statement')}
          rows={statement.data.items}
          rowKey={(row) => row.entryId}
          empty={<EmptyState title={t('points.account.empty')} />}
          pagination={{ page, pageSize: PAGE_SIZE, total: statement.data.total, onPageChange: setPage }}
          columns={[
            {
              key: 'at',
              header: t('points.account.at'),
              render: (row) => formatDateTime(row.occurredAt, language),
            },
            {
              key: 'kind',
              header: t('points.account.kind'),
              rowHeader: true,
              render: (row) => t(`points.account.kinds.${row.kind}`),
            },
            {
              key: 'amount',
              header: t('points.account.amount'),
              align: 'end',
              render: (row) => signedPoints(row.amount),
            },
            {
              key: 'reason',
              header: t('points.account.reason'),
              render: (row) => localiseServerText(row.reason, language),
            },
            {
              key: 'entry',
              header: t('points.account.entry'),
              render: (row) => <span className="admin-mono">#{row.entryNumber}</span>,
            },
          ]}
        />
      )}
    </div>
  );
}
