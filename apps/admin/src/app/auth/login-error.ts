import { isApiClientError } from '@fupin/api-client';
import { errorMessageKey } from '@fupin/ui';
import type { TFunction } from 'i18next';
import type { Language } from '@fupin/ui';
import { formatDateTime } from '../common/format';

function detail<T>(error: { details?: unknown }, key: string): T | undefined {
  const details = error.details;
  return typeof details === 'object' && details !== null
    ? ((details as Record<string, unknown>)[key] as T)
    : undefined;
}

/** The login failure in words a village clerk understands: how many tries are left, until when locked. */
export function loginErrorText(error: unknown, t: TFunction, language: Language): string {
  if (!isApiClientError(error)) return t('common.error.server');
  switch (error.code) {
    case 'INVALID_CREDENTIALS': {
      const left = detail<number>(error, 'attemptsLeft');
      return left === undefined
        ? t('auth.login.invalid')
        : `${t('auth.login.invalid')}${t('auth.login.attemptsLeft', { count: left })}`;
    }
    case 'ACCOUNT_LOCKED': {
      const until = detail<string>(error, 'lockedUntil');
      return until
        ? t('auth.login.lockedUntil', { time: formatDateTime(until, language) })
        : t('auth.login.locked');
    }
    case 'ACCOUNT_DISABLED':
      return t('auth.login.disabled');
    case 'NOT_A_STAFF_USER':
      return t('auth.login.household');
    default:
      return error.status === 0 || error.status >= 500 ? t(errorMessageKey(error)) : t('auth.login.failed');
  }
}
