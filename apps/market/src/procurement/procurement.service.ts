import { Injectable } from '@nestjs/common';
import { assertOwnOrganisation } from '@fupin/auth';
import {
  produceProcuredV1,
  type CreatePurchaseBody,
  type CreateTransferBody,
  type LotView,
  type PurchaseView,
  type ReceiveTransferBody,
  type TransferView,
} from '@fupin/contracts';
import { publish } from '@fupin/messaging';
import { multiplyFen } from '@fupin/money';
import { randomBytes, randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { int, iso } from '../common/params';
import { audit, principalOfContext, type RequestContext } from '@fupin/service-kit';
import { NetworkService } from '../network/network.service';
import { ProcurementErrorCode, ProcurementException } from './procurement.exception';

/** The next level up the network: village collection point → town sorting station → county supermarket. */
const NEXT_LEVEL: Record<string, string> = {
  collection_point: 'sorting_station',
  sorting_station: 'county_supermarket',
};

/** Grams as a kilogram decimal for {@link multiplyFen}: 12345 → '12.345'. */
export function gramsToKg(grams: number): string {
  return `${Math.floor(grams / 1000)}.${String(grams % 1000).padStart(3, '0')}`;
}

/** A trace code printed on the lot's label: FP-<village>-<yymmdd>-<random>. */
export function traceCode(villageCode: string): string {
  const day = new Date().toISOString().slice(2, 10).replace(/-/g, '');
  return `FP${villageCode.slice(6)}${day}${randomBytes(4).toString('hex').toUpperCase()}`;
}

/** 收购: collectors buy from households; each purchase is a lot that moves up the network. */
@Injectable()
export class ProcurementService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly network: NetworkService,
  ) {}

  async purchase(ctx: RequestContext, body: CreatePurchaseBody): Promise<PurchaseView> {
    const principal = principalOfContext(ctx);
    assertOwnOrganisation(principal, body.collectionPointId, ['collection_point']);
    return this.dataSource.transaction(async (manager) => {
      const point = await this.network.require(manager, body.collectionPointId, ['collection_point']);
      const household = await this.network.requireHousehold(manager, body.householdId);
      if (point.villageCode && household.villageCode !== point.villageCode) {
        throw new ProcurementException(
          ProcurementErrorCode.HouseholdNotInVillage,
          '农户不属于本收购点所在村 / The household is not of this collection point’s village',
        );
      }
      const [used] = await manager.query('SELECT 1 FROM purchase WHERE weigh_slip_number = $1', [
        body.weighSlipNumber,
      ]);
      if (used) {
        throw new ProcurementException(
          ProcurementErrorCode.WeighSlipUsed,
          `磅单号 ${body.weighSlipNumber} 已使用 / Weigh slip ${body.weighSlipNumber} was already recorded`,
        );
      }
      const amountFen = multiplyFen(body.unitPriceFenPerKg, gramsToKg(body.weightGrams));
      const lotId = randomUUID();
      const id = randomUUID();
      const code = traceCode(household.villageCode);
      await manager.query(
        `INSERT INTO lot (id, trace_code, produce, grade, weight_grams, location_id, status) VALUES ($1, $2, $3, $4, $5, $6, 'at_location')`,
        [lotId, code, body.produce, body.grade, body.weightGrams, point.id],
      );
      await manager.query(
        `INSERT INTO lot_household (lot_id, household_id, weight_grams, paid_fen_per_kg) VALUES ($1, $2, $3, $4)`,
        [lotId, household.id, body.weightGrams, body.unitPriceFenPerKg],
      );
      const [row] = await manager.query(
        `INSERT INTO purchase (id, collection_point_id, household_id, produce, grade, weight_grams, unit_price_fen_per_kg,
           amount_fen, weigh_slip_number, lot_id, collector_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) RETURNING created_at`,
        [
          id,
          point.id,
          household.id,
          body.produce,
          body.grade,
          body.weightGrams,
          body.unitPriceFenPerKg,
          amountFen,
          body.weighSlipNumber,
          lotId,
          ctx.actorId,
        ],
      );
      const view: PurchaseView = {
        id,
        collectionPointId: point.id,
        householdId: household.id,
        householdNumber: household.householdNumber,
        headName: household.headName,
        produce: body.produce,
        grade: body.grade,
        weightGrams: body.weightGrams,
        unitPriceFenPerKg: body.unitPriceFenPerKg,
        amountFen,
        weighSlipNumber: body.weighSlipNumber,
        lotId,
        traceCode: code,
        createdAt: iso(row.created_at) as string,
      };
      await audit(manager, ctx, 'market.purchase.create', { type: 'purchase', id }, { amountFen, lotId });
      await publish(manager, produceProcuredV1, {
        aggregateId: lotId,
        payload: {
          purchaseId: id,
          lotId,
          traceCode: code,
          householdId: household.id,
          villageCode: household.villageCode,
          collectionPointId: point.id,
          produce: body.produce,
          grade: body.grade,
          weightGrams: body.weightGrams,
          unitPriceFenPerKg: body.unitPriceFenPerKg,
          amountFen,
          weighSlipNumber: body.weighSlipNumber,
          procuredAt: view.createdAt,
        },
      });
      return view;
    });
  }

  async getLot(id: string): Promise<LotView> {
    const [row] = await this.dataSource.query(
      `SELECT l.*, COALESCE((SELECT json_agg(source_lot_id) FROM lot_lineage WHERE lot_id = l.id), '[]') AS sources,
              COALESCE((SELECT json_agg(json_build_object('householdId', lh.household_id, 'villageCode', h.village_code,
                 'weightGrams', lh.weight_grams)) FROM lot_household lh JOIN network_household h ON h.id = lh.household_id
                 WHERE lh.lot_id = l.id), '[]') AS households
       FROM lot l WHERE l.id = $1`,
      [id],
    );
    if (!row)
      throw new ProcurementException(
        ProcurementErrorCode.LotNotFound,
        `批次 ${id} 不存在 / Lot ${id} does not exist`,
      );
    return {
      id: row.id,
      traceCode: row.trace_code,
      produce: row.produce,
      grade: row.grade,
      weightGrams: row.weight_grams,
      locationId: row.location_id,
      status: row.status,
      sourceLotIds: row.sources,
      households: row.households,
      createdAt: iso(row.created_at) as string,
    };
  }

  /** Sends a whole lot from the caller's organisation to the next level up. */
  async send(ctx: RequestContext, body: CreateTransferBody): Promise<TransferView> {
    const principal = principalOfContext(ctx);
    return this.dataSource.transaction(async (manager) => {
      const [lot] = await manager.query('SELECT * FROM lot WHERE id = $1 FOR UPDATE', [body.lotId]);
      if (!lot)
        throw new ProcurementException(
          ProcurementErrorCode.LotNotFound,
          `批次不存在 / Lot ${body.lotId} does not exist`,
        );
      if (lot.status !== 'at_location') {
        throw new ProcurementException(
          ProcurementErrorCode.LotNotHere,
          '批次不在可发运状态 / The lot cannot be sent now',
        );
      }
      assertOwnOrganisation(principal, lot.location_id);
      const from = await this.network.require(manager, lot.location_id, [
        'collection_point',
        'sorting_station',
      ]);
      const to = await this.network.require(manager, body.toOrganisationId, [
        NEXT_LEVEL[from.type] as 'sorting_station',
      ]);
      const id = randomUUID();
      await manager.query(
        `INSERT INTO lot_transfer (id, lot_id, from_id, to_id, sent_grams, status, sent_by) VALUES ($1, $2, $3, $4, $5, 'sent', $6)`,
        [id, lot.id, from.id, to.id, lot.weight_grams, ctx.actorId],
      );
      await manager.query(`UPDATE lot SET status = 'in_transit' WHERE id = $1`, [lot.id]);
      await audit(
        manager,
        ctx,
        'market.transfer.send',
        { type: 'transfer', id },
        { lotId: lot.id, to: to.id },
      );
      return this.transfer(manager, id);
    });
  }

  /** The receiving organisation records what arrived; a shortfall needs a reason (损耗). */
  async receive(ctx: RequestContext, id: string, body: ReceiveTransferBody): Promise<TransferView> {
    const principal = principalOfContext(ctx);
    return this.dataSource.transaction(async (manager) => {
      const [t] = await manager.query('SELECT * FROM lot_transfer WHERE id = $1 FOR UPDATE', [id]);
      if (!t)
        throw new ProcurementException(
          ProcurementErrorCode.TransferNotFound,
          `调运单不存在 / Transfer ${id} does not exist`,
        );
      assertOwnOrganisation(principal, t.to_id);
      if (t.status !== 'sent')
        throw new ProcurementException(ProcurementErrorCode.TransferDone, '调运单已签收 / Already received');
      if (body.receivedGrams > t.sent_grams) {
        throw new ProcurementException(
          ProcurementErrorCode.MoreThanSent,
          '签收重量大于发运重量 / More received than sent',
        );
      }
      if (body.receivedGrams < t.sent_grams && !body.lossReason) {
        throw new ProcurementException(
          ProcurementErrorCode.LossNeedsReason,
          '有损耗须填写原因 / A loss needs a reason',
        );
      }
      await manager.query(
        `UPDATE lot_transfer SET status = 'received', received_grams = $2, loss_reason = $3, received_by = $4, received_at = now() WHERE id = $1`,
        [id, body.receivedGrams, body.lossReason ?? null, ctx.actorId],
      );
      await manager.query(
        `UPDATE lot SET status = 'at_location', location_id = $2, weight_grams = $3 WHERE id = $1`,
        [t.lot_id, t.to_id, body.receivedGrams],
      );
      await audit(
        manager,
        ctx,
        'market.transfer.receive',
        { type: 'transfer', id },
        { receivedGrams: body.receivedGrams },
      );
      return this.transfer(manager, id);
    });
  }

  private async transfer(manager: EntityManager, id: string): Promise<TransferView> {
    const [t] = await manager.query('SELECT * FROM lot_transfer WHERE id = $1', [id]);
    return {
      id: t.id,
      lotId: t.lot_id,
      fromOrganisationId: t.from_id,
      toOrganisationId: t.to_id,
      sentGrams: t.sent_grams,
      receivedGrams: t.received_grams,
      lossGrams: t.received_grams === null ? null : t.sent_grams - t.received_grams,
      lossReason: t.loss_reason,
      status: t.status,
      sentAt: iso(t.sent_at) as string,
      receivedAt: iso(t.received_at),
    };
  }

  async listPurchases(ctx: RequestContext): Promise<PurchaseView[]> {
    const principal = principalOfContext(ctx);
    const own = principal.scope.kind === 'organisation' ? principal.scope.id : null;
    const rows = await this.dataSource.query(
      `SELECT p.*, l.trace_code, h.household_number, h.head_name
       FROM purchase p JOIN lot l ON l.id = p.lot_id JOIN network_household h ON h.id = p.household_id
       WHERE ($1::uuid IS NULL OR p.collection_point_id = $1) ORDER BY p.created_at DESC LIMIT 200`,
      [own],
    );
    return rows.map((r: Record<string, unknown>) => ({
      id: r.id,
      collectionPointId: r.collection_point_id,
      householdId: r.household_id,
      householdNumber: r.household_number,
      headName: r.head_name,
      produce: r.produce,
      grade: r.grade,
      weightGrams: r.weight_grams,
      unitPriceFenPerKg: int(r.unit_price_fen_per_kg),
      amountFen: int(r.amount_fen),
      weighSlipNumber: r.weigh_slip_number,
      lotId: r.lot_id,
      traceCode: r.trace_code,
      createdAt: iso(r.created_at),
    })) as PurchaseView[];
  }
}
