import { isApiClientError } from '@fupin/api-client';
import { useApiClient, Button, Notice } from '@fupin/ui';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { attemptsLeft, useKioskErrorText } from '../session/kiosk-error-text';
import { KioskSession } from '../session/kiosk-session';
import { Keypad } from './keypad';

const MAX_PIN = 6;
const MIN_PIN = 4;

export interface PinStepProps {
  cardNumber: string;
  credential: string;
  onSignedIn(session: KioskSession): void;
  /** Back to the card screen, with the refusal when the card itself was refused. */
  onCancel(error?: unknown): void;
}

/** Screen 2: the PIN, masked, on big keys. A wrong PIN stays here; a refused card goes back. */
export function PinStep({ cardNumber, credential, onSignedIn, onCancel }: PinStepProps) {
  const { t } = useTranslation();
  const client = useApiClient();
  const errorText = useKioskErrorText();
  const [pin, setPin] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const busyRef = useRef(false);

  const submit = async (value = pin) => {
    if (busyRef.current) return;
    if (value.length < MIN_PIN) {
      setError(t('kiosk.pin.tooShort'));
      return;
    }
    busyRef.current = true;
    setBusy(true);
    setError(null);
    try {
      onSignedIn(await KioskSession.signIn(client, credential, cardNumber, value));
    } catch (failure) {
      setPin('');
      const wrongPin =
        isApiClientError(failure) &&
        failure.code === 'KIOSK_SIGN_IN_FAILED' &&
        attemptsLeft(failure) !== undefined;
      const stayHere =
        wrongPin || !isApiClientError(failure) || failure.status === 0 || failure.status >= 500;
      if (stayHere) setError(errorText(failure));
      else onCancel(failure);
    } finally {
      busyRef.current = false;
      setBusy(false);
    }
  };
  const type = (digit: string) => {
    setError(null);
    setPin((current) => (current.length < MAX_PIN ? current + digit : current));
  };

  // A keyboard (or a PIN pad that types) works as well as the screen.
  const latest = useRef({ submit, type, setPin });
  latest.current = { submit, type, setPin };
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (/^\d$/.test(event.key)) latest.current.type(event.key);
      else if (event.key === 'Backspace') latest.current.setPin((p) => p.slice(0, -1));
      else if (event.key === 'Enter') void latest.current.submit();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="kiosk-pin">
      <section className="kiosk-pin__entry" aria-labelledby="kiosk-pin-title">
        <h1 id="kiosk-pin-title" className="kiosk-step-title">
          {t('kiosk.pin.title')}
        </h1>
        <p className="kiosk-pin__card">{t('kiosk.pin.card', { card: cardNumber })}</p>
        <p className="kiosk-hint">{t('kiosk.pin.hint')}</p>
        <div
          className="kiosk-pin__dots"
          role="img"
          aria-label={`${t('kiosk.pin.label')}: ${t('kiosk.pin.entered', { count: pin.length })}`}
        >
          {Array.from({ length: MAX_PIN }, (_, i) => (
            <span key={i} className={`kiosk-pin__dot${i < pin.length ? ' kiosk-pin__dot--on' : ''}`} />
          ))}
        </div>
        {error ? <Notice tone="error">{error}</Notice> : null}
        <Button variant="secondary" size="lg" onClick={() => onCancel()} disabled={busy}>
          {t('kiosk.pin.cancel')}
        </Button>
      </section>
      <Keypad
        onKey={type}
        onBack={() => setPin((p) => p.slice(0, -1))}
        onClear={() => setPin('')}
        action={
          <Button size="xl" block loading={busy} onClick={() => void submit()}>
            {t('kiosk.pin.ok')}
          </Button>
        }
      />
    </div>
  );
}
