import { PlatformPingV1, platformPingV1, TOPICS } from '@fupin/contracts';
import { ConsumerSpec, onEvent, publish } from '@fupin/messaging';
import { DataSource, EntityManager } from 'typeorm';

/** A ping this service received, with how long it took from commit to here. */
export interface ReceivedPing {
  eventId: string;
  sender: string;
  sequence: number;
  message: string;
  occurredAt: string;
  receivedAt: string;
  latencyMs: number;
}

/**
 * The consumer every service runs for `platform.ping`: records each ping once (the inbox makes
 * redeliveries no-ops), so an operator — or a benchmark — sees the whole path work end to end.
 */
export function diagnosticsConsumer(service: string): ConsumerSpec {
  const forMe = (event: PlatformPingV1) => !event.payload.target || event.payload.target === service;
  const record = async (manager: EntityManager, events: readonly PlatformPingV1[]) => {
    const mine = events.filter(forMe);
    if (mine.length === 0) return;
    await manager.query(
      `INSERT INTO diagnostics_ping (event_id, sender, sequence, message, occurred_at)
       SELECT * FROM unnest($1::uuid[], $2::text[], $3::int[], $4::text[], $5::timestamptz[])`,
      [
        mine.map((e) => e.id),
        mine.map((e) => e.aggregateId),
        mine.map((e) => e.payload.sequence),
        mine.map((e) => e.payload.message),
        mine.map((e) => e.occurredAt),
      ],
    );
  };
  return {
    name: 'diagnostics',
    topics: [TOPICS.platformTest],
    handlers: [onEvent(platformPingV1, (manager, event) => record(manager, [event]), record)],
  };
}

/** Sends pings from this service (one transaction, one outbox row each) and reads those received. */
export class DiagnosticsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly service: string,
  ) {}

  async sendPings(count: number, message: string, target?: string): Promise<string[]> {
    return this.dataSource.transaction(async (manager) => {
      const ids: string[] = [];
      for (let sequence = 0; sequence < count; sequence++) {
        const event = await publish(manager, platformPingV1, {
          aggregateId: this.service,
          payload: { message, sequence, target },
        });
        ids.push(event.id);
      }
      return ids;
    });
  }

  async received(limit: number): Promise<ReceivedPing[]> {
    return this.dataSource.query(
      `SELECT event_id AS "eventId", sender, sequence, message, occurred_at AS "occurredAt", received_at AS "receivedAt",
              round(EXTRACT(EPOCH FROM received_at - occurred_at) * 1000)::int AS "latencyMs"
         FROM diagnostics_ping ORDER BY received_at DESC LIMIT $1`,
      [limit],
    );
  }
}
