import { fenToYuanString } from '@fupin/money';
import { isApiClientError, newIdempotencyKey } from '@fupin/api-client';
import {
  Button,
  DataTable,
  EmptyState,
  ErrorState,
  LoadingState,
  Notice,
  StatusBadge,
  TextField,
  useApiClient,
  type DataTableColumn,
  type StatusTone,
} from '@fupin/ui';
import { useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import {
  csvBlob,
  DIVIDENDS,
  parseCsv,
  readText,
  saveFile,
  yuan,
  type Distribution,
  type Payout,
  type PayoutBatch,
  type PayoutsView,
} from '../dividends-api';
import { CONFIRMATION_HEADER, readConfirmations, type ConfirmationRow } from './bank-confirmations';

const PAGE_SIZE = 20;
const TONES: Record<Payout['status'], StatusTone> = {
  pending: 'pending',
  paid: 'ok',
  failed: 'error',
  retried: 'neutral',
};

/**
 * 发放批次: bank files, the bank's confirmations, failed payouts sent again. `mayPay`: the reader
 * handles bank files (the entity's accountant, the county office).
 */
export function PayoutsPanel({ distribution, mayPay }: { distribution: Distribution; mayPay: boolean }) {
  const { t } = useTranslation();
  const errorText = useErrorText();
  const client = useApiClient();
  const view = useApiQuery(
    (c, signal) => c.get<PayoutsView>(`${DIVIDENDS}/distributions/${distribution.id}/payouts`, { signal }),
    [distribution.id],
  );
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  if (view.error) return <ErrorState message={errorText(view.error)} onRetry={view.reload} />;
  if (!view.data) return <LoadingState label={t('dividends.loading')} />;
  const { batches, payouts } = view.data;
  const waiting = payouts.filter((p) => p.status === 'pending' && !p.batchId).length;
  const newBatch = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await client.post(`${DIVIDENDS}/distributions/${distribution.id}/payout-batches`, {});
      view.reload();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="admin-section" aria-labelledby="payouts">
      <h2 id="payouts">{t('dividends.payouts.title')}</h2>
      {batches.map((b, i) => (
        <BatchCard
          key={b.id}
          index={i + 1}
          batch={b}
          payouts={payouts.filter((p) => p.batchId === b.id)}
          mayPay={mayPay}
          onChanged={view.reload}
        />
      ))}
      {waiting > 0 && mayPay ? (
        <Notice
          tone="warning"
          title={t('dividends.payouts.waiting', { count: waiting })}
          action={
            <Button loading={busy} onClick={newBatch}>
              {t('dividends.payouts.newBatch')}
            </Button>
          }
        />
      ) : null}
      {failure ? <Notice tone="error" title={failure} /> : null}
      <PayoutsTable payouts={payouts} mayPay={mayPay} onChanged={view.reload} />
    </section>
  );
}

