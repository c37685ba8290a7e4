import type { AccessTokenClaims, PrincipalScope, Role } from '@fupin/contracts';

/** The verified caller of a request, read from its access token. */
export interface Principal {
  /** `sub`: a user id, or the household id of a kiosk session. */
  id: string;
  name: string;
  role: Role;
  scope: PrincipalScope;
  /** `jti` */
  tokenId: string;
  /** `sid`: the kiosk session a household token belongs to. */
  sessionId?: string;
  issuedAt: Date;
  expiresAt: Date;
}

/** Turns validated claims into a {@link Principal}. */
export function principalFromClaims(claims: AccessTokenClaims): Principal {
  return {
    id: claims.sub,
    name: claims.name,
    role: claims.role,
    scope: claims.scope,
    tokenId: claims.jti,
    sessionId: claims.sid,
    issuedAt: new Date(claims.iat * 1000),
    expiresAt: new Date(claims.exp * 1000),
  };
}
