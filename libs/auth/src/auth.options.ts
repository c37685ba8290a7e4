import type { KeyObject } from 'node:crypto';
import { z } from 'zod';

/** Finds the public key for a token's header, or undefined when the `kid` is unknown. */
export type VerificationKeyProvider = (header: {
  kid?: string;
  alg?: string;
}) => Promise<CryptoKey | KeyObject | undefined>;

/** How a service verifies access tokens. Give `jwksUrl` (every service but the registry) or `keyProvider` (the registry). */
export interface AuthModuleOptions {
  /** `iss` every token must carry. */
  issuer: string;
  /** `aud` every token must carry (one of them). */
  audience: string | string[];
  /** The registry's JWKS, fetched over HTTP and cached: `…/api/registry/auth/jwks.json`. */
  jwksUrl?: string;
  /** A local key source instead of `jwksUrl` (the registry verifies with its own key store). */
  keyProvider?: VerificationKeyProvider;
  /** Seconds of clock skew tolerated on `exp`/`iat`; default 5. */
  clockToleranceSeconds?: number;
  /** How long fetched keys are trusted before a refetch, in ms; default 10 minutes. */
  jwksCacheMaxAgeMs?: number;
  /**
   * How long a token already verified is trusted without checking its signature again, in ms
   * (never past its `exp`); default 30 s, 0 turns the cache off. A kiosk or a buyer sends the same
   * token on every request, and the signature check is the largest part of a small request's cost.
   */
  verifiedTokenCacheMs?: number;
}

/** Injection token of the {@link AuthModuleOptions}. */
export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

/** Token signing algorithm used across the platform. */
export const ACCESS_TOKEN_ALGORITHM = 'ES256';

/** Defaults shared by the registry (which signs) and the other services (which verify). */
export const AUTH_DEFAULTS = {
  issuer: 'fupin-registry',
  audience: 'fupin-platform',
  jwksUrl: 'http://127.0.0.1:3001/api/registry/auth/jwks.json',
} as const;

/**
 * Config keys a verifying service adds to its schema:
 * `baseConfigSchema.extend({ ...authConfigShape })`.
 */
export const authConfigShape = {
  AUTH_ISSUER: z.string().min(1).default(AUTH_DEFAULTS.issuer),
  AUTH_AUDIENCE: z.string().min(1).default(AUTH_DEFAULTS.audience),
  AUTH_JWKS_URL: z.url({ protocol: /^https?$/ }).default(AUTH_DEFAULTS.jwksUrl),
};
