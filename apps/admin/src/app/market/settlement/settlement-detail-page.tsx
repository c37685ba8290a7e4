import type { SettlementView } from '@fupin/contracts';
import { formatFen, sumFen } from '@fupin/money';
import { DataTable, EmptyState, ErrorState, LoadingState, Notice, type DataTableColumn } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { MARKET } from '../market-api';
import { FileButtons } from './bank-file-buttons';

type Line = SettlementView['lines'][number];

/** One payout batch: a line per household, the total, and the bank file to hand to the bank. */
export function SettlementDetailPage() {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const { id = '' } = useParams();
  const run = useApiQuery(
    (client, signal) => client.get<SettlementView>(`${MARKET}/settlements/${id}`, { signal }),
    [id],
  );
  const back = <Link to="/market/settlements">{t('market.settlement.back')}</Link>;
  if (run.error)
    return (
      <div>
        <PageHeader title={t('market.settlement.detail')} back={back} />
        <ErrorState message={errorText(run.error)} onRetry={run.reload} />
      </div>
    );
  if (!run.data) return <LoadingState label={t('market.loading')} />;
  const view = run.data;
  const linesTotal = sumFen(view.lines.map((line) => line.amountFen));
  const columns: DataTableColumn<Line>[] = [
    { key: 'village', header: t('market.settlement.columns.village'), render: (row) => row.villageCode },
    {
      key: 'head',
      header: t('market.settlement.columns.head'),
      rowHeader: true,
      render: (row) => row.headNameMasked,
    },
    {
      key: 'account',
      header: t('market.settlement.columns.account'),
      render: (row) => (
        <span className="admin-mono">{row.bankAccountMasked ?? t('market.settlement.noAccount')}</span>
      ),
    },
    {
      key: 'amount',
      header: t('market.settlement.columns.amount'),
      align: 'end',
      render: (row) => formatFen(row.amountFen),
    },
  ];
  return (
    <div>
      <PageHeader
        title={t('market.settlement.detail')}
        back={back}
        description={t('market.settlement.summary', {
          time: formatDateTime(view.createdAt, language),
          orders: view.orderCount,
          households: view.lines.length,
          total: formatFen(view.totalFen),
        })}
      />
      {linesTotal !== view.totalFen ? (
        <Notice tone="warning" title={t('market.settlement.mismatch', { lines: formatFen(linesTotal) })} />
      ) : null}
      {view.lines.some((line) => !line.bankAccountMasked) ? (
        <Notice tone="warning" title={t('market.settlement.missingAccounts')} />
      ) : null}
      <FileButtons
        path={`${MARKET}/settlements/${view.id}/bank-file`}
        baseName={`payouts-${view.id}`}
        csvLabel={t('market.settlement.bankCsv')}
        xlsxLabel={t('market.settlement.bankXlsx')}
      />
      <DataTable
        stackOnPhone
        caption={t('market.settlement.lines')}
        columns={columns}
        rows={view.lines}
        rowKey={(row) => row.householdId}
        empty={<EmptyState title={t('market.settlement.noLines')} />}
      />
      <p className="admin-total">{t('market.settlement.total', { total: formatFen(view.totalFen) })}</p>
    </div>
  );
}
