import type { HealthResponse } from '@fupin/contracts';

const OVERALL = new Set(['ok', 'error', 'shutting_down']);

/** True for a terminus health body (`{status, info, error, details}`), as sent with 200 or 503. */
export function isHealthResponse(payload: unknown): payload is HealthResponse {
  if (typeof payload !== 'object' || payload === null) return false;
  const status = (payload as Record<string, unknown>)['status'];
  return typeof status === 'string' && OVERALL.has(status);
}
