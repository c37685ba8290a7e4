import { z } from 'zod';

/** The four backend services; each owns one database and serves HTTP under `/api/<name>`. */
export const SERVICES = ['registry', 'ledger', 'market', 'dividends'] as const;

/** One of {@link SERVICES}. */
export type ServiceName = (typeof SERVICES)[number];

/** Validates a service name (build scripts, config). */
export const serviceNameSchema = z.enum(SERVICES);

/** Ports used by `npm start` and `docker compose` unless `PORT` says otherwise. */
export const SERVICE_DEFAULT_PORTS: Readonly<Record<ServiceName, number>> = {
  registry: 3001,
  ledger: 3002,
  market: 3003,
  dividends: 3004,
};

/** The path prefix a service's routes live under, e.g. `/api/ledger`. */
export function serviceApiPrefix(service: ServiceName): `/api/${ServiceName}` {
  return `/api/${service}`;
}
