import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource, EntityManager } from 'typeorm';

export type ChainKind = 'notice' | 'payout_batch';
const GENESIS = '0'.repeat(64);

/** Stable JSON (sorted keys) so the same content always hashes the same. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value && typeof value === 'object') {
    return `{${Object.keys(value as object)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonicalJson((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

export function chainHash(prevHash: string, payload: unknown): string {
  return createHash('sha256')
    .update(`${prevHash}\n${canonicalJson(payload)}`)
    .digest('hex');
}

export interface ChainVerification {
  intact: boolean;
  length: number;
  headHash: string;
  firstBroken: null | {
    seq: number;
    kind: ChainKind;
    refId: string;
    reason: 'content_changed' | 'link_broken' | 'record_missing';
  };
}

/**
 * The hash chain over everything made public: each published notice and each posted payout batch
 * holds the hash of the one before. The content is re-read from the live tables when verifying,
 * so a direct edit of a notice's lines or a batch's amounts shows up as the first broken link.
 */
@Injectable()
export class ChainService {
  constructor(private readonly dataSource: DataSource) {}

  /** What is hashed for one record, read from the tables that hold it (undefined: the row is gone). */
  async payload(manager: EntityManager, kind: ChainKind, refId: string): Promise<unknown> {
    if (kind === 'notice') {
      const [notice] = (await manager.query(
        `SELECT n.id, n.distribution_id, n.entity_id, n.title, n.published_at, n.ends_at, d.pool_fen::text AS pool_fen,
                d.plan_id, d.plan_version, d.period_start::text AS period_start, d.period_end::text AS period_end, d.account_parts
         FROM notice n JOIN distribution d ON d.id = n.distribution_id WHERE n.id = $1`,
        [refId],
      )) as Array<Record<string, unknown>>;
      if (!notice) return undefined;
      const lines = (await manager.query(
        `SELECT household_id, household_number, head_name, village_code, amount_fen::text AS amount_fen
         FROM distribution_line WHERE distribution_id = $1 ORDER BY household_id`,
        [notice.distribution_id],
      )) as Array<Record<string, unknown>>;
      return {
        ...notice,
        published_at: new Date(notice.published_at as string).toISOString(),
        ends_at: new Date(notice.ends_at as string).toISOString(),
        lines,
      };
    }
    const [batch] = (await manager.query(
      `SELECT id, distribution_id, line_count, total_fen::text AS total_fen, created_at FROM payout_batch WHERE id = $1`,
      [refId],
    )) as Array<Record<string, unknown>>;
    if (!batch) return undefined;
    const payouts = (await manager.query(
      `SELECT id, household_id, household_number, bank_account_masked, amount_fen::text AS amount_fen, attempt
       FROM payout WHERE batch_id = $1 ORDER BY id`,
      [refId],
    )) as Array<Record<string, unknown>>;
    return { ...batch, created_at: new Date(batch.created_at as string).toISOString(), payouts };
  }

  /** Appends a record in the caller's transaction; serialised so two appends never share a predecessor. */
  async append(
    manager: EntityManager,
    kind: ChainKind,
    refId: string,
  ): Promise<{ seq: number; hash: string }> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('dividends.chain'))`);
    const [last] = (await manager.query(
      'SELECT seq, hash FROM chain_record ORDER BY seq DESC LIMIT 1',
    )) as Array<{
      seq: string;
      hash: string;
    }>;
    const seq = last ? Number(last.seq) + 1 : 1;
    const prevHash = last?.hash ?? GENESIS;
    const hash = chainHash(prevHash, await this.payload(manager, kind, refId));
    await manager.query(
      'INSERT INTO chain_record (seq, kind, ref_id, prev_hash, hash) VALUES ($1, $2, $3, $4, $5)',
      [seq, kind, refId, prevHash, hash],
    );
    return { seq, hash };
  }

  async verify(): Promise<ChainVerification> {
    const records = (await this.dataSource.query(
      'SELECT seq, kind, ref_id, prev_hash, hash FROM chain_record ORDER BY seq',
    )) as Array<{ seq: string; kind: ChainKind; ref_id: string; prev_hash: string; hash: string }>;
    let prev = GENESIS;
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      const at = { seq: Number(r.seq), kind: r.kind, refId: r.ref_id };
      const broken = (reason: 'content_changed' | 'link_broken' | 'record_missing'): ChainVerification => ({
        intact: false,
        length: records.length,
        headHash: records[records.length - 1].hash,
        firstBroken: { ...at, reason },
      });
      if (r.prev_hash !== prev || Number(r.seq) !== i + 1) return broken('link_broken');
      const payload = await this.payload(this.dataSource.manager, r.kind, r.ref_id);
      if (payload === undefined) return broken('record_missing');
      if (chainHash(prev, payload) !== r.hash) return broken('content_changed');
      prev = r.hash;
    }
    return { intact: true, length: records.length, headHash: prev, firstBroken: null };
  }
}
