export {
  createApiClient,
  type ApiClient,
  type ApiClientOptions,
  filenameFromDisposition,
  type CommandOptions,
  type DownloadedFile,
  type FetchLike,
  type RequestOptions,
} from './lib/api-client';
export {
  ApiClientError,
  CLIENT_ERROR_CODES,
  isApiClientError,
  type ApiClientErrorCode,
  type ApiClientErrorInit,
  type ClientErrorCode,
} from './lib/api-client-error';
export type { QueryParams } from './lib/build-url';
export { isHealthResponse } from './lib/health';
export { newIdempotencyKey } from './lib/idempotency-key';
