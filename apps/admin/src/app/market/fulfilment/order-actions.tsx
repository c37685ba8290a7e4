import { newIdempotencyKey } from '@fupin/api-client';
import type { OrderView } from '@fupin/contracts';
import { formatFen, parseYuanToFen } from '@fupin/money';
import { Button, Notice, TextField, useApiClient } from '@fupin/ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../auth/permissions';
import { useUser } from '../../auth/session-context';
import { useErrorText } from '../../common/use-error-text';
import { MARKET } from '../market-api';

type Asking = 'cancel' | 'refund' | null;

/**
 * What staff can do with one order: start picking, mark it ready, cancel a paid order or refund an
 * accepted one (both with a reason). Cancels and refunds carry an Idempotency-Key kept for the
 * form's life, so pressing twice or retrying after a network error never refunds twice.
 */
export function OrderActions({ order, onChanged }: { order: OrderView; onChanged: () => void }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const user = useUser();
  const [busy, setBusy] = useState(false);
  const [asking, setAsking] = useState<Asking>(null);
  const [reason, setReason] = useState('');
  const [amount, setAmount] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const key = useRef(newIdempotencyKey());

  const run = async (send: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(null);
    try {
      await send();
      setAsking(null);
      key.current = newIdempotencyKey();
      onChanged();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  const path = `${MARKET}/orders/${order.id}`;
  const mayWork = can(user.role, 'market.fulfilment.work');
  const mayRefund = can(user.role, 'market.orders.refund');
  const refundable = order.totalFen - order.refundedFen;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = reason.trim();
    if (asking === 'cancel') {
      if (!text) return setProblem(t('market.fulfilment.reasonNeeded'));
      return run(() => client.post(`${path}/cancel`, { reason: text }, { idempotencyKey: key.current }));
    }
    let fen = 0;
    try {
      fen = parseYuanToFen(amount);
    } catch {
      fen = 0;
    }
    if (fen <= 0 || fen > refundable)
      return setProblem(t('market.fulfilment.refundAmountWrong', { max: formatFen(refundable) }));
    if (text.length < 2) return setProblem(t('market.fulfilment.reasonNeeded'));
    return run(() =>
      client.post(`${path}/refunds`, { amountFen: fen, reason: text }, { idempotencyKey: key.current }),
    );
  };

  return (
    <div className="admin-row-actions">
      {failure ? <Notice tone="error" title={failure} /> : null}
      {mayWork && order.status === 'paid' ? (
        <Button loading={busy} onClick={() => run(() => client.post(`${path}/pick`))}>
          {t('market.fulfilment.pick', { number: order.orderNumber })}
        </Button>
      ) : null}
      {mayWork && order.status === 'picking' ? (
        <Button loading={busy} onClick={() => run(() => client.post(`${path}/ready`))}>
          {t('market.fulfilment.ready', { number: order.orderNumber })}
        </Button>
      ) : null}
      {mayRefund && order.status === 'paid' && asking === null ? (
        <Button variant="ghost" onClick={() => setAsking('cancel')}>
          {t('market.fulfilment.cancel')}
        </Button>
      ) : null}
      {mayRefund && order.status === 'accepted' && refundable > 0 && asking === null ? (
        <Button variant="ghost" onClick={() => setAsking('refund')}>
          {t('market.fulfilment.refund')}
        </Button>
      ) : null}
      {asking ? (
        <form
          className="admin-inline-form"
          aria-label={t(
            asking === 'cancel' ? 'market.fulfilment.cancelTitle' : 'market.fulfilment.refundTitle',
            {
              number: order.orderNumber,
            },
          )}
          onSubmit={submit}
          noValidate
        >
          {asking === 'refund' ? (
            <TextField
              label={t('market.fulfilment.refundAmount')}
              hint={t('market.fulfilment.refundMax', { max: formatFen(refundable) })}
              inputMode="decimal"
              required
              value={amount}
              onChange={(event) => setAmount(event.target.value)}
            />
          ) : null}
          <TextField
            label={t('market.fulfilment.reason')}
            required
            value={reason}
            error={problem ?? undefined}
            onChange={(event) => {
              setReason(event.target.value);
              setProblem(null);
            }}
          />
          <div className="admin-form-buttons">
            <Button type="submit" variant="danger" loading={busy}>
              {t(asking === 'cancel' ? 'market.fulfilment.confirmCancel' : 'market.fulfilment.confirmRefund')}
            </Button>
            <Button variant="ghost" onClick={() => setAsking(null)}>
              {t('adm.cancel')}
            </Button>
          </div>
        </form>
      ) : null}
    </div>
  );
}
