import { parseEventEnvelope, TypedEventEnvelope } from '@fupin/contracts';
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

/** A message checked against the contracts: ready for its handler, or not wanted, or invalid. */
export type DecodedMessage =
  | { kind: 'ready'; handler: EventHandler; event: TypedEventEnvelope<string, never>; message: RawMessage }
  | Extract<ApplyOutcome, { kind: 'ignored' | 'invalid' }>;

/**
 * Validates a raw message against the contracts. A newer version of a handled event is accepted
 * as the handled version (versions only ever add optional fields; unknown fields are dropped).
 */
export function decodeMessage(handlers: readonly EventHandler[], message: RawMessage): DecodedMessage {
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
  return { kind: 'ready', handler, event: parsed.value as TypedEventEnvelope<string, never>, message };
}

/**
 * Applies a decoded event inside the caller's transaction, together with its inbox row. Returns
 * false when the inbox already had it: a redelivery, which changes nothing.
 */
export async function applyDecoded(
  manager: EntityManager,
  consumer: string,
  decoded: Extract<DecodedMessage, { kind: 'ready' }>,
): Promise<boolean> {
  const { event, message, handler } = decoded;
  const inserted: unknown[] = await manager.query(
    `INSERT INTO inbox (event_id, consumer, event_type, topic, kafka_partition, kafka_offset)
     VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING RETURNING 1`,
    [event.id, consumer, event.type, message.topic, message.partition, message.offset],
  );
  if (inserted.length === 0) return false;
  await handler.handle(manager, event, message);
  return true;
}

/** Decodes one message and, when a handler wants it, applies it in a transaction of its own. */
export async function applyMessage(
  dataSource: DataSource,
  consumer: string,
  handlers: readonly EventHandler[],
  message: RawMessage,
): Promise<ApplyOutcome> {
  const decoded = decodeMessage(handlers, message);
  if (decoded.kind !== 'ready') return decoded;
  const { id, type } = decoded.event;
  try {
    const applied = await dataSource.transaction((manager) => applyDecoded(manager, consumer, decoded));
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
