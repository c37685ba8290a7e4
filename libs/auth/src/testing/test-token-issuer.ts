import type { PrincipalScope, Role } from '@fupin/contracts';
import { exportJWK, generateKeyPair, type JWK } from 'jose';
import { randomUUID } from 'node:crypto';
import { ACCESS_TOKEN_ALGORITHM, AUTH_DEFAULTS, type VerificationKeyProvider } from '../auth.options';
import { signAccessToken } from '../token-signer';

/** What a test token says about its bearer; anything left out gets a harmless default. */
export interface TestTokenInput {
  sub?: string;
  name?: string;
  role: Role;
  scope: PrincipalScope;
  sessionId?: string;
  /** Seconds; negative for a token that expired that long ago. Default 900. */
  expiresInSeconds?: number;
  issuer?: string;
  audience?: string;
}

/** A throwaway ES256 key pair that mints tokens and serves as the key source of `AuthModule.forRoot`. */
export interface TestTokenIssuer {
  kid: string;
  issuer: string;
  audience: string;
  /** Pass as `keyProvider` to `AuthModule.forRoot`. */
  keyProvider: VerificationKeyProvider;
  /** The public key as a JWKS document, to serve from a stub HTTP server (`jwksUrl` path). */
  jwks: { keys: JWK[] };
  mint(input: TestTokenInput): Promise<string>;
}

/**
 * Creates a key pair for tests and a minting function. Tokens from two issuers do not verify
 * against each other (the "wrong key" case).
 */
export async function createTestTokenIssuer(
  options: { issuer?: string; audience?: string; kid?: string } = {},
): Promise<TestTokenIssuer> {
  const { privateKey, publicKey } = await generateKeyPair(ACCESS_TOKEN_ALGORITHM, { extractable: true });
  const kid = options.kid ?? `test-${randomUUID()}`;
  const issuer = options.issuer ?? AUTH_DEFAULTS.issuer;
  const audience = options.audience ?? AUTH_DEFAULTS.audience;
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: ACCESS_TOKEN_ALGORITHM, use: 'sig' };
  return {
    kid,
    issuer,
    audience,
    keyProvider: async (header) => (header.kid === kid ? publicKey : undefined),
    jwks: { keys: [publicJwk] },
    async mint(input) {
      const ttl = input.expiresInSeconds ?? 900;
      // An expired token: issued long enough ago that it lived 60 s and ended `-ttl` seconds ago.
      const issuedAt = ttl > 0 ? new Date() : new Date(Date.now() + (ttl - 60) * 1000);
      const signed = await signAccessToken({
        privateKey,
        kid,
        issuer: input.issuer ?? issuer,
        audience: input.audience ?? audience,
        subject: input.sub ?? randomUUID(),
        name: input.name ?? '测试用户',
        role: input.role,
        scope: input.scope,
        sessionId: input.sessionId,
        ttlSeconds: ttl > 0 ? ttl : 60,
        issuedAt,
      });
      return signed.token;
    },
  };
}
