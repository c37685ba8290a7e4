import { MAX_EXPIRY_MONTHS, type ExpiryPolicyView, type SetExpiryPolicyBody } from '@fupin/contracts';
import { Button, CheckboxField, Notice, NumberField, TextField, useApiClient } from '@fupin/ui';
import type { TFunction } from 'i18next';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../../common/use-error-text';
import { expiryPolicyPath, localDay } from '../points-api';

/** A new policy usually starts on the 1st of next month. */
function firstOfNextMonth(): string {
  const now = new Date();
  return localDay(new Date(now.getFullYear(), now.getMonth() + 1, 1));
}

/** Months a new policy proposes: two years. */
const DEFAULT_MONTHS = 24;

/**
 * Why saving needs a second yes: turning expiry on, shortening the period or moving the start
 * earlier all make villagers' points lapse sooner, and lapsed points are not given back.
 */
function harsherBecause(before: ExpiryPolicyView | null, after: SetExpiryPolicyBody, t: TFunction): string[] {
  if (!after.enabled) return [];
  if (!before || !before.enabled)
    return [t('points.expiry.confirmOn', { from: after.effectiveFrom, months: after.months })];
  const reasons: string[] = [];
  if (after.months < before.months)
    reasons.push(t('points.expiry.confirmShorter', { before: before.months, months: after.months }));
  if (after.effectiveFrom < before.effectiveFrom)
    reasons.push(
      t('points.expiry.confirmEarlier', { before: before.effectiveFrom, from: after.effectiveFrom }),
    );
  return reasons;
}

export interface ExpiryPolicyFormProps {
  county: string;
  /** The policy in force, or null when the county has none. */
  policy: ExpiryPolicyView | null;
  onSaved: (view: ExpiryPolicyView) => void;
  /** Called when the reader starts a new change (to clear the last “saved”). */
  onEdit: () => void;
}

/** The county administrator's form: on/off, months, start date; asks again before harsher rules. */
export function ExpiryPolicyForm({ county, policy, onSaved, onEdit }: ExpiryPolicyFormProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const [enabled, setEnabled] = useState(policy?.enabled ?? false);
  const [months, setMonths] = useState<number | null>(policy?.months ?? DEFAULT_MONTHS);
  const [effectiveFrom, setEffectiveFrom] = useState(policy?.effectiveFrom ?? firstOfNextMonth());
  const [problems, setProblems] = useState<{ months?: string; effectiveFrom?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [asking, setAsking] = useState<{ body: SetExpiryPolicyBody; reasons: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const edited = () => {
    setAsking(null);
    setFailure(null);
    setInfo(null);
    onEdit();
  };

  const save = async (body: SetExpiryPolicyBody) => {
    setBusy(true);
    setFailure(null);
    try {
      const view = await client.put<ExpiryPolicyView>(expiryPolicyPath(county), body);
      setAsking(null);
      onSaved(view);
    } catch (error) {
      setAsking(null);
      setFailure(errorText(error));
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setFailure(null);
    setInfo(null);
    const found: typeof problems = {};
    if (months === null || months < 1 || months > MAX_EXPIRY_MONTHS)
      found.months = t('points.expiry.badMonths', { max: MAX_EXPIRY_MONTHS });
    if (!/^\d{4}-\d{2}-\d{2}$/.test(effectiveFrom)) found.effectiveFrom = t('points.expiry.badDate');
    setProblems(found);
    if (found.months || found.effectiveFrom || months === null) return;
    const body: SetExpiryPolicyBody = { enabled, months, effectiveFrom };
    if (
      policy &&
      policy.enabled === body.enabled &&
      policy.months === body.months &&
      policy.effectiveFrom === body.effectiveFrom
    ) {
      setInfo(t('points.expiry.unchanged'));
      return;
    }
    const reasons = harsherBecause(policy, body, t);
    if (reasons.length > 0) {
      setAsking({ body, reasons });
      return;
    }
    void save(body);
  };

  return (
    <form
      className="points-section admin-narrow"
      onSubmit={submit}
      aria-label={policy ? t('points.expiry.editTitle') : t('points.expiry.createTitle')}
      noValidate
    >
      <h3>{policy ? t('points.expiry.editTitle') : t('points.expiry.createTitle')}</h3>
      <CheckboxField
        label={t('points.expiry.enabled')}
        hint={t('points.expiry.enabledHint')}
        checked={enabled}
        onChange={(event) => {
          setEnabled(event.target.checked);
          edited();
        }}
      />
      <div className="admin-form-grid">
        <NumberField
          label={t('points.expiry.monthsLabel')}
          hint={t('points.expiry.monthsHint', { max: MAX_EXPIRY_MONTHS })}
          unit={t('points.expiry.monthsUnit')}
          value={months}
          error={problems.months}
          onValueChange={(value) => {
            setMonths(value);
            edited();
          }}
        />
        <TextField
          label={t('points.expiry.effectiveFrom')}
          hint={t('points.expiry.effectiveHint')}
          type="date"
          value={effectiveFrom}
          error={problems.effectiveFrom}
          onChange={(event) => {
            setEffectiveFrom(event.target.value);
            edited();
          }}
        />
      </div>
      {failure ? <Notice tone="error" title={failure} /> : null}
      {info ? <p role="status">{info}</p> : null}
      {asking ? (
        <div className="admin-confirm" role="group" aria-label={t('points.expiry.confirmTitle')}>
          {asking.reasons.map((reason) => (
            <p key={reason} className="admin-confirm__question">
              {reason}
            </p>
          ))}
          <p>{t('points.expiry.confirmQuestion')}</p>
          <div className="admin-confirm__buttons">
            <Button size="lg" loading={busy} onClick={() => save(asking.body)}>
              {t('points.expiry.confirmSave')}
            </Button>
            <Button size="lg" variant="ghost" disabled={busy} onClick={() => setAsking(null)}>
              {t('adm.cancel')}
            </Button>
          </div>
        </div>
      ) : (
        <Button type="submit" size="lg" loading={busy}>
          {t('points.expiry.save')}
        </Button>
      )}
    </form>
  );
}
