import { parseEventEnvelope } from '@fupin/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { DeliveryContext, EventHandler } from './event-handler';

/** The outcome of offering one raw message to a consumer's handlers. */
export type ApplyOutcome =
  | { kind: 'applied'; eventId: string; type: string }
  | { kind: 'duplicate'; eventId: string }
  | { kind: 'ignored'; type: string }
  | { kind: 'invalid'; error: string; eventId?: string; type?: string }
  | { kind: 'failed'; error: string; eventId: string; type: string };

/** A message as it arrived: the bytes of its value, and where it came from. */
export interface RawMessage extends DeliveryContext {
  value: string;
}

/**
 * Validates a raw message against the contracts and, when a handler wants it, applies it in one
 * transaction with its inbox row. A newer version of a handled event is accepted as the handled
 * version (versions only ever add optional fields; unknown fields are dropped).
 */
export async function applyMessage(
  dataSource: DataSource,
  consumer: string,
  handlers: readonly EventHandler[],
  message: RawMessage,
): Promise<ApplyOutcome> {
  let json: unknown;
  try {
    json = JSON.parse(message.value);
  } catch (error) {
    return { kind: 'invalid', error: `not JSON: ${(error as Error).message}` };
  }
  const header = parseEventEnvelope(json);
  if (!header.ok) return { kind: 'invalid', error: header.error.message };
  const { id, type, version } = header.value;
  const handler = handlers.find((h) => h.event.type === type && version >= h.event.version);
  if (!handler) return { kind: 'ignored', type };
  const parsed = handler.event.parse({ ...(json as object), version: handler.event.version });
  if (!parsed.ok) return { kind: 'invalid', error: parsed.error.message, eventId: id, type };

  try {
    const applied = await dataSource.transaction(async (manager: EntityManager) => {
      const inserted: unknown[] = await manager.query(
        `INSERT INTO inbox (event_id, consumer, event_type, topic, kafka_partition, kafka_offset)
         VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING 1`,
        [id, consumer, type, message.topic, message.partition, message.offset],
      );
      if (inserted.length === 0) return false;
      await handler.handle(manager, parsed.value, message);
      return true;
    });
    return applied ? { kind: 'applied', eventId: id, type } : { kind: 'duplicate', eventId: id };
  } catch (error) {
    return {
      kind: 'failed',
      error: error instanceof Error ? error.message : String(error),
      eventId: id,
      type,
    };
  }
}
