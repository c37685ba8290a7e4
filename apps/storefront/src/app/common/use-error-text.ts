import { isApiClientError } from '@fupin/api-client';
import { errorMessageKey } from '@fupin/ui';
import { useTranslation } from 'react-i18next';
import { localiseServerText, useLanguage } from './language';

/**
 * A plain sentence for a failed request: the storefront's own words for codes it knows
 * (`storefront.errors.<CODE>`), the server's message (in the reader's language) for the rest, and
 * the shared network / timeout / server wording when nothing useful came back.
 */
export function useErrorText(): (error: unknown) => string {
  const { t, i18n } = useTranslation();
  const language = useLanguage();
  return (error) => {
    if (!isApiClientError(error)) return t('common.error.server');
    const known = `storefront.errors.${error.code}`;
    if (i18n.exists(known)) return t(known);
    if (error.status === 0 || error.status >= 500) return t(errorMessageKey(error));
    return error.message ? localiseServerText(error.message, language) : t('common.error.server');
  };
}
