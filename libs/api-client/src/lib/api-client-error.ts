/**
 * Codes the client itself assigns. Any other code comes from the server's `{code, message}` body,
 * or is `http_<status>` when the server sent no code.
 */
export const CLIENT_ERROR_CODES = {
  /** The request never reached a server: offline, DNS failure, connection refused or reset. */
  network: 'network',
  /** No answer within the client's time limit. */
  timeout: 'timeout',
  /** The caller cancelled the request through its AbortSignal. */
  aborted: 'aborted',
  /** The server answered with a body that is not the JSON the client expected. */
  invalidResponse: 'invalid_response',
} as const;

export type ClientErrorCode = (typeof CLIENT_ERROR_CODES)[keyof typeof CLIENT_ERROR_CODES];

/** A client code, or a code chosen by the server (kept open so server codes type-check). */
export type ApiClientErrorCode = ClientErrorCode | (string & {});

export interface ApiClientErrorInit {
  /** HTTP status, or 0 when no response arrived (network, timeout, aborted). */
  status: number;
  code: ApiClientErrorCode;
  message: string;
  details?: unknown;
  cause?: unknown;
}

/** The one error type every api-client call throws, so screens can choose a plain message by `code`. */
export class ApiClientError extends Error {
  override readonly name = 'ApiClientError';
  readonly status: number;
  readonly code: ApiClientErrorCode;
  readonly details?: unknown;

  constructor(init: ApiClientErrorInit) {
    super(init.message, init.cause === undefined ? undefined : { cause: init.cause });
    this.status = init.status;
    this.code = init.code;
    this.details = init.details;
  }

  /** True when no server answered: the screen should say the network is down, not that data is wrong. */
  get isNetworkError(): boolean {
    return this.code === CLIENT_ERROR_CODES.network;
  }
}

export function isApiClientError(error: unknown): error is ApiClientError {
  return error instanceof ApiClientError;
}
