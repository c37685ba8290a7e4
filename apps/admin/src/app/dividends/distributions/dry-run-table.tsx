import { fenToYuanString } from '@fupin/money';
import { MAX_PAGE_SIZE } from '@fupin/contracts';
import {
  Button,
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  Notice,
  useApiClient,
  type DataTableColumn,
} from '@fupin/ui';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import {
  csvBlob,
  DIVIDENDS,
  saveFile,
  yuan,
  type Distribution,
  type DistributionLine,
  type ExplanationLine,
  type PagedLines,
} from '../dividends-api';

export const LINES_PAGE_SIZE = 20;

/** The engine's basis names, as words (anything unknown is shown as it came). */
function useBasisText() {
  const { t, i18n } = useTranslation();
  return (basis: string) => {
    const key = `dividends.plan.bases.${basis}`;
    return i18n.exists(key) ? t(key) : basis;
  };
}

/** How one household's amount was computed: each step, its weight and what it paid. */
export function Explanation({ lines }: { lines: readonly ExplanationLine[] }) {
  const { t } = useTranslation();
  const basisText = useBasisText();
  if (lines.length === 0) return <span className="admin-muted">{t('dividends.dryRun.nothing')}</span>;
  return (
    <ul className="dividends-plain-list">
      {lines.map((l) => (
        <li key={l.step}>
          {t('dividends.dryRun.line', {
            label: l.label,
            basis: basisText(l.basis),
            weight: l.weight,
            amount: yuan(l.amountFen),
            of: yuan(l.stepAmountFen),
          })}
          {l.note ? `（${l.note}）` : ''}
        </li>
      ))}
    </ul>
  );
}

/** Explanation as one line of text, for the CSV export. */
function explanationText(lines: readonly ExplanationLine[], basisText: (b: string) => string): string {
  return lines
    .map(
      (l) =>
        `${l.label}: ${basisText(l.basis)} ${l.weight} → ${yuan(l.amountFen)}${l.note ? ` (${l.note})` : ''}`,
    )
    .join('; ');
}

/**
 * The dry run, every household with its amount and explanation (paged), and the totals that must
 * equal the pool to the fen; exported whole as CSV.
 */
export function DryRunTable({ distribution }: { distribution: Distribution }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const basisText = useBasisText();
  const [page, setPage] = useState(1);
  const [exporting, setExporting] = useState(false);
  const [exportError, setExportError] = useState<string | null>(null);
  const lines = useApiQuery(
    (c, signal) =>
      c.get<PagedLines>(`${DIVIDENDS}/distributions/${distribution.id}/lines`, {
        query: { page, pageSize: LINES_PAGE_SIZE },
        signal,
      }),
    [distribution.id, page],
  );

  const exportCsv = async () => {
    setExporting(true);
    setExportError(null);
    try {
      const all: DistributionLine[] = [];
      for (let p = 1; ; p++) {
        const chunk = await client.get<PagedLines>(`${DIVIDENDS}/distributions/${distribution.id}/lines`, {
          query: { page: p, pageSize: MAX_PAGE_SIZE },
        });
        all.push(...chunk.items);
        if (all.length >= chunk.total || chunk.items.length === 0) break;
      }
      const header = [
        t('dividends.members.number'),
        t('dividends.members.head'),
        t('dividends.dryRun.village'),
        t('dividends.dryRun.amountYuan'),
        t('dividends.dryRun.explanation'),
      ];
      const rows = all.map((l) => [
        l.householdNumber,
        l.headName,
        l.villageCode,
        fenToYuanString(Number(l.amountFen)),
        explanationText(l.explanation, basisText),
      ]);
      const accounts = distribution.accountParts.map((a) => [
        '',
        a.account,
        '',
        fenToYuanString(Number(a.amountFen)),
        t('dividends.dryRun.retained'),
      ]);
      const total = ['', t('dividends.dryRun.pool'), '', fenToYuanString(Number(distribution.poolFen)), ''];
      saveFile(csvBlob([header, ...rows, ...accounts, total]), `distribution-${distribution.id}.csv`);
    } catch (error) {
      setExportError(errorText(error));
    } finally {
      setExporting(false);
    }
  };

  const columns: DataTableColumn<DistributionLine>[] = [
    {
      key: 'number',
      header: t('dividends.members.number'),
      rowHeader: true,
      render: (l) => <span className="admin-mono">{l.householdNumber}</span>,
    },
    { key: 'head', header: t('dividends.members.head'), render: (l) => l.headName },
    { key: 'amount', header: t('dividends.dryRun.amount'), align: 'end', render: (l) => yuan(l.amountFen) },
    {
      key: 'why',
      header: t('dividends.dryRun.explanation'),
      render: (l) => <Explanation lines={l.explanation} />,
    },
  ];

  return (
    <section className="admin-section" aria-labelledby="dry-run">
      <div className="admin-page-header__row">
        <h2 id="dry-run">{t('dividends.dryRun.title')}</h2>
        <Button variant="secondary" loading={exporting} onClick={exportCsv}>
          {t('dividends.dryRun.export')}
        </Button>
      </div>
      {exportError ? <Notice tone="error" title={exportError} /> : null}
      {lines.error ? (
        <ErrorState message={errorText(lines.error)} onRetry={lines.reload} />
      ) : !lines.data ? (
        <LoadingState label={t('dividends.loading')} />
      ) : (
        <DataTable
          stackOnPhone
          caption={t('dividends.dryRun.caption', { count: lines.data.total })}
          columns={columns}
          rows={lines.data.items}
          rowKey={(l) => l.householdId}
          empty={<EmptyState title={t('dividends.dryRun.empty')} />}
          pagination={{ page, pageSize: LINES_PAGE_SIZE, total: lines.data.total, onPageChange: setPage }}
        />
      )}
    </section>
  );
}
