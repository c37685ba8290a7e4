import { Button, Notice } from '@fupin/ui';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Keypad } from './keypad';

export interface CardStepProps {
  onCard(cardNumber: string): void;
  /** Why the villager is back here (signed out, timed out, a refused sign-in). */
  message?: { tone: 'ok' | 'error' | 'neutral'; text: string } | null;
  footer?: ReactNode;
}

/** Normalises what a card reader or the keypad produced: letters and digits, upper case. */
export function normaliseCard(text: string): string {
  return text.replace(/[^0-9A-Za-z]/g, '').toUpperCase();
}

/**
 * Screen 1: the card. A card reader types the number and Enter into the focused field; a villager
 * without a reader types it on the big keypad.
 */
export function CardStep({ onCard, message, footer }: CardStepProps) {
  const { t } = useTranslation();
  const [card, setCard] = useState('');
  const [empty, setEmpty] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const inputId = useId();

  // The reader types into whatever has focus: keep it on the field.
  useEffect(() => input.current?.focus(), []);
  const refocus = () => input.current?.focus();
  const change = (next: string) => {
    setCard(normaliseCard(next).slice(0, 20));
    setEmpty(false);
    refocus();
  };
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (!card) {
      setEmpty(true);
      refocus();
      return;
    }
    onCard(card);
  };

  return (
    <div className="kiosk-card" onPointerUp={refocus}>
      <form className="kiosk-card__entry" onSubmit={submit} aria-labelledby="kiosk-welcome-title">
        <div className="kiosk-welcome">
          <h1 id="kiosk-welcome-title" className="kiosk-welcome__title">
            {t('kiosk.welcome.title')}
          </h1>
          <p className="kiosk-welcome__prompt">{t('kiosk.welcome.prompt')}</p>
          <p className="kiosk-welcome__motto">{t('kiosk.welcome.motto')}</p>
        </div>
        {message ? <Notice tone={message.tone}>{message.text}</Notice> : null}
        <label className="kiosk-card__label" htmlFor={inputId}>
          {t('kiosk.card.label')}
        </label>
        <input
          ref={input}
          id={inputId}
          className="kiosk-card__input"
          value={card}
          onChange={(event) => change(event.target.value)}
          inputMode="none"
          autoComplete="off"
          autoCapitalize="characters"
          spellCheck={false}
          aria-invalid={empty || undefined}
        />
        {empty ? (
          <p className="kiosk-field-error" role="alert">
            {t('kiosk.card.empty')}
          </p>
        ) : null}
        <Button type="submit" size="xl" block>
          {t('kiosk.card.next')}
        </Button>
        {footer}
      </form>
      <Keypad
        withLetters
        onKey={(key) => change(card + key)}
        onBack={() => change(card.slice(0, -1))}
        onClear={() => change('')}
      />
    </div>
  );
}
