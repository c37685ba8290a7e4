import { Logger } from '@nestjs/common';
import { Consumer, Kafka } from 'kafkajs';
import { DataSource } from 'typeorm';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { ApplyOutcome, applyMessage, RawMessage } from './apply-message';
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
}

/**
 * A Kafka consumer group member that applies events through the inbox. Messages that fail
 * validation go straight to the dead-letter table; messages whose handler keeps failing go
 * there after a few attempts. Either way the partition moves on: one bad message never blocks
 * the ones behind it, and an operator can replay it once the cause is fixed.
 */
export class EventConsumer {
  private readonly logger: Logger;
  private consumer?: Consumer;

  constructor(private readonly options: EventConsumerOptions) {
    this.logger = new Logger(`EventConsumer:${options.name}`);
  }

  async start(): Promise<void> {
    const { kafka, name, topics } = this.options;
    const consumer = kafka.consumer({
      groupId: name,
      sessionTimeout: this.options.sessionTimeoutMs ?? 30_000,
      heartbeatInterval: Math.max(1_000, Math.floor((this.options.sessionTimeoutMs ?? 30_000) / 10)),
      allowAutoTopicCreation: true,
      maxWaitTimeInMs: 500,
    });
    this.consumer = consumer;
    await consumer.connect();
    await consumer.subscribe({ topics: [...topics], fromBeginning: true });
    await consumer.run({
      autoCommit: true,
      eachMessage: async ({ topic, partition, message, heartbeat }) => {
        const raw: RawMessage = {
          topic,
          partition,
          offset: message.offset,
          value: message.value?.toString('utf8') ?? '',
          source: 'kafka',
        };
        await this.deliver(raw, message.key?.toString('utf8') ?? null, heartbeat);
      },
    });
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect().catch(() => undefined);
    this.consumer = undefined;
  }

  private async deliver(raw: RawMessage, key: string | null, heartbeat: () => Promise<void>): Promise<void> {
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
      case 'invalid':
      case 'failed':
        await this.setAside(raw, key, outcome, attempts);
    }
  }

  private async setAside(
    raw: RawMessage,
    key: string | null,
    outcome: Extract<ApplyOutcome, { kind: 'invalid' | 'failed' }>,
    attempts: number,
  ): Promise<void> {
    const { dataSource, name, metrics } = this.options;
    this.logger.warn(
      { topic: raw.topic, partition: raw.partition, offset: raw.offset, error: outcome.error },
      `dead letter (${outcome.kind})`,
    );
    // If even this insert fails the error propagates: kafkajs retries the message rather than lose it.
    await dataSource.query(
      `INSERT INTO dead_letter (consumer, topic, kafka_partition, kafka_offset, message_key, event_id, event_type,
                                raw_value, reason, error, attempts)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
       ON CONFLICT (consumer, topic, kafka_partition, kafka_offset) DO NOTHING`,
      [
        name,
        raw.topic,
        raw.partition,
        raw.offset,
        key,
        isUuid(outcome.eventId) ? outcome.eventId : null,
        outcome.type ?? null,
        pgText(raw.value),
        outcome.kind,
        pgText(outcome.error.slice(0, 4000)),
        attempts,
      ],
    );
    metrics?.deadLetters.inc({ consumer: name, reason: outcome.kind });
  }
}

/** PostgreSQL text cannot hold NUL; keep the rest of a malformed message readable. */
function pgText(value: string): string {
  return value.split('\u0000').join('\\u0000');
}

function isUuid(value: string | undefined): value is string {
  return !!value && /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value);
}
