import { Injectable } from '@nestjs/common';
import {
  assertOrganisationInScope,
  assertRegionInScope,
  canAccessOrganisation,
  forbidden,
  scopeRegionCode,
  type Principal,
} from '@fupin/auth';
import {
  pageOffset,
  type KioskCredentialResponse,
  type KioskDeviceView,
  type KioskListQuery,
  type KioskView,
  type Paginated,
  type RegisterKioskBody,
} from '@fupin/contracts';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { audit, type RequestContext } from '@fupin/service-kit';
import { WhereBuilder } from '../common/sql';
import { OrganisationException } from '../organisations/organisations.exception';
import {
  formatCredential,
  hashKioskSecret,
  newKioskSecret,
  parseCredential,
  secretMatches,
} from './kiosk-credential';
import { KIOSK_SELECT, loadKiosk, toKioskView, type KioskRow } from './kiosk-row';
import { KioskErrorCode, KioskException } from './kiosks.exception';

/** Kiosk devices at love supermarkets: registration, device credentials, deactivation. */
@Injectable()
export class KiosksService {
  constructor(private readonly dataSource: DataSource) {}

  /**
   * Registers a kiosk at a love supermarket in the actor's scope and returns its credential, once.
   * `secret` is for the demo seed only (reproducible credentials); the API always draws a fresh one.
   */
  async register(
    ctx: RequestContext,
    body: RegisterKioskBody,
    options: { id?: string; secret?: string } = {},
  ): Promise<KioskCredentialResponse> {
    const id = options.id ?? randomUUID();
    const secret = options.secret ?? newKioskSecret();
    return this.dataSource.transaction(async (manager) => {
      const [store] = (await manager.query(
        'SELECT id, type, region_code, active FROM organisations WHERE id = $1',
        [body.storeId],
      )) as Array<{
        id: string;
        type: string;
        region_code: string;
        active: boolean;
      }>;
      if (!store) throw OrganisationException.notFound(body.storeId);
      if (ctx.principal)
        assertOrganisationInScope(ctx.principal, { id: store.id, regionCode: store.region_code });
      if (store.type !== 'love_supermarket') {
        throw new KioskException(
          KioskErrorCode.NotALoveSupermarket,
          '自助终端只能登记在爱心超市 / Kiosks belong to love supermarkets',
        );
      }
      if (!store.active)
        throw new KioskException(
          KioskErrorCode.StoreInactive,
          '该爱心超市已停用 / The love supermarket is inactive',
        );
      const inserted = (await manager.query(
        `INSERT INTO kiosks (id, store_id, name, credential_hash, created_by) VALUES ($1, $2, $3, $4, $5)
         ON CONFLICT (store_id, name) DO NOTHING RETURNING id`,
        [id, body.storeId, body.name, hashKioskSecret(secret), ctx.actorId],
      )) as unknown[];
      if (!inserted.length)
        throw new KioskException(
          KioskErrorCode.NameTaken,
          `该超市已有名为“${body.name}”的终端 / A kiosk with this name exists`,
        );
      await audit(
        manager,
        ctx,
        'kiosk.registered',
        { type: 'kiosk', id },
        { storeId: body.storeId, name: body.name },
      );
      return {
        kiosk: toKioskView((await loadKiosk(manager, id))!),
        credential: formatCredential(id, secret),
      };
    });
  }

  async list(principal: Principal, query: KioskListQuery): Promise<Paginated<KioskView>> {
    const root = scopeRegionCode(principal);
    if (!root) throw forbidden();
    if (query.regionCode) assertRegionInScope(principal, query.regionCode);
    const where = new WhereBuilder();
    where.add('o.region_code LIKE ?', `${query.regionCode ?? root}%`);
    if (principal.scope.kind === 'organisation') where.add('k.store_id = ?', principal.scope.id);
    if (query.storeId) where.add('k.store_id = ?', query.storeId);
    if (query.active !== undefined) where.add('k.active = ?', query.active);
    const from = 'FROM kiosks k JOIN organisations o ON o.id = k.store_id';
    const [{ total }] = (await this.dataSource.query(`SELECT count(*) AS total ${from} ${where.toSql()}`, [
      ...where.params,
    ])) as Array<{
      total: string;
    }>;
    const rows = (await this.dataSource.query(
      `${KIOSK_SELECT} ${where.toSql()} ORDER BY o.region_code, k.name LIMIT ${where.param(query.pageSize)} OFFSET ${where.param(pageOffset(query))}`,
      where.params,
    )) as KioskRow[];
    return { items: rows.map(toKioskView), total: Number(total), page: query.page, pageSize: query.pageSize };
  }

