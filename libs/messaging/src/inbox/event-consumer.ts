import { Logger } from '@nestjs/common';
import { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { DataSource, EntityManager } from 'typeorm';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import {
  ApplyOutcome,
  applyDecodedMany,
  applyMessage,
  decodeMessage,
  DecodedMessage,
  RawMessage,
} from './apply-message';
import { EventHandler } from './event-handler';

/** Settings of {@link EventConsumer}. */
export interface EventConsumerOptions {
  dataSource: DataSource;
  kafka: Kafka;
  /** Unique per service and purpose, e.g. `ledger.households`; also the consumer group id. */
  name: string;
  topics: readonly string[];
  handlers: readonly EventHandler[];
  metrics?: MessagingMetrics;
  /** Attempts before a failing message becomes a dead letter. */
  maxAttempts?: number;
  retryDelayMs?: number;
  sessionTimeoutMs?: number;
  /** Messages applied per database transaction when all goes well. */
  chunkSize?: number;
}

type Failure = Extract<ApplyOutcome, { kind: 'invalid' | 'failed' }>;

/**
 * A Kafka consumer group member that applies events through the inbox. Messages are applied in
 * chunks, one transaction per chunk (each with its inbox rows), which keeps up with a busy topic;
 * if anything in a chunk fails, its messages are retried one by one so that one bad message
 * never holds back the others. Messages that fail validation go straight to the dead-letter
 * table; messages whose handler keeps failing go there after a few attempts. Either way the
 * partition moves on, and an operator can replay the message once the cause is fixed.
 */
export class EventConsumer {
  private readonly logger: Logger;
  private consumer?: Consumer;

  constructor(private readonly options: EventConsumerOptions) {
    this.logger = new Logger(`EventConsumer:${options.name}`);
  }

  async start(): Promise<void> {
    const { kafka, name, topics } = this.options;
    const sessionTimeout = this.options.sessionTimeoutMs ?? 30_000;
    const consumer = kafka.consumer({
      groupId: name,
      sessionTimeout,
      heartbeatInterval: Math.max(500, Math.floor(sessionTimeout / 10)),
      allowAutoTopicCreation: true,
      maxWaitTimeInMs: 500,
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      // Partitions are independent (order matters within one): apply them side by side.
      partitionsConsumedConcurrently: 4,
      eachBatchAutoResolve: false,
      eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale }) => {
        const size = this.options.chunkSize ?? 200;
        for (let i = 0; i < batch.messages.length; i += size) {
          if (!isRunning() || isStale()) return;
          const chunk = batch.messages.slice(i, i + size).map((m) => toRaw(batch.topic, batch.partition, m));
          await this.applyChunk(chunk, heartbeat);
          resolveOffset(chunk[chunk.length - 1].offset);
          await heartbeat();
        }
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
    this.consumer = undefined;
  }

  /** The fast path: the whole chunk in one transaction; on any failure, one by one. */
  private async applyChunk(
    chunk: Array<RawMessage & { key: string | null }>,
    heartbeat: () => Promise<void>,
  ) {
    const { dataSource, name, handlers, metrics } = this.options;
    const decoded = chunk.map((raw) => ({ raw, decoded: decodeMessage(handlers, raw) }));
    const ready = decoded.flatMap(({ decoded: d }) => (d.kind === 'ready' ? [d] : []));
    let applied: boolean[];
    try {
      applied = await dataSource.transaction(async (manager) => {
        for (const { raw, decoded: d } of decoded)
          if (d.kind === 'invalid') await this.setAside(manager, raw, d, 1);
        return applyDecodedMany(manager, name, ready);
      });
    } catch {
      for (const raw of chunk) await this.deliverOne(raw, heartbeat);
      return;
    }
    ready.forEach((d, i) => {
      if (applied[i]) metrics?.consumed.inc({ consumer: name, type: d.event.type });
      else metrics?.duplicates.inc({ consumer: name });
    });
    for (const { decoded: d } of decoded)
      if (d.kind === 'invalid') metrics?.deadLetters.inc({ consumer: name, reason: 'invalid' });
  }

  /** The careful path: one message, its own transaction, retried with backoff, then set aside. */
  private async deliverOne(
    raw: RawMessage & { key: string | null },
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    const { dataSource, name, handlers, metrics } = this.options;
    const maxAttempts = this.options.maxAttempts ?? 5;
    let outcome: ApplyOutcome = await applyMessage(dataSource, name, handlers, raw);
    let attempts = 1;
    while (outcome.kind === 'failed' && attempts < maxAttempts) {
      await new Promise((r) => setTimeout(r, (this.options.retryDelayMs ?? 200) * 2 ** (attempts - 1)));
      await heartbeat();
      outcome = await applyMessage(dataSource, name, handlers, raw);
      attempts++;
    }
    switch (outcome.kind) {
      case 'applied':
        metrics?.consumed.inc({ consumer: name, type: outcome.type });
        return;
      case 'duplicate':
        metrics?.duplicates.inc({ consumer: name });
        return;
      case 'ignored':
        return;
      default:
        // If even this insert fails the error propagates: kafkajs retries the batch rather than lose it.
        await this.setAside(dataSource.manager, raw, outcome, attempts);
        metrics?.deadLetters.inc({ consumer: name, reason: outcome.kind });
    }
  }

  private async setAside(
    manager: EntityManager,
    raw: RawMessage & { key: string | null },
    outcome: Failure | Extract<DecodedMessage, { kind: 'invalid' }>,
    attempts: number,
  ): Promise<void> {
    this.logger.warn(
      { topic: raw.topic, partition: raw.partition, offset: raw.offset, error: outcome.error },
      `dead letter (${outcome.kind})`,
    );
    await manager.query(
      `INSERT INTO dead_letter (consumer, topic, kafka_partition, kafka_offset, message_key, event_id, event_type,
                                raw_value, reason, error, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (consumer, topic, kafka_partition, kafka_offset) DO NOTHING`,
      [
        this.options.name,
        raw.topic,
        raw.partition,
        raw.offset,
        raw.key,
        isUuid(outcome.eventId) ? outcome.eventId : null,
        outcome.type ?? null,
        pgText(raw.value),
        outcome.kind,
        pgText(outcome.error.slice(0, 4000)),
        attempts,
      ],
    );
  }
}

function toRaw(topic: string, partition: number, message: KafkaMessage): RawMessage & { key: string | null } {
  return {
    topic,
    partition,
    offset: message.offset,
    value: message.value?.toString('utf8') ?? '',
    key: message.key?.toString('utf8') ?? null,
    source: 'kafka',
  };
}

/** PostgreSQL text cannot hold NUL; keep the rest of a malformed message readable. */
function pgText(value: string): string {
  return value.split('\u0000').join('\\u0000');
}

function isUuid(value: string | undefined): value is string {
  return !!value && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
