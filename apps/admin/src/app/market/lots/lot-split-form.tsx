import type { LotView } from '@fupin/contracts';
import { Button, Notice, TextField, useApiClient } from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { useErrorText } from '../../common/use-error-text';
import { MARKET } from '../market-api';
import { gramsToKg, parseKgToGrams } from '../market-units';

/** 拆分: one lot into parts by weight (kg); the last part is filled in with what remains. */
export function LotSplitForm({ lot, onDone }: { lot: LotView; onDone: () => void }) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const [parts, setParts] = useState<string[]>(['', '']);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const [made, setMade] = useState<LotView[] | null>(null);
  const grams = parts.map(parseKgToGrams);
  const given = grams.reduce<number>((sum, g) => sum + (g ?? 0), 0);
  const left = lot.weightGrams - given;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (grams.some((g) => g === null) || left !== 0) {
      setFailure(t('market.lots.split.mustAddUp', { kg: gramsToKg(lot.weightGrams) }));
      return;
    }
    setBusy(true);
    setFailure(null);
    try {
      setMade(await client.post<LotView[]>(`${MARKET}/lots/${lot.id}/split`, { partsGrams: grams }));
      onDone();
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };
  if (made)
    return (
      <Notice tone="ok" title={t('market.lots.split.done', { count: made.length })}>
        <ul>
          {made.map((part) => (
            <li key={part.id}>
              <Link to={`/market/lots/${part.id}`} className="admin-mono">
                {part.traceCode}
              </Link>{' '}
              {gramsToKg(part.weightGrams)} kg
            </li>
          ))}
        </ul>
      </Notice>
    );
  return (
    <form
      className="admin-inline-form"
      aria-label={t('market.lots.split.title')}
      onSubmit={submit}
      noValidate
    >
      <h3>{t('market.lots.split.title')}</h3>
      {failure ? <Notice tone="error" title={failure} /> : null}
      <div className="admin-form-grid">
        {parts.map((value, index) => (
          <TextField
            key={index}
            label={t('market.lots.split.part', { n: index + 1 })}
            inputMode="decimal"
            value={value}
            onChange={(event) => setParts(parts.map((p, i) => (i === index ? event.target.value : p)))}
          />
        ))}
      </div>
      <p role="status">
        {left >= 0
          ? t('market.lots.split.left', { kg: gramsToKg(left) })
          : t('market.lots.split.over', { kg: gramsToKg(-left) })}
      </p>
      <div className="admin-form-buttons">
        {parts.length < 20 ? (
          <Button variant="secondary" onClick={() => setParts([...parts, ''])}>
            {t('market.lots.split.addPart')}
          </Button>
        ) : null}
        {left > 0 ? (
          <Button
            variant="secondary"
            onClick={() => {
              const last = parts.length - 1;
              const lastGrams = (grams[last] ?? 0) + left;
              setParts(parts.map((p, i) => (i === last ? gramsToKg(lastGrams) : p)));
            }}
          >
            {t('market.lots.split.fillLast')}
          </Button>
        ) : null}
        <Button type="submit" loading={busy}>
          {t('market.lots.split.submit')}
        </Button>
      </div>
    </form>
  );
}
