import { Logger } from '@nestjs/common';
import { Kafka } from 'kafkajs';
import { Registry } from 'prom-client';
import { DataSource } from 'typeorm';
import { DeadLetterService } from '../dead-letters/dead-letter.service';
import { EventConsumer } from '../inbox/event-consumer';
import { EventHandler } from '../inbox/event-handler';
import { createKafka } from '../kafka/kafka-client';
import { MessagingMetrics } from '../metrics/messaging-metrics';
import { OutboxRelay } from '../relay/outbox-relay';

/** One consumer group of a service: which topics it reads and what it does with each event. */
export interface ConsumerSpec {
  /** Unique within the service; the group id is `<service>.<name>`. */
  name: string;
  topics: readonly string[];
  handlers: readonly EventHandler[];
}

/** Settings of {@link MessagingRuntime}. */
export interface MessagingRuntimeOptions {
  service: string;
  dataSource: DataSource;
  /** KAFKA_BROKERS; undefined leaves events in the outbox and consumes nothing (said in the log). */
  brokers?: string;
  consumers: readonly ConsumerSpec[];
  registry: Registry;
  /** Partitions for topics this service creates (Kafka's default when auto-creating may be 1). */
  topicPartitions?: number;
  /** Topics to create at start; the service's own produced topics. */
  topics?: readonly string[];
  consumerSessionTimeoutMs?: number;
}

/**
 * Everything a service runs for messaging: the outbox relay, its consumer groups, the dead-letter
 * service and the metrics. Starting never fails because Kafka is down: the relay and consumers
 * keep retrying in the background, and events wait safely in the outbox meanwhile.
 */
export class MessagingRuntime {
  readonly deadLetters: DeadLetterService;
  readonly metrics: MessagingMetrics;
  private readonly logger = new Logger('Messaging');
  private readonly kafka?: Kafka;
  private relay?: OutboxRelay;
  private readonly consumers = new Map<string, EventConsumer | undefined>();
  private stopping = false;
  private readonly timers = new Set<NodeJS.Timeout>();

  constructor(private readonly options: MessagingRuntimeOptions) {
    this.metrics = new MessagingMetrics(options.registry, () => this.outboxLag());
    this.deadLetters = new DeadLetterService(
      options.dataSource,
      new Map(options.consumers.map((c) => [this.groupId(c), c.handlers])),
    );
    if (options.brokers) this.kafka = createKafka({ brokers: options.brokers, clientId: options.service });
  }

  get enabled(): boolean {
    return this.kafka !== undefined;
  }

  start(): void {
    if (!this.kafka) {
      this.logger.warn(
        'messaging is off (KAFKA_BROKERS unset): events stay in the outbox until a relay runs',
      );
      return;
    }
    // Topics first: a producer or consumer touching a missing topic would have it auto-created
    // with the broker's default partition count instead of ours.
    void this.createTopics().finally(() => {
      if (this.stopping) return;
      this.relay = new OutboxRelay({
        dataSource: this.options.dataSource,
        kafka: this.kafka!,
        service: this.options.service,
        metrics: this.metrics,
      });
      this.relay.start();
      for (const spec of this.options.consumers) this.startConsumer(spec, 200);
    });
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const timer of this.timers) clearTimeout(timer);
    await Promise.all([...this.consumers.values()].map((c) => c?.stop()));
    await this.relay?.stop();
  }

  /** For health and the admin page: is each part running. */
  status(): { enabled: boolean; consumers: Record<string, 'running' | 'starting'> } {
    return {
      enabled: this.enabled,
      consumers: Object.fromEntries(
        [...this.consumers].map(([name, c]) => [name, c ? 'running' : 'starting']),
      ),
    };
  }

  private groupId(spec: ConsumerSpec): string {
    return `${this.options.service}.${spec.name}`;
  }

  private startConsumer(spec: ConsumerSpec, retryMs: number): void {
    const name = this.groupId(spec);
    this.consumers.set(name, undefined);
    const consumer = new EventConsumer({
      dataSource: this.options.dataSource,
      kafka: this.kafka!,
      name,
      topics: spec.topics,
      handlers: spec.handlers,
      metrics: this.metrics,
      sessionTimeoutMs: this.options.consumerSessionTimeoutMs,
    });
    consumer.start().then(
      () => {
        if (this.stopping) void consumer.stop();
        else this.consumers.set(name, consumer);
      },
      async (error) => {
        await consumer.stop();
        if (this.stopping) return;
        this.logger.warn({ err: error, retryInMs: retryMs }, `consumer ${name} cannot start yet; retrying`);
        const timer = setTimeout(() => {
          this.timers.delete(timer);
          this.startConsumer(spec, Math.min(retryMs * 2, 5_000));
        }, retryMs);
        this.timers.add(timer);
      },
    );
  }

  private async createTopics(): Promise<void> {
    const topics = new Set([
      ...(this.options.topics ?? []),
      ...this.options.consumers.flatMap((c) => c.topics),
    ]);
    if (topics.size === 0) return;
    const admin = this.kafka!.admin();
    try {
      await admin.connect();
      await admin.createTopics({
        waitForLeaders: true,
        topics: [...topics].map((topic) => ({ topic, numPartitions: this.options.topicPartitions ?? 4 })),
      });
    } catch (error) {
      // Topics are also auto-created on first use; a broker that is down now is retried by the relay.
      this.logger.warn({ err: error }, 'could not create topics at start');
    } finally {
      await admin.disconnect().catch(() => undefined);
    }
  }

  private async outboxLag(): Promise<{ unsent: number; oldestAgeSeconds: number }> {
    const [row] = await this.options.dataSource.query(
      `SELECT count(*)::int AS unsent,
              COALESCE(EXTRACT(EPOCH FROM clock_timestamp() - min(created_at)), 0)::float8 AS age
         FROM outbox WHERE published_at IS NULL`,
    );
    return { unsent: row.unsent, oldestAgeSeconds: row.age };
  }
}
