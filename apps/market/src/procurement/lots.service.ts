import { Injectable } from '@nestjs/common';
import { assertOwnOrganisation } from '@fupin/auth';
import type { LotView, MergeLotsBody, SplitLotBody } from '@fupin/contracts';
import { allocate } from '@fupin/money';
import { randomUUID } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';
import { int } from '../common/params';
import { audit, principalOfContext, type RequestContext } from '@fupin/service-kit';
import { ProcurementErrorCode, ProcurementException } from './procurement.exception';
import { ProcurementService, traceCode } from './procurement.service';

interface LotRow {
  id: string;
  produce: string;
  grade: string;
  weight_grams: number;
  location_id: string;
  status: string;
}

interface Share {
  household_id: string;
  weight_grams: number;
  paid_fen_per_kg: string;
}

/**
 * Split and merge (分拣, 拼批): every new lot keeps its sources in `lot_lineage` and the households
 * behind it in `lot_household`, so that a box sold from it still traces back to who grew it.
 */
@Injectable()
export class LotsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly procurement: ProcurementService,
  ) {}

  private async lockAtOwnPlace(
    ctx: RequestContext,
    manager: EntityManager,
    ids: string[],
  ): Promise<LotRow[]> {
    const rows: LotRow[] = await manager.query(
      'SELECT id, produce, grade, weight_grams, location_id, status FROM lot WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE',
      [ids],
    );
    if (rows.length !== ids.length) {
      throw new ProcurementException(ProcurementErrorCode.LotNotFound, '批次不存在 / A lot does not exist');
    }
    for (const lot of rows) {
      assertOwnOrganisation(principalOfContext(ctx), lot.location_id);
      if (lot.status !== 'at_location') {
        throw new ProcurementException(
          ProcurementErrorCode.LotNotHere,
          '批次不在可分拣状态 / The lot cannot be split or merged now',
        );
      }
    }
    return rows;
  }

  private async newLot(
    manager: EntityManager,
    like: LotRow,
    weightGrams: number,
    shares: Share[],
  ): Promise<string> {
    const id = randomUUID();
    const [village] = await manager.query('SELECT village_code FROM network_household WHERE id = $1', [
      shares[0].household_id,
    ]);
    await manager.query(
      `INSERT INTO lot (id, trace_code, produce, grade, weight_grams, location_id, status) VALUES ($1, $2, $3, $4, $5, $6, 'at_location')`,
      [id, traceCode(village.village_code), like.produce, like.grade, weightGrams, like.location_id],
    );
    for (const share of shares.filter((s) => s.weight_grams > 0)) {
      await manager.query(
        'INSERT INTO lot_household (lot_id, household_id, weight_grams, paid_fen_per_kg) VALUES ($1, $2, $3, $4)',
        [id, share.household_id, share.weight_grams, share.paid_fen_per_kg],
      );
    }
    return id;
  }

  async split(ctx: RequestContext, lotId: string, body: SplitLotBody): Promise<LotView[]> {
    const ids = await this.dataSource.transaction(async (manager) => {
      const [lot] = await this.lockAtOwnPlace(ctx, manager, [lotId]);
      const sum = body.partsGrams.reduce((a, b) => a + b, 0);
      if (sum !== lot.weight_grams) {
        throw new ProcurementException(
          ProcurementErrorCode.PartsDoNotAddUp,
          `各部分合计 ${sum} 克，批次重 ${lot.weight_grams} 克 / The parts weigh ${sum} g, the lot ${lot.weight_grams} g`,
        );
      }
      const shares: Share[] = await manager.query(
        'SELECT household_id, weight_grams, paid_fen_per_kg FROM lot_household WHERE lot_id = $1 ORDER BY household_id',
        [lot.id],
      );
      const created: string[] = [];
      for (const part of body.partsGrams) {
        // Each part carries the households in proportion to what they put into the source lot.
        const weights = allocate(
          part,
          shares.map((s) => s.weight_grams),
        );
        const id = await this.newLot(
          manager,
          lot,
          part,
          shares.map((s, i) => ({ ...s, weight_grams: weights[i] })),
        );
        await manager.query(
          'INSERT INTO lot_lineage (lot_id, source_lot_id, weight_grams) VALUES ($1, $2, $3)',
          [id, lot.id, part],
        );
        created.push(id);
      }
      await manager.query(`UPDATE lot SET status = 'split' WHERE id = $1`, [lot.id]);
      await audit(
        manager,
        ctx,
        'market.lot.split',
        { type: 'lot', id: lot.id },
        { into: created, partsGrams: body.partsGrams },
      );
      return created;
    });
    return Promise.all(ids.map((id) => this.procurement.getLot(id)));
  }

  async merge(ctx: RequestContext, body: MergeLotsBody): Promise<LotView> {
    const id = await this.dataSource.transaction(async (manager) => {
      const lots = await this.lockAtOwnPlace(ctx, manager, body.lotIds);
      const first = lots[0];
      if (
        lots.some(
          (l) =>
            l.produce !== first.produce || l.grade !== first.grade || l.location_id !== first.location_id,
        )
      ) {
        throw new ProcurementException(
          ProcurementErrorCode.LotsDiffer,
          '只能合并同一地点、同品种同等级的批次 / Only lots of one produce and grade at one place can be merged',
        );
      }
      const shares: Share[] = await manager.query(
        `SELECT household_id, SUM(weight_grams)::int AS weight_grams,
                ROUND(SUM(weight_grams * paid_fen_per_kg)::numeric / SUM(weight_grams))::bigint AS paid_fen_per_kg
         FROM lot_household WHERE lot_id = ANY($1::uuid[]) GROUP BY household_id ORDER BY household_id`,
        [body.lotIds],
      );
      const total = lots.reduce((s, l) => s + l.weight_grams, 0);
      // Losses in transit make the lots lighter than what was bought: scale the shares to the lots' weight.
      const weights = allocate(
        total,
        shares.map((s) => int(s.weight_grams)),
      );
      const merged = await this.newLot(
        manager,
        first,
        total,
        shares.map((s, i) => ({ ...s, weight_grams: weights[i] })),
      );
      for (const lot of lots) {
        if (lot.weight_grams > 0) {
          await manager.query(
            'INSERT INTO lot_lineage (lot_id, source_lot_id, weight_grams) VALUES ($1, $2, $3)',
            [merged, lot.id, lot.weight_grams],
          );
        }
      }
      await manager.query(`UPDATE lot SET status = 'merged' WHERE id = ANY($1::uuid[])`, [body.lotIds]);
      await audit(manager, ctx, 'market.lot.merge', { type: 'lot', id: merged }, { from: body.lotIds });
      return merged;
    });
    return this.procurement.getLot(id);
  }
}
