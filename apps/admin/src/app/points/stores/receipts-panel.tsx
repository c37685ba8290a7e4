import { newIdempotencyKey } from '@fupin/api-client';
import type { RedemptionReceipt } from '@fupin/contracts';
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
} from '@fupin/ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../common/format';
import { useLanguage } from '../../common/language';
import { useApiQuery } from '../../common/use-api-query';
import { useErrorText } from '../../common/use-error-text';
import { LEDGER } from '../points-api';

const PAGE_SIZE = 20;
const chinaDay = (iso: string | Date) =>
  new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(
    typeof iso === 'string' ? new Date(iso) : iso,
  );

/** True while a receipt may still be voided: the same calendar day in China. */
export function voidableToday(receipt: RedemptionReceipt, now = new Date()): boolean {
  return receipt.status === 'completed' && chinaDay(receipt.createdAt) === chinaDay(now);
}

/** 兑换小票: the latest receipts of the store; the keeper may void one the same day, with a reason. */
export function ReceiptsPanel({
  storeId,
  mayVoid,
  onChanged,
}: {
  storeId: string;
  mayVoid: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const language = useLanguage();
  const errorText = useErrorText();
  const [page, setPage] = useState(1);
  const [voiding, setVoiding] = useState<RedemptionReceipt | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const receipts = useApiQuery(
    (client, signal) =>
      client.get<RedemptionReceipt[]>(`${LEDGER}/stores/${storeId}/redemptions`, { signal }),
    [storeId],
  );
  if (receipts.error) return <ErrorState message={errorText(receipts.error)} onRetry={receipts.reload} />;
  if (!receipts.data) return <LoadingState />;
  const rows = receipts.data.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  return (
    <section aria-labelledby="points-receipts-heading">
      <h2 id="points-receipts-heading">{t('points.receipts.title')}</h2>
      {message ? <p role="status">{message}</p> : null}
      {voiding ? (
        <VoidForm
          receipt={voiding}
          onCancel={() => setVoiding(null)}
          onVoided={(voided) => {
            setVoiding(null);
            setMessage(t('points.receipts.voided', { number: voided.receiptNumber }));
            receipts.reload();
            onChanged();
          }}
        />
      ) : null}
      <DataTable
        stackOnPhone
        caption={t('points.receipts.caption')}
        captionHidden
        rows={rows}
        rowKey={(row) => row.id}
        empty={<EmptyState title={t('points.receipts.empty')} />}
        pagination={{ page, pageSize: PAGE_SIZE, total: receipts.data.length, onPageChange: setPage }}
        columns={[
          {
            key: 'number',
            header: t('points.receipts.number'),
            rowHeader: true,
            render: (row) => <span className="admin-mono">{row.receiptNumber}</span>,
          },
          {
            key: 'at',
            header: t('points.receipts.at'),
            render: (row) => formatDateTime(row.createdAt, language),
          },
          {
            key: 'household',
            header: t('points.receipts.household'),
            render: (row) => `${row.headName} · ${row.householdNumber}`,
          },
          {
            key: 'goods',
            header: t('points.receipts.goods'),
            render: (row) => row.lines.map((l) => `${l.name}×${l.quantity}`).join('、'),
          },
          {
            key: 'points',
            header: t('points.receipts.points'),
            align: 'end',
            render: (row) => row.totalPoints,
          },
          {
            key: 'status',
            header: t('points.receipts.status'),
            render: (row) =>
              row.status === 'voided' ? (
                <StatusBadge tone="neutral">
                  {t('points.receipts.voidedBadge', { reason: row.voidReason ?? '' })}
                </StatusBadge>
              ) : (
                <StatusBadge tone="ok">{t('points.receipts.completed')}</StatusBadge>
              ),
          },
          {
            key: 'actions',
            header: t('points.receipts.actions'),
            render: (row) =>
              mayVoid && voidableToday(row) ? (
                <Button variant="secondary" onClick={() => setVoiding(row)}>
                  {t('points.receipts.void', { number: row.receiptNumber })}
                </Button>
              ) : (
                '—'
              ),
          },
        ]}
      />
    </section>
  );
}

function VoidForm({
  receipt,
  onCancel,
  onVoided,
}: {
  receipt: RedemptionReceipt;
  onCancel: () => void;
  onVoided: (receipt: RedemptionReceipt) => void;
}) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const key = useRef(newIdempotencyKey());
  const [reason, setReason] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!reason.trim()) return setProblem(t('points.receipts.needReason'));
    setBusy(true);
    setProblem(null);
    try {
      onVoided(
        await client.post<RedemptionReceipt>(
          `${LEDGER}/redemptions/${receipt.id}/void`,
          { reason: reason.trim() },
          { idempotencyKey: key.current },
        ),
      );
    } catch (error) {
      setProblem(errorText(error));
      setBusy(false);
    }
  };
  return (
    <form
      className="points-section"
      onSubmit={submit}
      aria-label={t('points.receipts.voidTitle', { number: receipt.receiptNumber })}
    >
      <Notice tone="warning" title={t('points.receipts.voidTitle', { number: receipt.receiptNumber })}>
        {t('points.receipts.voidHint', { name: receipt.headName, points: receipt.totalPoints })}
      </Notice>
      <TextField
        label={t('points.receipts.reason')}
        value={reason}
        maxLength={500}
        onChange={(event) => setReason(event.target.value)}
      />
      {problem ? (
        <p className="fp-field__error" role="alert">
          {problem}
        </p>
      ) : null}
      <div className="admin-form-buttons">
        <Button type="submit" variant="danger" loading={busy}>
          {t('points.receipts.confirmVoid')}
        </Button>
        <Button type="button" variant="ghost" onClick={onCancel}>
          {t('adm.cancel')}
        </Button>
      </div>
    </form>
  );
}
