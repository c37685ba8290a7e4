import type { PrincipalScope, Role } from '@fupin/contracts';
import { SignJWT } from 'jose';
import { randomUUID, type KeyObject } from 'node:crypto';
import { ACCESS_TOKEN_ALGORITHM } from './auth.options';

/** What {@link signAccessToken} needs: the signing key and the principal to vouch for. */
export interface SignAccessTokenInput {
  privateKey: CryptoKey | KeyObject;
  kid: string;
  issuer: string;
  audience: string;
  subject: string;
  name: string;
  role: Role;
  scope: PrincipalScope;
  ttlSeconds: number;
  /** Kiosk session id of a household token. */
  sessionId?: string;
  /** Defaults to now (tests sign tokens that are already expired). */
  issuedAt?: Date;
}

export interface SignedAccessToken {
  token: string;
  tokenId: string;
  expiresAt: Date;
}

/** Signs an ES256 access token with the platform's claims (`sub name role scope iss aud exp iat jti [sid]`). */
export async function signAccessToken(input: SignAccessTokenInput): Promise<SignedAccessToken> {
  const iat = Math.floor((input.issuedAt ?? new Date()).getTime() / 1000);
  const exp = iat + input.ttlSeconds;
  const tokenId = randomUUID();
  const claims: Record<string, unknown> = { name: input.name, role: input.role, scope: input.scope };
  if (input.sessionId) claims.sid = input.sessionId;
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: ACCESS_TOKEN_ALGORITHM, kid: input.kid, typ: 'JWT' })
    .setSubject(input.subject)
    .setIssuer(input.issuer)
    .setAudience(input.audience)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .setJti(tokenId)
    .sign(input.privateKey);
  return { token, tokenId, expiresAt: new Date(exp * 1000) };
}
