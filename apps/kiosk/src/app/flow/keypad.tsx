import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

export interface KeypadProps {
  onKey(key: string): void;
  onBack(): void;
  onClear(): void;
  /** Offers a letters page too (card numbers may start with letters, e.g. FC…). */
  withLetters?: boolean;
  /** The main action in the bottom-right corner, e.g. 确定. */
  action?: ReactNode;
}

/** A big on-screen keypad for fingers, not mice: keys at least the kiosk's 72px touch size. */
export function Keypad({ onKey, onBack, onClear, withLetters = false, action }: KeypadProps) {
  const { t } = useTranslation();
  const [letters, setLetters] = useState(false);
  const key = (value: string) => (
    <button key={value} type="button" className="kiosk-key" onClick={() => onKey(value)}>
      {value}
    </button>
  );
  return (
    <div className="kiosk-keypad" role="group" aria-label={t('kiosk.keypad.label')}>
      {letters ? (
        <div className="kiosk-keypad__letters">{LETTERS.map(key)}</div>
      ) : (
        <div className="kiosk-keypad__digits">
          {DIGITS.map(key)}
          <button type="button" className="kiosk-key kiosk-key--muted" onClick={onClear}>
            {t('kiosk.keypad.clear')}
          </button>
          {key('0')}
          <button type="button" className="kiosk-key kiosk-key--muted" onClick={onBack}>
            <span aria-hidden="true">⌫ </span>
            {t('kiosk.keypad.back')}
          </button>
        </div>
      )}
      <div className="kiosk-keypad__row">
        {withLetters ? (
          <button
            type="button"
            className="kiosk-key kiosk-key--muted"
            aria-pressed={letters}
            onClick={() => setLetters((on) => !on)}
          >
            {letters ? t('kiosk.keypad.digits') : t('kiosk.keypad.letters')}
          </button>
        ) : null}
        {letters ? (
          <button type="button" className="kiosk-key kiosk-key--muted" onClick={onBack}>
            <span aria-hidden="true">⌫ </span>
            {t('kiosk.keypad.back')}
          </button>
        ) : null}
        {action}
      </div>
    </div>
  );
}
