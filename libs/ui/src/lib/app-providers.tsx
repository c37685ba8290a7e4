import type { ApiClient } from '@fupin/api-client';
import type { i18n as I18n } from 'i18next';
import type { ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';
import { ApiClientProvider } from './api/api-client-context';

export interface AppProvidersProps {
  i18n: I18n;
  client: ApiClient;
  children: ReactNode;
}

/** What every screen of every app relies on. Passed in, so tests can give a local server's client. */
export function AppProviders({ i18n, client, children }: AppProvidersProps) {
  return (
    <I18nextProvider i18n={i18n}>
      <ApiClientProvider client={client}>{children}</ApiClientProvider>
    </I18nextProvider>
  );
}
