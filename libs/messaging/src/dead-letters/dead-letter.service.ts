import { DataSource } from 'typeorm';
import { applyMessage } from '../inbox/apply-message';
import { EventHandler } from '../inbox/event-handler';

/** One dead letter as the admin endpoint shows it. */
export interface DeadLetter {
  id: string;
  consumer: string;
  topic: string;
  partition: number;
  offset: string;
  key: string | null;
  eventId: string | null;
  eventType: string | null;
  rawValue: string;
  reason: 'invalid' | 'failed';
  error: string;
  attempts: number;
  createdAt: string;
  status: 'open' | 'replayed' | 'discarded';
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolutionNote: string | null;
}

/** What a replay did: the event applied now, or was already applied, or still fails (and why). */
export type ReplayResult =
  | { outcome: 'applied' | 'duplicate'; deadLetter: DeadLetter }
  | { outcome: 'still-failing'; error: string; deadLetter: DeadLetter };

const COLUMNS = `id::text, consumer, topic, kafka_partition AS partition, kafka_offset::text AS offset,
  message_key AS key, event_id AS "eventId", event_type AS "eventType", raw_value AS "rawValue", reason, error,
  attempts, created_at AS "createdAt", status, resolved_at AS "resolvedAt", resolved_by AS "resolvedBy",
  resolution_note AS "resolutionNote"`;

/**
 * Lists and resolves dead letters. A replay offers the stored message to the consumer's handlers
 * again through the inbox, so replaying twice, or replaying an event Kafka also redelivered,
 * still applies it once.
 */
export class DeadLetterService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly handlersByConsumer: ReadonlyMap<string, readonly EventHandler[]>,
  ) {}

  async list(query: { status?: DeadLetter['status']; consumer?: string; page: number; pageSize: number }) {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.status) where.push(`status = $${params.push(query.status)}`);
    if (query.consumer) where.push(`consumer = $${params.push(query.consumer)}`);
    const clause = where.length ? `WHERE ${where.join(' AND ')}` : '';
    const [{ total }] = await this.dataSource.query(
      `SELECT count(*)::int AS total FROM dead_letter ${clause}`,
      params,
    );
    const items: DeadLetter[] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM dead_letter ${clause} ORDER BY id DESC LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, query.pageSize, (query.page - 1) * query.pageSize],
    );
    return { items, total: total as number, page: query.page, pageSize: query.pageSize };
  }

  async get(id: string): Promise<DeadLetter | undefined> {
    const [row] = await this.dataSource.query(`SELECT ${COLUMNS} FROM dead_letter WHERE id = $1`, [id]);
    return row;
  }

  /** Offers an open dead letter to its consumer's handlers again. */
  async replay(id: string, actor: string): Promise<ReplayResult | undefined> {
    const letter = await this.get(id);
    if (!letter || letter.status !== 'open')
      return letter
        ? { outcome: 'still-failing', error: `dead letter is ${letter.status}`, deadLetter: letter }
        : undefined;
    const handlers = this.handlersByConsumer.get(letter.consumer) ?? [];
    const outcome = await applyMessage(this.dataSource, letter.consumer, handlers, {
      topic: letter.topic,
      partition: letter.partition,
      offset: letter.offset,
      value: letter.rawValue,
      source: 'replay',
    });
    if (outcome.kind === 'applied' || outcome.kind === 'duplicate') {
      await this.resolve(id, 'replayed', actor);
      return { outcome: outcome.kind, deadLetter: (await this.get(id))! };
    }
    const error = outcome.kind === 'ignored' ? `no handler for ${outcome.type}` : outcome.error;
    await this.dataSource.query(`UPDATE dead_letter SET attempts = attempts + 1, error = $2 WHERE id = $1`, [
      id,
      error,
    ]);
    return { outcome: 'still-failing', error, deadLetter: (await this.get(id))! };
  }

  /** Closes a dead letter that must not be applied, recording who decided and why. */
  async discard(id: string, actor: string, reason: string): Promise<DeadLetter | undefined> {
    const letter = await this.get(id);
    if (!letter || letter.status !== 'open') return letter;
    await this.resolve(id, 'discarded', actor, reason);
    return this.get(id);
  }

  private async resolve(
    id: string,
    status: 'replayed' | 'discarded',
    actor: string,
    note?: string,
  ): Promise<void> {
    await this.dataSource.query(
      `UPDATE dead_letter SET status = $2, resolved_at = clock_timestamp(), resolved_by = $3, resolution_note = $4
        WHERE id = $1 AND status = 'open'`,
      [id, status, actor, note ?? null],
    );
  }
}
