import type { HealthResponse, ServiceName } from '@fupin/contracts';
import { ApiClientError, CLIENT_ERROR_CODES } from './api-client-error';
import { buildUrl, type QueryParams } from './build-url';
import { errorFromResponse } from './error-from-response';
import { isHealthResponse } from './health';
import { requestSignal } from './request-signal';

export type FetchLike = (input: string, init: RequestInit) => Promise<Response>;

export interface ApiClientOptions {
  /** Origin and prefix put before every path; '' (the default) calls the page's own origin. */
  baseUrl?: string;
  /** Returns the bearer token for the next request, or nothing when signed out. */
  getToken?: () => string | null | undefined | Promise<string | null | undefined>;
  /** Replaces the global fetch (another realm, instrumentation). */
  fetchImpl?: FetchLike;
  /** Time limit for each request; 15 s unless given. */
  timeoutMs?: number;
}

export interface RequestOptions {
  query?: QueryParams;
  signal?: AbortSignal;
  headers?: Readonly<Record<string, string>>;
  timeoutMs?: number;
}

export interface CommandOptions extends RequestOptions {
  /** Sent as `Idempotency-Key`: repeating a command that moves points or money returns the first answer. */
  idempotencyKey?: string;
}

export interface ApiClient {
  readonly baseUrl: string;
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body?: unknown, options?: CommandOptions): Promise<T>;
  put<T>(path: string, body?: unknown, options?: CommandOptions): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: CommandOptions): Promise<T>;
  delete<T>(path: string, options?: CommandOptions): Promise<T>;
  /**
   * `GET /api/<service>/health`. A service that is up but not ready answers 503 with the same
   * terminus body; that body is returned, not thrown, so a screen can show which check failed.
   */
  getHealth(service: ServiceName, options?: RequestOptions): Promise<HealthResponse>;
}

const DEFAULT_TIMEOUT_MS = 15_000;
const HEALTH_TIMEOUT_MS = 5_000;

interface SendOptions extends CommandOptions {
  body?: unknown;
  /** Lets a non-2xx answer through when its body is still the expected shape. */
  acceptErrorBody?: (status: number, payload: unknown) => boolean;
}

/** Creates a typed JSON client for the platform's `/api/<service>` endpoints. */
export function createApiClient(options: ApiClientOptions = {}): ApiClient {
  const baseUrl = options.baseUrl ?? '';
  const defaultTimeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // Resolved per call and never called as a method of another object: browsers reject an unbound window.fetch.
  const doFetch: FetchLike = options.fetchImpl ?? ((input, init) => globalThis.fetch(input, init));

  async function send<T>(method: string, path: string, send: SendOptions = {}): Promise<T> {
    const url = buildUrl(baseUrl, path, send.query);
    const headers = new Headers({ Accept: 'application/json', ...send.headers });
    const token = await options.getToken?.();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    if (send.idempotencyKey) headers.set('Idempotency-Key', send.idempotencyKey);
    const hasBody = send.body !== undefined;
    if (hasBody) headers.set('Content-Type', 'application/json');

    const stop = requestSignal(send.timeoutMs ?? defaultTimeoutMs, send.signal);
    try {
      let response: Response;
      let text: string;
      try {
        response = await doFetch(url, {
          method,
          headers,
          body: hasBody ? JSON.stringify(send.body) : undefined,
          signal: stop.signal,
        });
        text = await response.text();
      } catch (cause) {
        throw failureBeforeAnswer(method, url, stop.reason(), cause);
      }
      return settle<T>(response, text, send.acceptErrorBody);
    } finally {
      stop.dispose();
    }
  }

  return {
    baseUrl,
    get: (path, opts) => send('GET', path, opts),
    post: (path, body, opts) => send('POST', path, { ...opts, body }),
    put: (path, body, opts) => send('PUT', path, { ...opts, body }),
    patch: (path, body, opts) => send('PATCH', path, { ...opts, body }),
    delete: (path, opts) => send('DELETE', path, opts),
    getHealth: (service, opts) =>
      send('GET', `/api/${service}/health`, {
        ...opts,
        timeoutMs: opts?.timeoutMs ?? HEALTH_TIMEOUT_MS,
        acceptErrorBody: (status, payload) => status === 503 && isHealthResponse(payload),
      }),
  };
}

function settle<T>(response: Response, text: string, acceptErrorBody: SendOptions['acceptErrorBody']): T {
  let payload: unknown;
  let parsed = true;
  if (text.length > 0) {
    try {
      payload = JSON.parse(text);
    } catch {
      parsed = false;
    }
  }
  if (response.ok || (parsed && acceptErrorBody?.(response.status, payload))) {
    if (!parsed) {
      throw new ApiClientError({
        status: response.status,
        code: CLIENT_ERROR_CODES.invalidResponse,
        message: `Expected JSON from the server, got: ${text.slice(0, 80)}`,
      });
    }
    return payload as T;
  }
  throw errorFromResponse(response.status, response.statusText, parsed ? payload : undefined);
}

function failureBeforeAnswer(
  method: string,
  url: string,
  stoppedBy: 'timeout' | 'aborted' | null,
  cause: unknown,
): ApiClientError {
  if (stoppedBy === 'timeout') {
    return new ApiClientError({
      status: 0,
      code: CLIENT_ERROR_CODES.timeout,
      message: `${method} ${url} timed out`,
      cause,
    });
  }
  if (stoppedBy === 'aborted') {
    return new ApiClientError({
      status: 0,
      code: CLIENT_ERROR_CODES.aborted,
      message: `${method} ${url} was cancelled`,
      cause,
    });
  }
  return new ApiClientError({
    status: 0,
    code: CLIENT_ERROR_CODES.network,
    message: `${method} ${url} could not reach the server`,
    cause,
  });
}
