import { Inject, Injectable, OnModuleInit } from '@nestjs/common';
import {
  ACCESS_TOKEN_ALGORITHM,
  signAccessToken,
  type SignAccessTokenInput,
  type SignedAccessToken,
} from '@fupin/auth';
import type { JwksResponse } from '@fupin/contracts';
import {
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  randomBytes,
  type JsonWebKey,
  type KeyObject,
} from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { FieldCipher } from '../common/field-cipher';
import { audit, type RequestContext } from '@fupin/service-kit';
import { queryReturning } from '../common/sql';

const PURPOSE = 'signing_key.private_jwk';
const KEY_LOCK = 7243102;
/** Retired keys stay published this long, well past the life of any token they signed. */
const PUBLISHED_AFTER_RETIREMENT = "interval '1 day'";
const CACHE_MS = 60_000;

interface KeyRow {
  kid: string;
  public_jwk: JsonWebKey & { kid: string; kty: string; alg: string; use: 'sig' };
  private_jwk_encrypted?: string;
}

/**
 * The registry's ES256 signing keys. The first start generates one; the private half is kept
 * encrypted in the database so every replica signs with the same key; `rotate()` retires it.
 */
@Injectable()
export class SigningKeyStore implements OnModuleInit {
  private active?: { kid: string; privateKey: KeyObject; loadedAt: number };
  private publicKeys = new Map<string, KeyObject>();
  private publicLoadedAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    @Inject(FieldCipher) private readonly cipher: FieldCipher,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [KEY_LOCK]);
      const rows = (await manager.query(
        'SELECT kid FROM signing_keys WHERE retired_at IS NULL',
      )) as unknown[];
      if (rows.length === 0) await this.insertKey(manager);
    });
  }

  /** Signs an access token with the active key. */
  async sign(input: Omit<SignAccessTokenInput, 'privateKey' | 'kid'>): Promise<SignedAccessToken> {
    const key = await this.signingKey();
    return signAccessToken({ ...input, privateKey: key.privateKey, kid: key.kid });
  }

  /** The public key for a `kid`, for the registry's own guard; undefined when unknown or long retired. */
  async verificationKey(kid: string | undefined): Promise<KeyObject | undefined> {
    if (!kid) return undefined;
    const stale = Date.now() - this.publicLoadedAt > CACHE_MS;
    if (stale || (!this.publicKeys.has(kid) && Date.now() - this.publicLoadedAt > 1_000))
      await this.loadPublicKeys();
    return this.publicKeys.get(kid);
  }

  async jwks(): Promise<JwksResponse> {
    return { keys: (await this.publishedRows()).map((r) => r.public_jwk) };
  }

  /** Retires the active key and starts signing with a new one; the old stays published for a day. */
  async rotate(ctx: RequestContext): Promise<{ kid: string; retired: string[] }> {
    const result = await this.dataSource.transaction(async (manager) => {
      await manager.query('SELECT pg_advisory_xact_lock($1)', [KEY_LOCK]);
      const retired = await queryReturning<{ kid: string }>(
        manager,
        'UPDATE signing_keys SET retired_at = now() WHERE retired_at IS NULL RETURNING kid',
      );
      const kid = await this.insertKey(manager);
      await audit(
        manager,
        ctx,
        'auth.signing_key_rotated',
        { type: 'signing_key', id: kid },
        { retired: retired.map((r) => r.kid) },
      );
      return { kid, retired: retired.map((r) => r.kid) };
    });
    this.active = undefined;
    this.publicLoadedAt = 0;
    return result;
  }

  private async signingKey(): Promise<{ kid: string; privateKey: KeyObject }> {
    if (this.active && Date.now() - this.active.loadedAt < CACHE_MS) return this.active;
    const [row] = (await this.dataSource.query(
      'SELECT kid, private_jwk_encrypted FROM signing_keys WHERE retired_at IS NULL',
    )) as Array<Required<Pick<KeyRow, 'kid' | 'private_jwk_encrypted'>>>;
    if (!row) throw new Error('no active signing key');
    const jwk = JSON.parse(this.cipher.decrypt(row.private_jwk_encrypted, PURPOSE)) as JsonWebKey;
    this.active = {
      kid: row.kid,
      privateKey: createPrivateKey({ key: jwk, format: 'jwk' }),
      loadedAt: Date.now(),
    };
    return this.active;
  }

  private async loadPublicKeys(): Promise<void> {
    const rows = await this.publishedRows();
    this.publicKeys = new Map(
      rows.map((r) => [r.kid, createPublicKey({ key: r.public_jwk, format: 'jwk' })]),
    );
    this.publicLoadedAt = Date.now();
  }

  private async publishedRows(): Promise<KeyRow[]> {
    return (await this.dataSource.query(
      `SELECT kid, public_jwk FROM signing_keys
       WHERE retired_at IS NULL OR retired_at > now() - ${PUBLISHED_AFTER_RETIREMENT} ORDER BY created_at DESC`,
    )) as KeyRow[];
  }

  private async insertKey(manager: EntityManager): Promise<string> {
    const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const kid = `${new Date().toISOString().slice(0, 10).replace(/-/g, '')}-${randomBytes(9).toString('base64url')}`;
    const publicJwk = {
      ...publicKey.export({ format: 'jwk' }),
      kid,
      alg: ACCESS_TOKEN_ALGORITHM,
      use: 'sig',
    };
    const sealed = this.cipher.encrypt(JSON.stringify(privateKey.export({ format: 'jwk' })), PURPOSE);
    await manager.query(
      `INSERT INTO signing_keys (kid, algorithm, public_jwk, private_jwk_encrypted) VALUES ($1, $2, $3, $4)`,
      [kid, ACCESS_TOKEN_ALGORITHM, JSON.stringify(publicJwk), sealed],
    );
    return kid;
  }
}