  async get(principal: Principal, id: string): Promise<KioskView> {
    const row = await loadKiosk(this.dataSource.manager, id);
    if (!row) throw this.notFound(id);
    if (!canAccessOrganisation(principal, { id: row.store_id, regionCode: row.village_code }))
      throw forbidden();
    return toKioskView(row);
  }

  /** A new secret; the old credential stops working at once. */
  async rotateCredential(ctx: RequestContext, id: string): Promise<KioskCredentialResponse> {
    const secret = newKioskSecret();
    return this.dataSource.transaction(async (manager) => {
      await this.lockInScope(manager, ctx, id);
      await manager.query(
        'UPDATE kiosks SET credential_hash = $2, credential_issued_at = now() WHERE id = $1',
        [id, hashKioskSecret(secret)],
      );
      await manager.query(
        `UPDATE kiosk_sessions SET ended_at = now(), end_reason = 'replaced' WHERE kiosk_id = $1 AND ended_at IS NULL`,
        [id],
      );
      await audit(manager, ctx, 'kiosk.credential_rotated', { type: 'kiosk', id });
      return {
        kiosk: toKioskView((await loadKiosk(manager, id))!),
        credential: formatCredential(id, secret),
      };
    });
  }

  async setActive(ctx: RequestContext, id: string, active: boolean): Promise<KioskView> {
    return this.dataSource.transaction(async (manager) => {
      const before = await this.lockInScope(manager, ctx, id);
      if (before.active === active) return toKioskView(before);
      await manager.query('UPDATE kiosks SET active = $2 WHERE id = $1', [id, active]);
      if (!active) {
        await manager.query(
          `UPDATE kiosk_sessions SET ended_at = now(), end_reason = 'replaced' WHERE kiosk_id = $1 AND ended_at IS NULL`,
          [id],
        );
      }
      await audit(manager, ctx, active ? 'kiosk.activated' : 'kiosk.deactivated', { type: 'kiosk', id });
      return toKioskView((await loadKiosk(manager, id))!);
    });
  }

  /** The kiosk behind an `X-Kiosk-Credential` header: 401 when unknown or wrong, 403 when switched off. */
  async authenticateDevice(credential: unknown): Promise<KioskRow> {
    const parsed = parseCredential(credential);
    const row = parsed ? await loadKiosk(this.dataSource.manager, parsed.kioskId) : undefined;
    if (!parsed || !row || !secretMatches(row.credential_hash, parsed.secret)) {
      throw new KioskException(KioskErrorCode.CredentialInvalid, '终端凭证无效 / Invalid kiosk credential');
    }
    if (!row.active || !row.store_active) {
      throw new KioskException(KioskErrorCode.KioskInactive, '该终端已停用 / This kiosk is switched off');
    }
    return row;
  }

  deviceView(row: KioskRow): KioskDeviceView {
    return {
      kioskId: row.id,
      name: row.name,
      storeId: row.store_id,
      storeName: row.store_name,
      villageCode: row.village_code,
      villageName: row.village_name,
    };
  }

  private async lockInScope(manager: EntityManager, ctx: RequestContext, id: string): Promise<KioskRow> {
    const row = await loadKiosk(manager, id, true);
    if (!row) throw this.notFound(id);
    if (ctx.principal)
      assertOrganisationInScope(ctx.principal, { id: row.store_id, regionCode: row.village_code });
    return row;
  }

  private notFound(id: string): KioskException {
    return new KioskException(KioskErrorCode.NotFound, `终端 ${id} 不存在 / Kiosk ${id} does not exist`);
  }
}
