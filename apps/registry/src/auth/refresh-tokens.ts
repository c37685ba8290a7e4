import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { EntityManager } from 'typeorm';
import type { RequestContext } from '@fupin/service-kit';

/** An opaque refresh token: 256 random bits. Only its SHA-256 is stored. */
export function newRefreshToken(): { token: string; hash: string } {
  const token = `rt_${randomBytes(32).toString('base64url')}`;
  return { token, hash: hashRefreshToken(token) };
}

export function hashRefreshToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export interface RefreshTokenRow {
  id: string;
  user_id: string;
  family_id: string;
  expires_at: Date;
  used_at: Date | null;
  revoked_at: Date | null;
}

/** Stores a new refresh token in a family (one family per login; rotation keeps the family). */
export async function storeRefreshToken(
  manager: EntityManager,
  ctx: RequestContext,
  userId: string,
  familyId: string | undefined,
  ttlSeconds: number,
): Promise<{ token: string; familyId: string }> {
  const { token, hash } = newRefreshToken();
  const family = familyId ?? randomUUID();
  await manager.query(
    `INSERT INTO refresh_tokens (id, user_id, family_id, token_hash, expires_at, ip, user_agent)
     VALUES ($1, $2, $3, $4, now() + make_interval(secs => $5), $6, $7)`,
    [randomUUID(), userId, family, hash, ttlSeconds, ctx.ip ?? null, ctx.userAgent ?? null],
  );
  return { token, familyId: family };
}

export async function findRefreshToken(
  manager: EntityManager,
  token: string,
): Promise<RefreshTokenRow | undefined> {
  const [row] = (await manager.query(
    'SELECT id, user_id, family_id, expires_at, used_at, revoked_at FROM refresh_tokens WHERE token_hash = $1 FOR UPDATE',
    [hashRefreshToken(token)],
  )) as RefreshTokenRow[];
  return row;
}

export async function revokeFamily(manager: EntityManager, familyId: string, reason: string): Promise<void> {
  await manager.query(
    'UPDATE refresh_tokens SET revoked_at = now(), revoked_reason = $2 WHERE family_id = $1 AND revoked_at IS NULL',
    [familyId, reason],
  );
}
