import { authConfigShape } from '@fupin/auth';
import { z } from 'zod';

/** Settings every service has. A service extends this schema with its own keys. */
export const baseConfigSchema = z.object({
  NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
  HOST: z.string().min(1).default('127.0.0.1'),
  PORT: z.coerce.number().int().min(0).max(65535),
  DATABASE_URL: z
    .string({ error: 'is required (postgres://user:password@host:port/database)' })
    .refine(
      (v) => /^postgres(ql)?:\/\/[^/]+\/[^/?]+/.test(v),
      'must look like postgres://user:password@host:port/database',
    ),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  DATABASE_CONNECT_ATTEMPTS: z.coerce.number().int().min(1).max(60).default(5),
  RUN_MIGRATIONS: z
    .enum(['true', 'false'])
    .default('true')
    .transform((v) => v === 'true'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** host:port[,host:port…]; unset leaves events in the outbox (development without a broker). */
  KAFKA_BROKERS: z
    .string()
    .regex(/^[A-Za-z0-9.-]+:\d{1,5}(,[A-Za-z0-9.-]+:\d{1,5})*$/, 'must be host:port[,host:port…]')
    .optional(),
  KAFKA_TOPIC_PARTITIONS: z.coerce.number().int().min(1).max(64).default(4),
  KAFKA_SESSION_TIMEOUT_MS: z.coerce.number().int().min(3_000).max(300_000).default(30_000),
  /** Where this service verifies access tokens: the registry's JWKS, issuer and audience. */
  ...authConfigShape,
});

export type BaseConfig = z.infer<typeof baseConfigSchema>;

/** Start-up configuration is wrong; the message lists every bad variable on one line. */
export class ConfigError extends Error {
  constructor(service: string, problems: string[]) {
    super(`invalid configuration for ${service}: ${problems.join('; ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Validates the environment against the service's schema once at start-up. This is the only
 * place a service reads `process.env`; everything else receives the typed result.
 */
export function loadConfig<S extends z.ZodType>(
  service: string,
  schema: S,
  env: Record<string, string | undefined> = process.env,
): z.infer<S> {
  const parsed = schema.safeParse(env);
  if (!parsed.success) {
    throw new ConfigError(
      service,
      parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'} ${issue.message}`),
    );
  }
  return parsed.data;
}
