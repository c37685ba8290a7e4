import { Counter, Gauge, Registry } from 'prom-client';

/**
 * Messaging figures for `/metrics`: events published and consumed, duplicates skipped, dead
 * letters, and the outbox lag (unsent rows and the age of the oldest), which an operator watches
 * to see that events are flowing.
 */
export class MessagingMetrics {
  readonly published: Counter<'topic'>;
  readonly consumed: Counter<'consumer' | 'type'>;
  readonly duplicates: Counter<'consumer'>;
  readonly deadLetters: Counter<'consumer' | 'reason'>;
  readonly outboxUnsent: Gauge;
  readonly outboxOldestAgeSeconds: Gauge;

  constructor(registry: Registry, lag?: () => Promise<{ unsent: number; oldestAgeSeconds: number }>) {
    this.published = new Counter({
      name: 'messaging_events_published_total',
      help: 'Events the relay published from the outbox to Kafka',
      labelNames: ['topic'],
      registers: [registry],
    });
    this.consumed = new Counter({
      name: 'messaging_events_consumed_total',
      help: 'Events a consumer applied (inbox row written with its effect)',
      labelNames: ['consumer', 'type'],
      registers: [registry],
    });
    this.duplicates = new Counter({
      name: 'messaging_events_duplicate_total',
      help: 'Redelivered events skipped because the inbox already had them',
      labelNames: ['consumer'],
      registers: [registry],
    });
    this.deadLetters = new Counter({
      name: 'messaging_dead_letters_total',
      help: 'Messages set aside as dead letters (invalid, or failing after retries)',
      labelNames: ['consumer', 'reason'],
      registers: [registry],
    });
    let cached: Promise<{ unsent: number; oldestAgeSeconds: number }> | undefined;
    // One query serves both gauges in a scrape.
    const read = () => {
      cached ??= (lag ? lag() : Promise.resolve({ unsent: 0, oldestAgeSeconds: 0 })).finally(() =>
        setTimeout(() => (cached = undefined), 500),
      );
      return cached;
    };
    this.outboxUnsent = new Gauge({
      name: 'messaging_outbox_unsent',
      help: 'Outbox rows not yet published',
      registers: [registry],
      async collect() {
        this.set((await read()).unsent);
      },
    });
    this.outboxOldestAgeSeconds = new Gauge({
      name: 'messaging_outbox_oldest_unsent_age_seconds',
      help: 'Age of the oldest unpublished outbox row (0 when none)',
      registers: [registry],
      async collect() {
        this.set((await read()).oldestAgeSeconds);
      },
    });
  }
}
