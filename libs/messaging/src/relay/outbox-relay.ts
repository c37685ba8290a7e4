import { Logger } from '@nestjs/common';
import { CompressionTypes, Kafka, Partitioners, Producer } from 'kafkajs';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { OUTBOX_CHANNEL } from '../schema/messaging-tables';

/** Settings of {@link OutboxRelay}. */
export interface OutboxRelayOptions {
  dataSource: DataSource;
  kafka: Kafka;
  /** Distinguishes relays of different services sharing a database server (leader lock). */
  service: string;
  metrics?: MessagingMetrics;
  batchSize?: number;
  /** A safety sweep in case a notification was lost (listener reconnecting). */
  sweepIntervalMs?: number;
  maxBackoffMs?: number;
}

interface OutboxRow {
  id: string;
  topic: string;
  message_key: string;
  event_type: string;
  event_id: string;
  envelope: string;
}

/**
 * Ships the outbox to Kafka: unsent rows in id order (so one aggregate's events keep their
 * order), with an idempotent producer, marked sent only after Kafka acknowledged them. Wakes on
 * PostgreSQL NOTIFY at commit rather than polling; retries with backoff while the broker is
 * down and catches up after. One relay per database is active at a time (advisory lock), so
 * running several replicas never reorders events.
 */
export class OutboxRelay {
  private readonly logger = new Logger('OutboxRelay');
  private readonly batchSize: number;
  private readonly sweepIntervalMs: number;
  private readonly maxBackoffMs: number;
  private producer?: Producer;
  private listener?: Client;
  private running = false;
  private wake: () => void = () => undefined;
  private pending = true;
  private leader = false;
  private loop?: Promise<void>;

  constructor(private readonly options: OutboxRelayOptions) {
    this.batchSize = options.batchSize ?? 500;
    this.sweepIntervalMs = options.sweepIntervalMs ?? 5_000;
    this.maxBackoffMs = options.maxBackoffMs ?? 5_000;
  }

  /** Starts relaying in the background; resolves once the loop is running (not once Kafka answers). */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run().catch((error) =>
      this.logger.error({ err: error }, 'outbox relay stopped on an error'),
    );
  }

  /** Finishes the batch in flight, then stops; unsent rows stay for the next start. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
    await this.producer?.disconnect().catch(() => undefined);
    await this.listener?.end().catch(() => undefined);
    this.producer = undefined;
    this.listener = undefined;
  }

  private async run(): Promise<void> {
    let backoff = 100;
    while (this.running) {
      try {
        await this.ensureListening();
        if (!(await this.holdLeadership())) {
          await this.sleep(this.sweepIntervalMs, false);
          continue;
        }
        await this.ensureProducer();
        while (this.running && this.pending) {
          this.pending = false;
          const sent = await this.relayBatch();
          // A full batch means there may be more; a short one means we caught up.
          if (sent === this.batchSize) this.pending = true;
        }
        backoff = 100;
        await this.sleep(this.sweepIntervalMs, true);
        this.pending = true;
      } catch (error) {
        this.logger.warn({ err: error, retryInMs: backoff }, 'outbox relay cannot publish yet; retrying');
        await this.resetConnections();
        // Not cut short by notifications: while the broker is down, new rows must not spin the loop.
        await this.sleep(backoff, false);
        backoff = Math.min(backoff * 2, this.maxBackoffMs);
        this.pending = true;
      }
    }
  }

  /** Publishes one batch; returns how many rows it marked sent. */
  private async relayBatch(): Promise<number> {
    const rows: OutboxRow[] = await this.options.dataSource.query(
      `SELECT id, topic, message_key, event_type, event_id, envelope::text AS envelope
         FROM outbox WHERE published_at IS NULL ORDER BY id LIMIT $1`,
      [this.batchSize],
    );
    if (rows.length === 0) return 0;
    const byTopic = new Map<string, OutboxRow[]>();
    for (const row of rows) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row]);
    try {
      await this.producer!.sendBatch({
        acks: -1,
        // Events are small JSON; compressing them costs more CPU (here, in the broker and in every
        // consumer) than it saves on a local network. Consumers read compressed batches all the same.
        compression: CompressionTypes.None,
        topicMessages: [...byTopic].map(([topic, list]) => ({
          topic,
          messages: list.map((row) => ({
            key: row.message_key,
            value: row.envelope,
            headers: {
              'event-id': row.event_id,
              'event-type': row.event_type,
              'content-type': 'application/json',
            },
          })),
        })),
      });
    } catch (error) {
      await this.options.dataSource
        .query(`UPDATE outbox SET attempts = attempts + 1, last_error = $2 WHERE id = $1`, [
          rows[0].id,
          String(error instanceof Error ? error.message : error).slice(0, 1000),
        ])
        .catch(() => undefined);
      throw error;
    }
    // Sent but not yet marked (a crash right here) means a redelivery: the consumers' inbox absorbs it.
    await this.options.dataSource.query(
      `UPDATE outbox SET published_at = clock_timestamp(), attempts = attempts + 1, last_error = NULL
        WHERE id = ANY($1::bigint[])`,
      [rows.map((r) => r.id)],
    );
    for (const [topic, list] of byTopic) this.options.metrics?.published.inc({ topic }, list.length);
    return rows.length;
  }

  private async ensureListening(): Promise<void> {
    if (this.listener) return;
    const url = (this.options.dataSource.options as { url?: string }).url;
    const client = new Client({
      connectionString: url,
      application_name: `${this.options.service}-outbox-relay`,
    });
    client.on('error', (error) => {
      this.logger.warn({ err: error }, 'outbox listener connection lost');
      void this.resetConnections();
      this.wake();
    });
    client.on('notification', () => {
      this.pending = true;
      this.wake();
    });
    await client.connect();
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    this.listener = client;
  }

  /** Session-level advisory lock on the listener connection: released if this process dies. */
  private async holdLeadership(): Promise<boolean> {
    if (this.leader) return true;
    const [row] = await this.listener!.query(
      `SELECT pg_try_advisory_lock(hashtext('outbox-relay'), 0) AS held`,
    ).then((r) => r.rows);
    this.leader = row.held === true;
    if (this.leader) this.logger.log(`relaying the ${this.options.service} outbox`);
    return this.leader;
  }

  private async ensureProducer(): Promise<void> {
    if (this.producer) return;
    const producer = this.options.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: true,
      // Murmur2, as the Java client: an aggregate lands on the same partition whoever produces it.
      createPartitioner: Partitioners.DefaultPartitioner,
    });
    await producer.connect();
    this.producer = producer;
  }

  private async resetConnections(): Promise<void> {
    const producer = this.producer;
    const listener = this.listener;
    this.producer = undefined;
    this.listener = undefined;
    this.leader = false;
    await producer?.disconnect().catch(() => undefined);
    await listener?.end().catch(() => undefined);
  }

  /** Waits `ms`; stop() always ends the wait early, a NOTIFY only when `wakeOnNotify`. */
  private sleep(ms: number, wakeOnNotify: boolean): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.wake = () => undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = () => {
        if (wakeOnNotify || !this.running) done();
      };
      if (!this.running || (wakeOnNotify && this.pending)) done();
    });
  }
}
