import { accessTokenClaimsSchema } from '@fupin/contracts';
import { createRemoteJWKSet, errors, jwtVerify, type JWTVerifyGetKey } from 'jose';
import { ACCESS_TOKEN_ALGORITHM, type AuthModuleOptions } from './auth.options';
import { principalFromClaims, type Principal } from './principal';

/** Why a token was refused: `expired`, or `invalid` (bad signature, unknown key, wrong iss/aud, bad claims). */
export class TokenRejectedError extends Error {
  constructor(
    readonly reason: 'expired' | 'invalid',
    detail: string,
  ) {
    super(detail);
    this.name = 'TokenRejectedError';
  }
}

/** The keys cannot be fetched (registry unreachable): nothing can be verified for now. */
export class KeysUnavailableError extends Error {
  constructor(cause: unknown) {
    super(`signing keys unavailable: ${cause instanceof Error ? cause.message : String(cause)}`);
    this.name = 'KeysUnavailableError';
  }
}

/**
 * Verifies access tokens: ES256 signature against the registry's keys, issuer, audience, expiry,
 * then the claims' shape (role, scope). Returns the {@link Principal} or throws.
 */
export class TokenVerifier {
  private readonly getKey: JWTVerifyGetKey;
  /** Tokens verified lately, oldest first (a Map keeps insertion order), with when to stop trusting them. */
  private readonly verified = new Map<string, { principal: Principal; until: number }>();
  private readonly cacheMs: number;

  constructor(private readonly options: AuthModuleOptions) {
    this.cacheMs = options.verifiedTokenCacheMs ?? 30_000;
    if (options.keyProvider) {
      const provider = options.keyProvider;
      this.getKey = async (header) => {
        const key = await provider({ kid: header.kid, alg: header.alg });
        if (!key) throw new TokenRejectedError('invalid', `no key with kid ${header.kid ?? '(none)'}`);
        return key;
      };
    } else if (options.jwksUrl) {
      this.getKey = createRemoteJWKSet(new URL(options.jwksUrl), {
        cacheMaxAge: options.jwksCacheMaxAgeMs ?? 10 * 60_000,
        cooldownDuration: 30_000,
        timeoutDuration: 5_000,
      });
    } else {
      throw new Error('AuthModule needs either jwksUrl or keyProvider');
    }
  }

  async verify(token: string): Promise<Principal> {
    const now = Date.now();
    const hit = this.verified.get(token);
    if (hit) {
      if (hit.until > now) return { ...hit.principal, scope: { ...hit.principal.scope } };
      this.verified.delete(token);
    }
    const principal = await this.verifyNow(token);
    if (this.cacheMs > 0) {
      // Trusted until the cache time ends or the token expires (with the same tolerance jose
      // applies), whichever comes first; a bounded number of tokens, oldest dropped first.
      const expires = principal.expiresAt.getTime() + (this.options.clockToleranceSeconds ?? 5) * 1000;
      const until = Math.min(now + this.cacheMs, expires);
      if (until > now) {
        if (this.verified.size >= MAX_CACHED_TOKENS) {
          this.verified.delete(this.verified.keys().next().value as string);
        }
        this.verified.set(token, { principal, until });
      }
    }
    return { ...principal, scope: { ...principal.scope } };
  }

  private async verifyNow(token: string): Promise<Principal> {
    let payload: unknown;
    try {
      ({ payload } = await jwtVerify(token, this.getKey, {
        issuer: this.options.issuer,
        audience: this.options.audience,
        algorithms: [ACCESS_TOKEN_ALGORITHM],
        clockTolerance: this.options.clockToleranceSeconds ?? 5,
        requiredClaims: ['exp', 'iat', 'jti', 'sub'],
      }));
    } catch (error) {
      throw classify(error);
    }
    const claims = accessTokenClaimsSchema.safeParse(payload);
    if (!claims.success) throw new TokenRejectedError('invalid', 'claims do not match the contract');
    return principalFromClaims(claims.data);
  }
}

const MAX_CACHED_TOKENS = 10_000;

function classify(error: unknown): Error {
  if (error instanceof TokenRejectedError) return error;
  if (error instanceof errors.JWTExpired) return new TokenRejectedError('expired', error.message);
  if (error instanceof errors.JWKSTimeout) return new KeysUnavailableError(error);
  if (error instanceof errors.JOSEError) {
    // A JWKS endpoint answering garbage is an outage, not the caller's fault.
    if (error.code === 'ERR_JWKS_INVALID') return new KeysUnavailableError(error);
    return new TokenRejectedError('invalid', error.message);
  }
  // fetch failures (registry down) and anything else from the key source.
  return new KeysUnavailableError(error);
}
