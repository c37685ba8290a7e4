import { newIdempotencyKey } from '@fupin/api-client';
import type { DonationReceipt, GoodsView } from '@fupin/contracts';
import { parseYuanToFen } from '@fupin/money';
import { Button, Notice, NumberField, SelectField, TextAreaField, TextField, useApiClient } from '@fupin/ui';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../common/use-error-text';
import { LEDGER } from '../points-api';
import { DonationReceiptView } from './donation-receipt';

type Kind = 'donation' | 'purchase' | 'adjustment';

interface StockLine {
  key: number;
  goodsId: string;
  quantity: number | null;
  /** Yuan as typed; turned into fen on sending. */
  yuan: string;
}

let nextKey = 1;
const blankLine = (): StockLine => ({ key: nextKey++, goodsId: '', quantity: null, yuan: '' });

function toFen(text: string): number | null {
  try {
    return parseYuanToFen(text.trim() === '' ? '0' : text);
  } catch {
    return null;
  }
}

export interface StockInPanelProps {
  storeId: string;
  goods: readonly GoodsView[];
  onChanged: () => void;
}

/** 入库: donated goods (with a receipt for the donor), purchases, and counted corrections. */
export function StockInPanel({ storeId, goods, onChanged }: StockInPanelProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const [kind, setKind] = useState<Kind>('donation');
  const [party, setParty] = useState('');
  const [contact, setContact] = useState('');
  const [lines, setLines] = useState<StockLine[]>(() => [blankLine()]);
  const [adjust, setAdjust] = useState<{ goodsId: string; delta: number | null; reason: string }>({
    goodsId: '',
    delta: null,
    reason: '',
  });
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [receipt, setReceipt] = useState<DonationReceipt | null>(null);
  const [busy, setBusy] = useState(false);
  // The same key until the store answers: pressing again after a lost answer records nothing twice.
  const key = useRef(newIdempotencyKey());

  const goodsOptions = goods.map((g) => ({ value: g.id, label: `${g.name}（${g.unit}）` }));
  const change = (k: number, patch: Partial<StockLine>) =>
    setLines((current) => current.map((line) => (line.key === k ? { ...line, ...patch } : line)));

  const reset = () => {
    key.current = newIdempotencyKey();
    setParty('');
    setContact('');
    setLines([blankLine()]);
    setAdjust({ goodsId: '', delta: null, reason: '' });
  };

  const send = async (path: string, body: unknown) => {
    setBusy(true);
    try {
      const answer = await client.post<unknown>(`${LEDGER}/stores/${storeId}/${path}`, body, {
        idempotencyKey: key.current,
      });
      reset();
      onChanged();
      return answer;
    } catch (error) {
      setProblem(errorText(error));
      return null;
    } finally {
      setBusy(false);
    }
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setProblem(null);
    setDone(null);
    setReceipt(null);
    if (kind === 'adjustment') {
      if (!adjust.goodsId) return setProblem(t('points.stock.pickGoods'));
      if (!adjust.delta) return setProblem(t('points.stock.badDelta'));
      if (!adjust.reason.trim()) return setProblem(t('points.stock.needReason'));
      const answer = await send('adjustments', {
        goodsId: adjust.goodsId,
        quantityDelta: adjust.delta,
        reason: adjust.reason.trim(),
      });
      if (answer) setDone(t('points.stock.adjusted'));
      return;
    }
    if (!party.trim())
      return setProblem(t(kind === 'donation' ? 'points.stock.needDonor' : 'points.stock.needSupplier'));
    const parsed = lines.map((line) => ({ ...line, fen: toFen(line.yuan) }));
    const bad = parsed.findIndex(
      (line) => !line.goodsId || !line.quantity || line.quantity < 1 || line.fen === null || line.fen < 0,
    );
    if (bad >= 0) return setProblem(t('points.stock.badLine', { n: bad + 1 }));
    if (new Set(parsed.map((l) => l.goodsId)).size !== parsed.length)
      return setProblem(t('points.stock.duplicateGoods'));
    if (kind === 'donation') {
      const answer = await send('donations', {
        donorName: party.trim(),
        ...(contact.trim() ? { donorContact: contact.trim() } : {}),
        lines: parsed.map((l) => ({ goodsId: l.goodsId, quantity: l.quantity!, declaredValueFen: l.fen! })),
      });
      if (answer) setReceipt(answer as DonationReceipt);
    } else {
      const answer = await send('purchases', {
        supplier: party.trim(),
        lines: parsed.map((l) => ({ goodsId: l.goodsId, quantity: l.quantity!, costFen: l.fen! })),
      });
      if (answer) setDone(t('points.stock.purchased'));
    }
  };

  return (
    <section className="points-stock" aria-labelledby="points-stock-heading">
      <h2 id="points-stock-heading">{t('points.stock.title')}</h2>
      {receipt ? <DonationReceiptView receipt={receipt} /> : null}
      <form onSubmit={submit} aria-label={t('points.stock.title')} noValidate className="points-section">
        <SelectField
          label={t('points.stock.kind')}
          value={kind}
          options={(['donation', 'purchase', 'adjustment'] as const).map((k) => ({
            value: k,
            label: t(`points.stock.kinds.${k}`),
          }))}
          onChange={(event) => {
            setKind(event.target.value as Kind);
            setProblem(null);
          }}
        />
        {kind === 'adjustment' ? (
          <div className="admin-form-grid">
            <SelectField
              label={t('points.stock.goods')}
              value={adjust.goodsId}
              placeholder={t('points.stock.pickGoods')}
              options={goodsOptions}
              onChange={(event) => setAdjust({ ...adjust, goodsId: event.target.value })}
            />
            <NumberField
              label={t('points.stock.delta')}
              hint={t('points.stock.deltaHint')}
              value={adjust.delta}
              onValueChange={(delta) => setAdjust({ ...adjust, delta })}
            />
            <TextAreaField
              label={t('points.stock.reason')}
              value={adjust.reason}
              maxLength={500}
              onChange={(event) => setAdjust({ ...adjust, reason: event.target.value })}
            />
          </div>
        ) : (
          <>
            <div className="admin-form-grid">
              <TextField
                label={t(kind === 'donation' ? 'points.stock.donor' : 'points.stock.supplier')}
                value={party}
                maxLength={200}
                onChange={(event) => setParty(event.target.value)}
              />
              {kind === 'donation' ? (
                <TextField
                  label={t('points.stock.donorContact')}
                  value={contact}
                  maxLength={100}
                  onChange={(event) => setContact(event.target.value)}
                />
              ) : null}
            </div>
            <ol className="points-items__list">
              {lines.map((line, index) => (
                <li
                  key={line.key}
                  className="points-stock-line"
                  aria-label={t('points.stock.lineNo', { n: index + 1 })}
                >
                  <SelectField
                    label={t('points.stock.goods')}
                    value={line.goodsId}
                    placeholder={t('points.stock.pickGoods')}
                    options={goodsOptions}
                    onChange={(event) => change(line.key, { goodsId: event.target.value })}
                  />
                  <NumberField
                    label={t('points.stock.quantity')}
                    value={line.quantity}
                    onValueChange={(quantity) => change(line.key, { quantity })}
                  />
                  <TextField
                    label={t(kind === 'donation' ? 'points.stock.declaredValue' : 'points.stock.cost')}
                    hint={t('points.stock.yuanHint')}
                    inputMode="decimal"
                    value={line.yuan}
                    onChange={(event) => change(line.key, { yuan: event.target.value })}
                  />
                  <Button
                    type="button"
                    variant="ghost"
                    disabled={lines.length === 1}
                    onClick={() => setLines((current) => current.filter((l) => l.key !== line.key))}
                  >
                    {t('points.stock.removeLine', { n: index + 1 })}
                  </Button>
                </li>
              ))}
            </ol>
            <Button
              type="button"
              variant="secondary"
              onClick={() => setLines((current) => [...current, blankLine()])}
            >
              {t('points.stock.addLine')}
            </Button>
          </>
        )}
        {problem ? (
          <div>
            <Notice tone="error" title={problem} />
          </div>
        ) : null}
        {done ? <p role="status">{done}</p> : null}
        <div className="admin-form-buttons">
          <Button type="submit" size="lg" loading={busy}>
            {t(`points.stock.save.${kind}`)}
          </Button>
        </div>
      </form>
    </section>
  );
}
