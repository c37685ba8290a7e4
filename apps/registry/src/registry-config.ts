import { baseConfigSchema } from '@fupin/service-kit';
import { z } from 'zod';

const blankToUndefined = (v: unknown) => (v === '' ? undefined : v);

/** Configuration of the registry service, validated at start-up (AUTH_ISSUER / AUTH_AUDIENCE come from the base schema). */
export const registryConfigSchema = baseConfigSchema
  .extend({
    PORT: z.coerce.number().int().min(0).max(65535).default(3001),
    /** AES-256-GCM key for bank accounts and signing keys at rest, and the ID-number hash key: 32 bytes, base64. */
    REGISTRY_ENCRYPTION_KEY: z.preprocess(
      blankToUndefined,
      z
        .string()
        .refine(
          (v) => /^[A-Za-z0-9+/]{43}=$/.test(v) && Buffer.from(v, 'base64').length === 32,
          'must be 32 bytes, base64-encoded (openssl rand -base64 32)',
        )
        .optional(),
    ),
    ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(60).max(3600).default(900),
    REFRESH_TOKEN_TTL_SECONDS: z.coerce
      .number()
      .int()
      .min(600)
      .max(90 * 86400)
      .default(7 * 86400),
    KIOSK_SESSION_TTL_SECONDS: z.coerce.number().int().min(30).max(900).default(120),
  })
  .superRefine((config, ctx) => {
    if (config.NODE_ENV === 'production' && !config.REGISTRY_ENCRYPTION_KEY) {
      ctx.addIssue({
        code: 'custom',
        path: ['REGISTRY_ENCRYPTION_KEY'],
        message: 'is required in production (32 bytes, base64-encoded: openssl rand -base64 32)',
      });
    }
  });

export type RegistryConfig = z.infer<typeof registryConfigSchema>;

/** Injection token of the registry's validated config. */
export const REGISTRY_CONFIG = Symbol('REGISTRY_CONFIG');
