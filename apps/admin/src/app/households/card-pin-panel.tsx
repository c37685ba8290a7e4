import type { HouseholdDetail } from '@fupin/contracts';
import { Button, Notice, TextField, useApiClient } from '@fupin/ui';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useErrorText } from '../common/use-error-text';

interface CardPinPanelProps {
  household: HouseholdDetail;
  onDone: (next: HouseholdDetail, message: string) => void;
}

/** Set or reset the kiosk PIN (4–6 digits) and unlock a locked card: the village committee and store keeper. */
export function CardPinPanel({ household, onDone }: CardPinPanelProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useErrorText();
  const [pin, setPin] = useState('');
  const [again, setAgain] = useState('');
  const [errors, setErrors] = useState<{ pin?: string; again?: string }>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState<'pin' | 'unlock' | null>(null);
  const base = `/api/registry/households/${household.id}`;

  const savePin = async (event: FormEvent) => {
    event.preventDefault();
    const found = {
      pin: /^\d{4,6}$/.test(pin) ? undefined : t('households.card.pinInvalid'),
      again: pin === again ? undefined : t('households.card.pinMismatch'),
    };
    setErrors(found);
    if (found.pin || found.again) return;
    setBusy('pin');
    setFailure(null);
    try {
      const next = await client.put<HouseholdDetail>(`${base}/pin`, { pin });
      setPin('');
      setAgain('');
      onDone(next, t('households.card.pinSaved'));
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(null);
    }
  };

  const unlock = async () => {
    setBusy('unlock');
    setFailure(null);
    try {
      onDone(await client.post<HouseholdDetail>(`${base}/card/unlock`), t('households.card.unlocked'));
    } catch (error) {
      setFailure(errorText(error));
    } finally {
      setBusy(null);
    }
  };

  return (
    <section className="admin-section admin-card-panel" aria-labelledby="card-panel-title">
      <h2 id="card-panel-title">{t('households.card.title')}</h2>
      {failure ? <Notice tone="error" title={failure} /> : null}
      {household.cardLocked ? (
        <Notice
          tone="warning"
          title={t('households.card.lockedNotice')}
          action={
            <Button loading={busy === 'unlock'} onClick={unlock}>
              {t('households.card.unlock')}
            </Button>
          }
        />
      ) : null}
      <form onSubmit={savePin} noValidate aria-label={t('households.card.pinTitle')}>
        <p className="admin-muted">{t('households.card.pinHint')}</p>
        <div className="admin-form-grid">
          <TextField
            label={t(household.hasPin ? 'households.card.newPin' : 'households.card.pin')}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            value={pin}
            error={errors.pin}
            onChange={(event) => setPin(event.target.value.trim())}
          />
          <TextField
            label={t('households.card.pinAgain')}
            type="password"
            inputMode="numeric"
            autoComplete="off"
            maxLength={6}
            value={again}
            error={errors.again}
            onChange={(event) => setAgain(event.target.value.trim())}
          />
        </div>
        <Button type="submit" variant="secondary" loading={busy === 'pin'}>
          {t(household.hasPin ? 'households.card.resetPin' : 'households.card.setPin')}
        </Button>
      </form>
    </section>
  );
}
