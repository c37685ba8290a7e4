import { CLIENT_ERROR_CODES, isApiClientError } from '@fupin/api-client';

/** The `common.error.*` key that explains a failed request in plain words. */
export function errorMessageKey(error: unknown): string {
  if (isApiClientError(error)) {
    if (error.code === CLIENT_ERROR_CODES.network) return 'common.error.network';
    if (error.code === CLIENT_ERROR_CODES.timeout) return 'common.error.timeout';
  }
  return 'common.error.server';
}
