import type { KioskDeviceView, RedemptionReceipt } from '@fupin/contracts';
import { Button, DEFAULT_LANGUAGE } from '@fupin/ui';
import { useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useKioskErrorText } from '../session/kiosk-error-text';
import type { KioskSession } from '../session/kiosk-session';
import { CardStep } from './card-step';
import { PinStep } from './pin-step';
import { ReceiptStep } from './receipt-step';
import { ShopStep } from './shop-step';
import { useIdle } from './use-idle';

/** A minute without a touch, then 15 seconds of warning: nobody walks away signed in. */
export const IDLE_MS = 60_000;
export const WARN_MS = 15_000;

type Step =
  | { name: 'card' }
  | { name: 'pin'; cardNumber: string }
  | { name: 'shop'; session: KioskSession }
  | { name: 'receipt'; session: KioskSession; receipt: RedemptionReceipt };

/** Why the villager is back at the card screen; worded at display time, in the language shown then. */
type Message = { tone: 'ok' | 'neutral'; key: string } | { tone: 'error'; error: unknown } | null;

export interface KioskFlowProps {
  device: KioskDeviceView;
  credential: string;
  /** Shown under the card entry (e.g. the keeper's way to the set-up screen). */
  cardFooter?: ReactNode;
}

/**
 * The villager's whole visit in four screens — card, PIN, shop, receipt — as one state machine
 * rather than addresses, so the browser's back button or a typed URL cannot skip a step.
 */
export function KioskFlow({ device, credential, cardFooter }: KioskFlowProps) {
  const { t, i18n } = useTranslation();
  const errorText = useKioskErrorText();
  const [step, setStep] = useState<Step>({ name: 'card' });
  const [message, setMessage] = useState<Message>(null);
  const sessionRef = useRef<KioskSession | null>(null);
  sessionRef.current = step.name === 'shop' || step.name === 'receipt' ? step.session : null;

  /** Back to the card screen: the session ends and the next villager starts in Chinese. */
  const finish = useCallback(
    (next: Message) => {
      void sessionRef.current?.end();
      if (typeof window !== 'undefined' && 'speechSynthesis' in window) window.speechSynthesis.cancel();
      if (i18n.language !== DEFAULT_LANGUAGE) void i18n.changeLanguage(DEFAULT_LANGUAGE);
      setMessage(next);
      setStep({ name: 'card' });
    },
    [i18n],
  );

  // Leaving the screen (reload, closing the app) ends the villager's session too.
  useEffect(() => () => void sessionRef.current?.end(), []);

  const idle = useIdle({
    active: step.name !== 'card',
    idleMs: IDLE_MS,
    warnMs: WARN_MS,
    onActivity: () => sessionRef.current?.keepAlive(),
    onTimeout: () => finish({ tone: 'neutral', key: 'kiosk.idle.timedOut' }),
  });

  let screen: ReactNode;
  switch (step.name) {
    case 'card':
      screen = (
        <CardStep
          message={
            message &&
            (message.tone === 'error'
              ? { tone: 'error', text: errorText(message.error) }
              : { tone: message.tone, text: t(message.key) })
          }
          footer={cardFooter}
          onCard={(cardNumber) => {
            setMessage(null);
            setStep({ name: 'pin', cardNumber });
          }}
        />
      );
      break;
    case 'pin':
      screen = (
        <PinStep
          cardNumber={step.cardNumber}
          credential={credential}
          onSignedIn={(session) => setStep({ name: 'shop', session })}
          onCancel={(error) => finish(error === undefined ? null : { tone: 'error', error })}
        />
      );
      break;
    case 'shop':
      screen = (
        <ShopStep
          session={step.session}
          storeId={device.storeId}
          onReceipt={(receipt) => setStep({ name: 'receipt', session: step.session, receipt })}
          onExit={(error) =>
            finish(error === undefined ? { tone: 'ok', key: 'kiosk.signedOut' } : { tone: 'error', error })
          }
        />
      );
      break;
    case 'receipt':
      screen = (
        <ReceiptStep receipt={step.receipt} onDone={() => finish({ tone: 'ok', key: 'kiosk.signedOut' })} />
      );
      break;
  }

  return (
    <>
      {screen}
      {idle.warning ? (
        <div className="kiosk-idle" role="alertdialog" aria-modal="true" aria-labelledby="kiosk-idle-title">
          <div className="kiosk-idle__box">
            <h2 id="kiosk-idle-title" className="kiosk-idle__title">
              {t('kiosk.idle.title')}
            </h2>
            <p>{t('kiosk.idle.message', { seconds: idle.secondsLeft })}</p>
            <Button size="xl" onClick={idle.stay} autoFocus>
              {t('kiosk.idle.stay')}
            </Button>
          </div>
        </div>
      ) : null}
    </>
  );
}
