import type { VillageMonthlyReport } from '@fupin/contracts';
import { formatPoints } from '@fupin/money';
import {
  Button,
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  Notice,
  TextField,
  useApiClient,
} from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { ChooseVillageHint, useVillage, VillageChooser } from '../common/village-chooser';
import { Figure } from '../stores/reserve-panel';
import { LEDGER, periodOf, saveFile } from '../points-api';
import { BarChart } from './bar-chart';

const CHART_ROWS = 30;
const PAGE_SIZE = 50;

function lastMonth(): string {
  const now = new Date();
  return periodOf(new Date(now.getFullYear(), now.getMonth() - 1, 1));
}

/** 村月度积分报表: points awarded and redeemed per household in a month, with exports. */
export function VillageReportPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const client = useApiClient();
  const [village] = useVillage();
  const [search, setSearch] = useSearchParams();
  const period = /^\d{4}-\d{2}$/.test(search.get('period') ?? '') ? search.get('period')! : lastMonth();
  const [page, setPage] = useState(1);
  const [exportError, setExportError] = useState<string | null>(null);
  const [exporting, setExporting] = useState<'csv' | 'xlsx' | null>(null);
  const report = useApiQuery(
    (c, signal) =>
      c.get<VillageMonthlyReport>(`${LEDGER}/reports/villages/${village}/monthly`, {
        query: { period },
        signal,
      }),
    [village, period],
    village !== '',
  );
  const download = async (format: 'csv' | 'xlsx') => {
    setExportError(null);
    setExporting(format);
    try {
      const file = await client.download(`${LEDGER}/reports/villages/${village}/monthly`, {
        query: { period, format },
      });
      saveFile(file.blob, file.filename ?? `village-${village}-${period}.${format}`);
    } catch (error) {
      setExportError(errorText(error));
    } finally {
      setExporting(null);
    }
  };
  const data = report.data;
  const chartRows = [...(data?.households ?? [])]
    .sort((a, b) => b.awarded - a.awarded || b.redeemed - a.redeemed)
    .slice(0, CHART_ROWS)
    .map((h) => ({ label: h.headName, values: [h.awarded, h.redeemed] }));
  return (
    <div>
      <PageHeader
        title={t('points.report.title')}
        description={t('points.report.description')}
        actions={
          village ? (
            <>
              <Button variant="secondary" loading={exporting === 'csv'} onClick={() => download('csv')}>
                {t('points.report.exportCsv')}
              </Button>
              <Button variant="secondary" loading={exporting === 'xlsx'} onClick={() => download('xlsx')}>
                {t('points.report.exportXlsx')}
              </Button>
            </>
          ) : null
        }
      />
      <VillageChooser />
      <div className="admin-filters">
        <TextField
          label={t('points.report.period')}
          type="month"
          value={period}
          onChange={(event) => {
            const next = new URLSearchParams(search);
            next.set('period', event.target.value);
            setSearch(next, { replace: true });
            setPage(1);
          }}
        />
      </div>
      {exportError ? (
        <div>
          <Notice tone="error" title={exportError} />
        </div>
      ) : null}
      {!village ? (
        <ChooseVillageHint />
      ) : report.error ? (
        <ErrorState message={errorText(report.error)} onRetry={report.reload} />
      ) : !data ? (
        <LoadingState />
      ) : (
        <>
          <div className="points-figures">
            <Figure label={t('points.report.awarded')} value={formatPoints(data.awarded)} />
            <Figure label={t('points.report.redeemed')} value={formatPoints(data.redeemed)} />
            <Figure label={t('points.report.voided')} value={formatPoints(data.voided)} />
          </div>
          {chartRows.length > 0 ? (
            <BarChart
              title={t('points.report.chartTitle', { period: data.period, count: chartRows.length })}
              series={[
                { label: t('points.report.awarded'), colour: '#2e7d32' },
                { label: t('points.report.redeemed'), colour: '#1565c0' },
              ]}
              rows={chartRows}
            />
          ) : null}
          <DataTable
            stackOnPhone
            caption={t('points.report.caption', { period: data.period })}
            rows={data.households.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
            rowKey={(row) => row.householdId}
            empty={<EmptyState title={t('points.report.empty')} />}
            pagination={{ page, pageSize: PAGE_SIZE, total: data.households.length, onPageChange: setPage }}
            columns={[
              {
                key: 'household',
                header: t('points.report.household'),
                rowHeader: true,
                render: (row) => (
                  <Link
                    to={`/households/${row.householdId}/points`}
                  >{`${row.headName} · ${row.householdNumber}`}</Link>
                ),
              },
              {
                key: 'awarded',
                header: t('points.report.awarded'),
                align: 'end',
                render: (row) => formatPoints(row.awarded),
              },
              {
                key: 'redeemed',
                header: t('points.report.redeemed'),
                align: 'end',
                render: (row) => formatPoints(row.redeemed),
              },
              {
                key: 'balance',
                header: t('points.report.balance'),
                align: 'end',
                render: (row) => formatPoints(row.balance),
              },
            ]}
          />
        </>
      )}
    </div>
  );
}