function BatchCard({
  index,
  batch,
  payouts,
  mayPay,
  onChanged,
}: {
  index: number;
  batch: PayoutBatch;
  payouts: Payout[];
  mayPay: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const client = useApiClient();
  const errorText = useErrorText();
  const [busy, setBusy] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [rows, setRows] = useState<Array<ConfirmationRow & { outcome?: string }> | null>(null);
  const [summary, setSummary] = useState<string | null>(null);
  const download = async (format: 'csv' | 'xlsx') => {
    setBusy(format);
    setFailure(null);
    try {
      const file = await client.download(`${DIVIDENDS}/payout-batches/${batch.id}/bank-file`, {
        query: { format },
      });
      saveFile(file.blob, file.filename ?? `payout-batch-${batch.id}.${format}`);
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(null);
    }
  };
  const template = () =>
    saveFile(
      csvBlob([
        CONFIRMATION_HEADER,
        ...payouts
          .filter((p) => p.status === 'pending')
          .map((p) => [p.id, p.householdNumber, '', fenToYuanString(Number(p.amountFen)), '', '', '']),
      ]),
      `bank-confirmations-${batch.id}.csv`,
    );
  const upload = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    setFailure(null);
    setSummary(null);
    const read = readConfirmations(parseCsv(await readText(file)), batch.id, payouts);
    setRows(read.rows);
    if (!read.body) {
      setFailure(t('dividends.payouts.fileProblems', { count: read.rows.filter((r) => r.problem).length }));
      return;
    }
    setBusy('confirm');
    try {
      const result = await client.post<{ applied: number; unchanged: number }>(
        `${DIVIDENDS}/payout-batches/${batch.id}/confirmations`,
        read.body,
        { idempotencyKey: newIdempotencyKey() },
      );
      setRows(read.rows.map((r) => ({ ...r, outcome: t(`dividends.payouts.outcome.${r.status}`) })));
      setSummary(t('dividends.payouts.confirmed', result));
      onChanged();
    } catch (error) {
      const details = (isApiClientError(error) ? error.details : undefined) as
        { notInBatch?: string[]; conflicts?: string[] } | undefined;
      const bad = new Set([...(details?.notInBatch ?? []), ...(details?.conflicts ?? [])]);
      setRows(
        read.rows.map((r) => ({
          ...r,
          outcome: bad.has(r.payoutId) ? errorText(error) : t('dividends.payouts.outcome.notApplied'),
        })),
      );
      setFailure(errorText(error));
    } finally {
      setBusy(null);
    }
  };
  const paid = payouts.filter((p) => p.status === 'paid').length;
  const failed = payouts.filter((p) => p.status === 'failed' || p.status === 'retried').length;
  const columns: DataTableColumn<ConfirmationRow & { outcome?: string }>[] = [
    { key: 'row', header: t('dividends.import.row'), rowHeader: true, align: 'end', render: (r) => r.row },
    {
      key: 'household',
      header: t('dividends.members.number'),
      render: (r) => r.householdNumber || r.payoutId,
    },
    {
      key: 'status',
      header: t('dividends.payouts.result'),
      render: (r) => (r.status ? t(`dividends.payouts.outcome.${r.status}`) : '—'),
    },
    {
      key: 'verdict',
      header: t('dividends.payouts.verdict'),
      render: (r) =>
        r.problem ? (
          <StatusBadge tone="error">{t(`dividends.payouts.problem.${r.problem}`)}</StatusBadge>
        ) : (
          <StatusBadge tone="ok">{r.outcome ?? t('dividends.payouts.rowOk')}</StatusBadge>
        ),
    },
  ];
  return (
    <article className="dividends-batch" aria-label={t('dividends.payouts.batch', { index })}>
      <h3>{t('dividends.payouts.batch', { index })}</h3>
      <p>
        {t('dividends.payouts.batchLine', {
          lines: batch.lineCount,
          total: yuan(batch.totalFen),
          at: formatDateTime(batch.createdAt, language),
          paid,
          failed,
        })}
      </p>
      {mayPay ? (
        <div className="admin-form-buttons">
          <Button variant="primary" loading={busy === 'csv'} onClick={() => download('csv')}>
            {t('dividends.payouts.bankCsv')}
          </Button>
          <Button variant="secondary" loading={busy === 'xlsx'} onClick={() => download('xlsx')}>
            {t('dividends.payouts.bankXlsx')}
          </Button>
          <Button variant="secondary" onClick={template}>
            {t('dividends.payouts.template')}
          </Button>
          <label className="fp-button fp-button--secondary fp-button--md">
            {busy === 'confirm' ? t('dividends.payouts.uploading') : t('dividends.payouts.upload')}
            <input
              type="file"
              accept=".csv,text/csv"
              className="admin-file-picker__input"
              aria-label={t('dividends.payouts.upload')}
              onChange={upload}
            />
          </label>
        </div>
      ) : (
        <p className="admin-muted">{t('dividends.payouts.notYours')}</p>
      )}
      {failure ? <Notice tone="error" title={failure} /> : null}
      {summary ? <Notice tone="ok" title={summary} /> : null}
      {rows ? (
        <DataTable
          stackOnPhone
          caption={t('dividends.payouts.rowsCaption', { count: rows.length })}
          columns={columns}
          rows={rows}
          rowKey={(r) => `${r.row}`}
        />
      ) : null}
    </article>
  );
}

function PayoutsTable({
  payouts,
  mayPay,
  onChanged,
}: {
  payouts: Payout[];
  mayPay: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const columns: DataTableColumn<Payout>[] = [
    {
      key: 'number',
      header: t('dividends.members.number'),
      rowHeader: true,
      render: (p) => <span className="admin-mono">{p.householdNumber}</span>,
    },
    {
      key: 'bank',
      header: t('dividends.payouts.bank'),
      render: (p) =>
        [p.bankName, p.bankAccountMasked].filter(Boolean).join(' ') || t('dividends.payouts.noBank'),
    },
    { key: 'amount', header: t('dividends.dryRun.amount'), align: 'end', render: (p) => yuan(p.amountFen) },
    {
      key: 'status',
      header: t('dividends.payouts.status'),
      render: (p) => (
        <>
          <StatusBadge tone={TONES[p.status]}>{t(`dividends.payouts.statuses.${p.status}`)}</StatusBadge>
          {p.attempt > 1 ? ` ${t('dividends.payouts.attempt', { attempt: p.attempt })}` : ''}
          {p.bankReference ? <div className="admin-mono">{p.bankReference}</div> : null}
          {p.failureReason ? <div>{p.failureReason}</div> : null}
          {p.retryReason ? (
            <div className="admin-muted">{t('dividends.payouts.retryReason', { reason: p.retryReason })}</div>
          ) : null}
        </>
      ),
    },
    {
      key: 'actions',
      header: t('dividends.payouts.actions'),
      render: (p) =>
        p.status === 'failed' && mayPay ? <RetryForm payout={p} onRetried={onChanged} /> : null,
    },
  ];
  return (
    <DataTable
      stackOnPhone
      caption={t('dividends.payouts.caption', { count: payouts.length })}
      columns={columns}
      rows={payouts.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE)}
      rowKey={(p) => p.id}
      empty={<EmptyState title={t('dividends.payouts.empty')} />}
      pagination={{ page, pageSize: PAGE_SIZE, total: payouts.length, onPageChange: setPage }}
    />
  );
}

function RetryForm({ payout, onRetried }: { payout: Payout; onRetried: () => void }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const retry = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await client.post(`${DIVIDENDS}/payouts/${payout.id}/retry`, { reason });
      onRetried();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="admin-inline-form">
      <TextField
        label={t('dividends.payouts.retryReasonLabel')}
        hint={t('dividends.payouts.retryHint')}
        value={reason}
        onChange={(e) => setReason(e.target.value)}
      />
      <Button variant="secondary" loading={busy} disabled={reason.trim().length < 2} onClick={retry}>
        {t('dividends.payouts.retry')}
      </Button>
      {failure ? <Notice tone="error" title={failure} /> : null}
    </div>
  );
}
