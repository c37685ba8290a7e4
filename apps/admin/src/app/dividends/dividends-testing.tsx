import { createApiClient } from '@fupin/api-client';
import { sendJson, startStubServer, type RecordedRequest, type StubServer } from '@fupin/api-client/testing';
import { AppProviders, createI18n, type Language } from '@fupin/ui';
import { render } from '@testing-library/react';
import type { ServerResponse } from 'node:http';
import type { ReactNode } from 'react';
import { MemoryRouter } from 'react-router-dom';
import { ADMIN_STRINGS } from '../admin-strings';

/**
 * Answers one request of a component spec: `[status, body]` (JSON), `[status, text, headers]` (a
 * file), or undefined for a 404.
 */
export type DividendsRoute = (
  request: RecordedRequest,
) => [number, unknown] | [number, string, Record<string, string>] | undefined;

/** A stand-in dividends service on a real loopback port (no mocked fetch), answering by `route`. */
export function startDividendsStub(route: DividendsRoute): Promise<StubServer> {
  return startStubServer((request: RecordedRequest, response: ServerResponse) => {
    const answer = route(request) ?? [404, { code: 'NOT_FOUND', message: 'not found' }];
    if (answer.length === 3) {
      response.writeHead(answer[0], answer[2]);
      response.end(answer[1]);
    } else sendJson(response, answer[0], answer[1]);
  });
}

/** A dividends component with the app's words, an api client for `server` and a router. */
export function renderDividends(server: StubServer, ui: ReactNode, language: Language = 'zh-CN') {
  const i18n = createI18n(ADMIN_STRINGS, { storage: null, language });
  const client = createApiClient({ baseUrl: server.url });
  return render(
    <AppProviders i18n={i18n} client={client}>
      <MemoryRouter>{ui}</MemoryRouter>
    </AppProviders>,
  );
}
