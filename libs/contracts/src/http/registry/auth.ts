import { z } from 'zod';

import type { PrincipalScope, Role } from '../../roles';
import { passwordSchema } from './users';

/** `POST /auth/login` */
export const loginBodySchema = z.strictObject({
  username: z.string().trim().toLowerCase().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginBody = z.infer<typeof loginBodySchema>;

/** `POST /auth/refresh` and `POST /auth/logout` */
export const refreshBodySchema = z.strictObject({ refreshToken: z.string().min(20).max(200) });
export type RefreshBody = z.infer<typeof refreshBodySchema>;

/** `POST /auth/password` */
export const changePasswordBodySchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: passwordSchema,
});
export type ChangePasswordBody = z.infer<typeof changePasswordBodySchema>;

/** Who is signed in, as the registry tells the apps. */
export interface SessionUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scope: PrincipalScope;
  scopeName: string;
  mustChangePassword: boolean;
}

/** Answer of login and refresh. The access token lives 15 minutes; the refresh token is rotated on every use. */
export interface TokenPairResponse {
  tokenType: 'Bearer';
  accessToken: string;
  /** Seconds. */
  expiresIn: number;
  refreshToken: string;
  /** Seconds. */
  refreshExpiresIn: number;
  user: SessionUser;
}

/** `GET /auth/me`: the verified principal behind the token. */
export interface MeResponse {
  id: string;
  name: string;
  role: Role;
  scope: PrincipalScope;
  expiresAt: string;
}

/** `GET /auth/jwks.json` */
export interface JwksResponse {
  keys: Array<Record<string, unknown> & { kid: string; kty: string; alg: string; use: 'sig' }>;
}

/** `POST /auth/kiosk/sign-in`, with the kiosk's device credential in `X-Kiosk-Credential`. */
export const kioskSignInBodySchema = z.strictObject({
  /** Typed, or read from the card's QR code. */
  cardNumber: z.string().trim().toUpperCase().min(1).max(64),
  pin: z.string().regex(/^\d{4,6}$/, 'PIN 为 4–6 位数字 / The PIN has 4–6 digits'),
});
export type KioskSignInBody = z.infer<typeof kioskSignInBodySchema>;

/** A villager's session at a kiosk: a 2-minute token, renewed by `POST /auth/kiosk/session/refresh` on activity. */
export interface KioskSessionResponse {
  tokenType: 'Bearer';
  accessToken: string;
  expiresIn: number;
  household: {
    id: string;
    householdNumber: string;
    headName: string;
    villageCode: string;
    villageName: string;
    pointsCardNumber: string;
  };
}

/** The header that carries a kiosk's device credential (`<kioskId>.<secret>`). */
export const KIOSK_CREDENTIAL_HEADER = 'x-kiosk-credential';
