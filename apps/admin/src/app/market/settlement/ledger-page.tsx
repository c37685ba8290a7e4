import type { ConsumptionAidLedgerView } from '@fupin/contracts';
import { formatFen } from '@fupin/money';
import {
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  SelectField,
  type DataTableColumn,
} from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../common/page-header';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { MARKET } from '../market-api';
import '../market.css';
import { FileButtons } from './bank-file-buttons';
import { BarChart } from './bar-chart';

const GROUPS = ['work_unit', 'village', 'household'] as const;
type Group = (typeof GROUPS)[number];
type Row = ConsumptionAidLedgerView['rows'][number];
const CHART_ROWS = 15;
const PAGE_SIZE = 50;

/** 消费扶贫台账: accepted sales by work unit, village or household, for a year or all years, with exports. */
export function LedgerPage() {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const [search, setSearch] = useSearchParams();
  const [page, setPage] = useState(1);
  const groupBy: Group = GROUPS.find((g) => g === search.get('groupBy')) ?? 'work_unit';
  const year = search.get('year') ?? '';
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: 5 }, (_, i) => String(thisYear - i));
  const query = { groupBy, year: year || undefined };
  const ledger = useApiQuery(
    (client, signal) =>
      client.get<ConsumptionAidLedgerView>(`${MARKET}/consumption-aid-ledger`, { query, signal }),
    [groupBy, year],
  );
  const change = (next: { groupBy?: string; year?: string }) => {
    const params = new URLSearchParams();
    const merged = { groupBy, year, ...next };
    if (merged.groupBy !== 'work_unit') params.set('groupBy', merged.groupBy);
    if (merged.year) params.set('year', merged.year);
    setPage(1);
    setSearch(params);
  };
  // The rows on screen until the next answer arrives, and what they are grouped by.
  const shownGroup = ledger.data?.groupBy ?? groupBy;
  const columns: DataTableColumn<Row>[] = [
    {
      key: 'name',
      header: t(`market.ledger.group.${shownGroup}`),
      rowHeader: true,
      render: (row) => row.name ?? <span className="admin-mono">{row.key}</span>,
    },
    // Work units are known by name; their code is an internal id nobody reads.
    ...(shownGroup === 'work_unit'
      ? []
      : [
          {
            key: 'code',
            header: t('market.ledger.code'),
            render: (row: Row) => <span className="admin-mono">{row.key}</span>,
          },
        ]),
    {
      key: 'amount',
      header: t('market.ledger.amount'),
      align: 'end',
      render: (row) => formatFen(row.amountFen),
    },
  ];
  const rows = ledger.data?.rows ?? [];
  const top = [...rows].sort((a, b) => b.amountFen - a.amountFen).slice(0, CHART_ROWS);
  return (
    <div>
      <PageHeader title={t('market.ledger.title')} description={t('market.ledger.description')} />
      <div className="admin-filters">
        <div className="admin-filters__row">
          <SelectField
            label={t('market.ledger.by')}
            value={groupBy}
            options={GROUPS.map((value) => ({ value, label: t(`market.ledger.group.${value}`) }))}
            onChange={(event) => change({ groupBy: event.target.value })}
          />
          <SelectField
            label={t('market.ledger.year')}
            value={year}
            placeholder={t('market.ledger.allYears')}
            options={years.map((value) => ({ value, label: t('market.ledger.yearLabel', { year: value }) }))}
            onChange={(event) => change({ year: event.target.value })}
          />
        </div>
      </div>
      <FileButtons
        path={`${MARKET}/consumption-aid-ledger`}
        query={query}
        baseName={`consumption-aid-${groupBy}${year ? `-${year}` : ''}`}
        csvLabel={t('market.ledger.csv')}
        xlsxLabel={t('market.ledger.xlsx')}
      />
      {ledger.error ? (
        <ErrorState message={errorText(ledger.error)} onRetry={ledger.reload} />
      ) : !ledger.data ? (
        <LoadingState label={t('market.loading')} />
      ) : (
        <>
          <p className="admin-total" role="status">
            {t('market.ledger.total', { total: formatFen(ledger.data.totalFen), count: rows.length })}
          </p>
          {top.length > 0 ? (
            <section className="admin-section">
              <h2>{t('market.ledger.chart', { count: top.length })}</h2>
              <BarChart
                title={t('market.ledger.chartLabel', { group: t(`market.ledger.group.${shownGroup}`) })}
                rows={top.map((row) => ({
                  key: row.key,
                  label: row.name ?? row.key,
                  amountFen: row.amountFen,
                }))}
              />
            </section>
          ) : null}
          <DataTable
            stackOnPhone
            caption={t('market.ledger.table')}
            columns={columns}
            rows={rows.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
            rowKey={(row) => row.key}
            empty={<EmptyState title={t('market.ledger.empty')} />}
            pagination={{ page, pageSize: PAGE_SIZE, total: rows.length, onPageChange: setPage }}
          />
        </>
      )}
    </div>
  );
}
