import { isApiClientError } from '@fupin/api-client';
import { errorMessageKey, type Language } from '@fupin/ui';
import type { TFunction } from 'i18next';
import { formatDateTime } from '../common/format';

function detail<T>(error: { details?: unknown }, key: string): T | undefined {
  const details = error.details;
  return typeof details === 'object' && details !== null
    ? ((details as Record<string, unknown>)[key] as T)
    : undefined;
}

/** The login failure in plain words: how many tries are left, until when locked, wrong kind of account. */
export function loginErrorText(error: unknown, t: TFunction, language: Language): string {
  if (!isApiClientError(error)) return t('common.error.server');
  switch (error.code) {
    case 'INVALID_CREDENTIALS': {
      const left = detail<number>(error, 'attemptsLeft');
      return left === undefined
        ? t('storefront.login.invalid')
        : `${t('storefront.login.invalid')}${t('storefront.login.attemptsLeft', { count: left })}`;
    }
    case 'ACCOUNT_LOCKED': {
      const until = detail<string>(error, 'lockedUntil');
      return until
        ? t('storefront.login.lockedUntil', { time: formatDateTime(until, language) })
        : t('storefront.login.locked');
    }
    case 'ACCOUNT_DISABLED':
      return t('storefront.login.disabled');
    case 'NOT_A_BUYER':
      return t('storefront.login.notBuyer');
    default:
      return error.status === 0 || error.status >= 500
        ? t(errorMessageKey(error))
        : t('storefront.login.failed');
  }
}
