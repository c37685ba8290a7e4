import { isApiClientError, newIdempotencyKey } from '@fupin/api-client';
import type { ExpiryPolicyView, ExpiryRunView, RunExpiryBody } from '@fupin/contracts';
import { formatPoints } from '@fupin/money';
import { Notice, TextField, useApiClient } from '@fupin/ui';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmButton } from '../../common/confirm-button';
import { useErrorText } from '../../common/use-error-text';
import { expiryRunsPath, localDay } from '../points-api';

export interface ExpiryRunPanelProps {
  county: string;
  policy: ExpiryPolicyView | null;
  /** Runs already listed: asking again for a day answers the run already made. */
  knownRuns: readonly ExpiryRunView[];
  onRan: () => void;
}

/** The county administrator runs expiry by hand (today, or a missed day), after saying yes twice. */
export function ExpiryRunPanel({ county, policy, knownRuns, onRan }: ExpiryRunPanelProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const [runDate, setRunDate] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);
  // One key per day asked for, kept until the ledger answers: pressing again after a lost answer
  // cannot run anything twice (the ledger also makes at most one run per day).
  const key = useRef(newIdempotencyKey());

  if (!policy || !policy.enabled) {
    return (
      <div className="points-section admin-narrow">
        <h3>{t('points.expiry.runTitle')}</h3>
        <p className="admin-muted">{t('points.expiry.runNeedsPolicy')}</p>
      </div>
    );
  }

  const dayText = runDate || t('points.expiry.today');
  const run = async () => {
    setBusy(true);
    setResult(null);
    const body: RunExpiryBody = runDate ? { runDate } : {};
    try {
      const answer = await client.post<ExpiryRunView>(expiryRunsPath(county), body, {
        idempotencyKey: key.current,
      });
      key.current = newIdempotencyKey();
      const values = {
        date: answer.runDate,
        households: answer.householdCount,
        points: formatPoints(answer.totalPoints),
      };
      const before = knownRuns.some((r) => r.id === answer.id);
      setResult({
        tone: 'ok',
        text: before
          ? t('points.expiry.ranBefore', values)
          : answer.totalPoints === 0
            ? t('points.expiry.ranNothing', values)
            : t('points.expiry.ran', values),
      });
      onRan();
    } catch (error) {
      // Keep the key only when no answer came back (the run may have been made).
      if (!isApiClientError(error) || error.status !== 0) key.current = newIdempotencyKey();
      setResult({ tone: 'error', text: errorText(error) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="points-section admin-narrow" role="group" aria-label={t('points.expiry.runTitle')}>
      <h3>{t('points.expiry.runTitle')}</h3>
      <p className="admin-muted">{t('points.expiry.runHint')}</p>
      <TextField
        label={t('points.expiry.runDateLabel')}
        hint={t('points.expiry.runDateHint')}
        type="date"
        value={runDate}
        max={localDay()}
        onChange={(event) => {
          setRunDate(event.target.value);
          key.current = newIdempotencyKey();
          setResult(null);
        }}
      />
      <ConfirmButton
        variant="primary"
        busy={busy}
        question={t('points.expiry.runQuestion', { months: policy.months, date: dayText })}
        confirmLabel={t('points.expiry.confirmRun')}
        onConfirm={run}
      >
        {t('points.expiry.runNow')}
      </ConfirmButton>
      {busy ? <p role="status">{t('points.expiry.running')}</p> : null}
      {result ? <Notice tone={result.tone} title={result.text} /> : null}
    </div>
  );
}
