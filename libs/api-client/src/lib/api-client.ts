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
  /**
   * Called once when a request that carried a token is answered 401. Resolve `true` when a fresh
   * token is now available (a silent refresh): the request is then sent once more with it.
   */
  onUnauthorized?: () => boolean | Promise<boolean>;
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

/** A file the server sent, e.g. an import template. */
export interface DownloadedFile {
  blob: Blob;
  /** From Content-Disposition (`filename*` preferred), or null when the server named none. */
  filename: string | null;
  contentType: string;
}

export interface ApiClient {
  readonly baseUrl: string;
  get<T>(path: string, options?: RequestOptions): Promise<T>;
  post<T>(path: string, body?: unknown, options?: CommandOptions): Promise<T>;
  put<T>(path: string, body?: unknown, options?: CommandOptions): Promise<T>;
  patch<T>(path: string, body?: unknown, options?: CommandOptions): Promise<T>;
  delete<T>(path: string, options?: CommandOptions): Promise<T>;
  /** POSTs a multipart form (file uploads); the browser sets the boundary. Answers are JSON like the rest. */
  postForm<T>(path: string, form: FormData, options?: CommandOptions): Promise<T>;
  /** GETs a file (CSV, spreadsheet) with the same token and error handling as JSON calls. */
  download(path: string, options?: RequestOptions): Promise<DownloadedFile>;
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
  /** Sent as is (multipart forms), instead of `body` as JSON. */
  form?: FormData;
  /** Read the answer as a file instead of JSON. */
  asFile?: boolean;
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
    // A caller's own Authorization header (a household's card + PIN token on a public page) wins
    // over the signed-in user's token, and a 401 for it is not the user's session to refresh.
    const explicit = Object.keys(send.headers ?? {}).some((h) => h.toLowerCase() === 'authorization');
    const token = await (explicit ? undefined : options.getToken?.());
    const first = await sendOnce<T>(method, path, send, token);
    if (first.ok || first.error.status !== 401 || !token || !options.onUnauthorized) return unwrap(first);
    const refreshed = await options.onUnauthorized();
    if (!refreshed) return unwrap(first);
    return unwrap(await sendOnce<T>(method, path, send, await options.getToken?.()));
  }

  async function sendOnce<T>(
    method: string,
    path: string,
    send: SendOptions,
    token: string | null | undefined,
  ): Promise<Outcome<T>> {
    const url = buildUrl(baseUrl, path, send.query);
    const headers = new Headers({ Accept: send.asFile ? '*/*' : 'application/json', ...send.headers });
    if (token) headers.set('Authorization', `Bearer ${token}`);
    if (send.idempotencyKey) headers.set('Idempotency-Key', send.idempotencyKey);
    const hasJsonBody = send.body !== undefined && send.form === undefined;
    if (hasJsonBody) headers.set('Content-Type', 'application/json');

    const stop = requestSignal(send.timeoutMs ?? defaultTimeoutMs, send.signal);
    try {
      try {
        const response = await doFetch(url, {
          method,
          headers,
          body: send.form ?? (hasJsonBody ? JSON.stringify(send.body) : undefined),
          signal: stop.signal,
        });
        if (send.asFile && response.ok) {
          const blob = await response.blob();
          return { ok: true, value: fileFrom(response, blob) as T };
        }
        const text = await response.text();
        return settle<T>(response, text, send.acceptErrorBody);
      } catch (cause) {
        if (cause instanceof ApiClientError) return { ok: false, error: cause };
        return { ok: false, error: failureBeforeAnswer(method, url, stop.reason(), cause) };
      }
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
    postForm: (path, form, opts) => send('POST', path, { ...opts, form }),
    download: (path, opts) => send<DownloadedFile>('GET', path, { ...opts, asFile: true }),
    getHealth: (service, opts) =>
      send('GET', `/api/${service}/health`, {
        ...opts,
        timeoutMs: opts?.timeoutMs ?? HEALTH_TIMEOUT_MS,
        acceptErrorBody: (status, payload) => status === 503 && isHealthResponse(payload),
      }),
  };
}

type Outcome<T> = { ok: true; value: T } | { ok: false; error: ApiClientError };

function unwrap<T>(outcome: Outcome<T>): T {
  if (outcome.ok) return outcome.value;
  throw outcome.error;
}

function settle<T>(
  response: Response,
  text: string,
  acceptErrorBody: SendOptions['acceptErrorBody'],
): Outcome<T> {
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
      return {
        ok: false,
        error: new ApiClientError({
          status: response.status,
          code: CLIENT_ERROR_CODES.invalidResponse,
          message: `Expected JSON from the server, got: ${text.slice(0, 80)}`,
        }),
      };
    }
    return { ok: true, value: payload as T };
  }
  return {
    ok: false,
    error: errorFromResponse(response.status, response.statusText, parsed ? payload : undefined),
  };
}

/** The file's name from Content-Disposition: RFC 5987 `filename*=UTF-8''…` first, then plain `filename=`. */
export function filenameFromDisposition(header: string | null): string | null {
  if (!header) return null;
  const extended = /filename\*\s*=\s*([^']*)'[^']*'([^;]+)/i.exec(header);
  if (extended) {
    try {
      return decodeURIComponent(extended[2]!.trim());
    } catch {
      // fall through to the plain name
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/i.exec(header);
  return plain ? plain[1]!.trim() : null;
}

function fileFrom(response: Response, blob: Blob): DownloadedFile {
  return {
    blob,
    filename: filenameFromDisposition(response.headers.get('Content-Disposition')),
    contentType: response.headers.get('Content-Type') ?? blob.type,
  };
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
