import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { DataSource } from 'typeorm';
import type { Sql } from '../common/ledger';

export type ChainKind = 'notice' | 'payout_batch';
const GENESIS = '0'.repeat(64);
const FETCH_ROWS = 20_000;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Stands for the list in a record's canonical JSON while the rows are streamed into the hash. */
const ROWS_MARKER = '\u0000rows\u0000';

const str = JSON.stringify;

/**
 * The list rows of each kind of record, read through a cursor, and each row's canonical JSON:
 * the bytes `canonicalJson` gives for the row (keys sorted, no spaces), written out key by key
 * because this runs millions of times (a test holds the two to the same hash). `parent` is a
 * uuid checked by the caller.
 */
export const CANONICAL_ROWS: Record<
  ChainKind,
  { key: string; sql: (parent: string) => string; json: (row: Record<string, unknown>) => string }
> = {
  notice: {
    key: 'lines',
    sql: (distributionId) =>
      `SELECT household_id, household_number, head_name, village_code, amount_fen::text AS amount_fen
       FROM distribution_line WHERE distribution_id = '${distributionId}' ORDER BY household_id`,
    json: (r) =>
      `{"amount_fen":${str(r.amount_fen)},"head_name":${str(r.head_name)},"household_id":${str(r.household_id)},"household_number":${str(r.household_number)},"village_code":${str(r.village_code)}}`,
  },
  payout_batch: {
    key: 'payouts',
    sql: (batchId) =>
      `SELECT id, household_id, household_number, bank_account_masked, amount_fen::text AS amount_fen, attempt
       FROM payout WHERE batch_id = '${batchId}' ORDER BY id`,
    json: (r) =>
      `{"amount_fen":${str(r.amount_fen)},"attempt":${str(r.attempt)},"bank_account_masked":${str(r.bank_account_masked)},"household_id":${str(r.household_id)},"household_number":${str(r.household_number)},"id":${str(r.id)}}`,
  },
};

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

/** Where the next record of the chain goes: its sequence number and the hash it links to. */
export interface ChainHead {
  seq: number;
  prevHash: string;
}

/**
 * The hash of one record after `prevHash`, made as its rows arrive: sha256 of the previous hash and
 * the record's canonical JSON — its header row (as read from its table) with the list of its lines
 * (a notice) or payouts (a batch), in the order `CANONICAL_ROWS` reads them. The list can hold
 * millions of rows, so it is never built: each batch of rows given to `rows` goes into the hash,
 * or to `json` already written out as the comma-separated canonical JSON of the rows.
 * `ChainService.hashOf` re-reads a record through it; a posting feeds it the payouts it writes.
 */
