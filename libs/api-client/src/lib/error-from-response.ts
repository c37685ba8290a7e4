import type { ApiError } from '@fupin/contracts';
import { ApiClientError } from './api-client-error';

function isApiErrorBody(payload: unknown): payload is ApiError {
  if (typeof payload !== 'object' || payload === null) return false;
  const body = payload as Record<string, unknown>;
  return typeof body['code'] === 'string' && typeof body['message'] === 'string';
}

/** A message from a body without a code, such as NestJS's default `{statusCode, message, error}`. */
function looseMessage(payload: unknown): string | undefined {
  if (typeof payload !== 'object' || payload === null) return undefined;
  const message = (payload as Record<string, unknown>)['message'];
  if (typeof message === 'string') return message;
  if (Array.isArray(message) && message.every((part) => typeof part === 'string')) return message.join('; ');
  return undefined;
}

/** Turns a non-2xx answer into an ApiClientError, keeping the server's code and message when it sent them. */
export function errorFromResponse(status: number, statusText: string, payload: unknown): ApiClientError {
  if (isApiErrorBody(payload)) {
    return new ApiClientError({
      status,
      code: payload.code,
      message: payload.message,
      details: payload.details,
    });
  }
  return new ApiClientError({
    status,
    code: `http_${status}`,
    message: looseMessage(payload) ?? `HTTP ${status}${statusText ? ` ${statusText}` : ''}`,
    details: payload,
  });
}
