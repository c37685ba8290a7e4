import { isApiClientError } from '@fupin/api-client';
import { errorMessageKey } from '@fupin/ui';
import { useTranslation } from 'react-i18next';

/** Server codes the kiosk explains in its own plain words (`kiosk.errors.*`). */
const KNOWN: Record<string, string> = {
  CARD_LOCKED: 'kiosk.errors.cardLocked',
  PIN_NOT_SET: 'kiosk.errors.pinNotSet',
  HOUSEHOLD_NOT_IN_KIOSK_VILLAGE: 'kiosk.errors.otherVillage',
  KIOSK_SESSION_ENDED: 'kiosk.errors.sessionEnded',
  KIOSK_MISMATCH: 'kiosk.errors.sessionEnded',
  INSUFFICIENT_POINTS: 'kiosk.errors.insufficientPoints',
  OUT_OF_STOCK: 'kiosk.errors.outOfStock',
  GOODS_NOT_FOUND: 'kiosk.errors.outOfStock',
  REDEMPTION_BLOCKED: 'kiosk.errors.redemptionBlocked',
  KIOSK_CREDENTIAL_INVALID: 'kiosk.errors.deviceNotReady',
  KIOSK_INACTIVE: 'kiosk.errors.deviceNotReady',
  KIOSK_NOT_FOUND: 'kiosk.errors.deviceNotReady',
};

/** The number of PIN tries left, when the registry said so with a wrong PIN. */
export function attemptsLeft(error: unknown): number | undefined {
  if (!isApiClientError(error)) return undefined;
  const details = error.details as { attemptsLeft?: unknown } | undefined;
  return typeof details?.attemptsLeft === 'number' ? details.attemptsLeft : undefined;
}

/** A plain sentence for a failed kiosk request, in the reader's language. */
export function useKioskErrorText(): (error: unknown) => string {
  const { t } = useTranslation();
  return (error) => {
    if (!isApiClientError(error) || error.status === 0 || error.status >= 500) {
      return t(errorMessageKey(error));
    }
    if (error.code === 'KIOSK_SIGN_IN_FAILED') {
      const left = attemptsLeft(error);
      return left === undefined
        ? t('kiosk.errors.wrongCard')
        : t('kiosk.errors.wrongPinAttempts', { count: left });
    }
    if (error.code === 'VALIDATION_FAILED') return t('kiosk.errors.pinFormat');
    const key = KNOWN[error.code];
    return key ? t(key) : t('common.error.server');
  };
}