export function recordHash(
  kind: ChainKind,
  header: Record<string, unknown>,
  prevHash: string,
): {
  rows(rows: ReadonlyArray<Record<string, unknown>>): void;
  json(rows: Buffer): void;
  digest(): string;
} {
  const dates =
    kind === 'notice'
      ? {
          published_at: new Date(header.published_at as string).toISOString(),
          ends_at: new Date(header.ends_at as string).toISOString(),
        }
      : { created_at: new Date(header.created_at as string).toISOString() };
  const canonical = CANONICAL_ROWS[kind];
  const marker = JSON.stringify(ROWS_MARKER);
  const text = canonicalJson({ ...header, ...dates, [canonical.key]: ROWS_MARKER });
  const at = text.indexOf(marker);
  const hash = createHash('sha256').update(`${prevHash}\n${text.slice(0, at)}[`);
  let first = true;
  return {
    rows(rows) {
      if (!rows.length) return;
      hash.update(`${first ? '' : ','}${rows.map(canonical.json).join(',')}`);
      first = false;
    },
    json(rows) {
      if (!rows.length) return;
      if (!first) hash.update(',');
      hash.update(rows);
      first = false;
    },
    digest: () => hash.update(`]${text.slice(at + marker.length)}`).digest('hex'),
  };
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

  /**
   * The hash of one record after `prevHash` (undefined: the row is gone): sha256 of the previous
   * hash and the record's canonical JSON — its header row with the list of its lines (a notice)
   * or payouts (a batch). The list can hold millions of rows, so it is never built in memory:
   * the rows are read through a cursor, 20,000 at a time, and each row's canonical JSON
   * (`CANONICAL_ROWS`) goes into the hash.
   * Runs inside the caller's transaction (a cursor needs one).
   */
  async hashOf(manager: Sql, kind: ChainKind, refId: string, prevHash: string): Promise<string | undefined> {
    if (!UUID.test(refId)) return undefined;
    const [header] =
      kind === 'notice'
        ? await manager.query(
            `SELECT n.id, n.distribution_id, n.entity_id, n.title, n.published_at, n.ends_at, d.pool_fen::text AS pool_fen,
                    d.plan_id, d.plan_version, d.period_start::text AS period_start, d.period_end::text AS period_end, d.account_parts
             FROM notice n JOIN distribution d ON d.id = n.distribution_id WHERE n.id = $1`,
            [refId],
          )
        : await manager.query(
            `SELECT id, distribution_id, line_count, total_fen::text AS total_fen, created_at FROM payout_batch WHERE id = $1`,
            [refId],
          );
    if (!header) return undefined;
    const hash = recordHash(kind, header, prevHash);
    const parent = kind === 'notice' ? (header.distribution_id as string) : refId;
    await manager.query(`DECLARE chain_rows NO SCROLL CURSOR FOR ${CANONICAL_ROWS[kind].sql(parent)}`);
    for (;;) {
      const chunk = await manager.query(`FETCH ${FETCH_ROWS} FROM chain_rows`);
      if (!chunk.length) break;
      hash.rows(chunk);
    }
    await manager.query('CLOSE chain_rows');
    return hash.digest();
  }

  /**
   * The chain's head, for a record whose hash is made while its rows are written (a posting's
   * batch): takes the chain's lock for the rest of the caller's transaction, so nothing is linked
   * after the head before `link` puts the new record there.
   */
  async head(manager: Sql): Promise<ChainHead> {
    await manager.query(`SELECT pg_advisory_xact_lock(hashtext('dividends.chain'))`);
    const [last] = (await manager.query(
      'SELECT seq, hash FROM chain_record ORDER BY seq DESC LIMIT 1',
    )) as Array<{
      seq: string;
      hash: string;
    }>;
    return { seq: last ? Number(last.seq) + 1 : 1, prevHash: last?.hash ?? GENESIS };
  }

  /** Writes the record at the place `head` gave, with the hash made of its content after `head.prevHash`. */
  async link(manager: Sql, head: ChainHead, kind: ChainKind, refId: string, hash: string): Promise<void> {
    await manager.query(
      'INSERT INTO chain_record (seq, kind, ref_id, prev_hash, hash) VALUES ($1, $2, $3, $4, $5)',
      [head.seq, kind, refId, head.prevHash, hash],
    );
  }

  /** Appends a record in the caller's transaction; serialised so two appends never share a predecessor. */
  async append(manager: Sql, kind: ChainKind, refId: string): Promise<{ seq: number; hash: string }> {
    const head = await this.head(manager);
    const hash = await this.hashOf(manager, kind, refId, head.prevHash);
    if (hash === undefined) throw new Error(`chain: no ${kind} ${refId} to append`);
    await this.link(manager, head, kind, refId, hash);
    return { seq: head.seq, hash };
  }

  /** Re-hashes every record from the live tables, in one consistent snapshot. */
  async verify(): Promise<ChainVerification> {
    return this.dataSource.transaction('REPEATABLE READ', async (manager) => {
      const records = (await manager.query(
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
        const hash = await this.hashOf(manager, r.kind, r.ref_id, prev);
        if (hash === undefined) return broken('record_missing');
        if (hash !== r.hash) return broken('content_changed');
        prev = r.hash;
      }
      return { intact: true, length: records.length, headHash: prev, firstBroken: null };
    });
  }
}
