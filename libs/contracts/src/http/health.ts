import { z } from 'zod';

/** One health indicator's result, e.g. `{ database: { status: 'up' } }`; extra keys are kept. */
export const healthIndicatorResultSchema = z.record(
  z.string(),
  z.looseObject({ status: z.enum(['up', 'down']) }),
);

/**
 * What `GET /api/<service>/health` answers, in the shape of `@nestjs/terminus` (503 when not ok).
 * Declared here so the apps and the Docker health checks can read it without importing terminus.
 */
export const healthResponseSchema = z.object({
  status: z.enum(['ok', 'error', 'shutting_down']),
  info: healthIndicatorResultSchema.optional(),
  error: healthIndicatorResultSchema.optional(),
  details: healthIndicatorResultSchema,
});

/** One indicator map from {@link HealthResponse}. */
export type HealthIndicatorResult = z.infer<typeof healthIndicatorResultSchema>;

/** The health endpoint's body. */
export type HealthResponse = z.infer<typeof healthResponseSchema>;
