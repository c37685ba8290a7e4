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

type Ready = Extract<DecodedMessage, { kind: 'ready' }>;

/**
 * Applies several decoded events in the caller's transaction: one statement writes all their inbox
 * rows, then each handler sees only the events that were new (runs of the same handler go to its
 * `handleMany` when it has one). Returns, per event, whether it was applied (false: a redelivery).
 */
export async function applyDecodedMany(
  manager: EntityManager,
  consumer: string,
  items: readonly Ready[],
): Promise<boolean[]> {
  if (items.length === 0) return [];
  const fresh: Array<{ event_id: string }> = await manager.query(
    `INSERT INTO inbox (event_id, consumer, event_type, topic, kafka_partition, kafka_offset)
     SELECT e, $1, t, tp, p, o FROM unnest($2::uuid[], $3::text[], $4::text[], $5::int[], $6::bigint[]) AS x(e, t, tp, p, o)
     ON CONFLICT DO NOTHING RETURNING event_id`,
    [
      consumer,
      items.map((i) => i.event.id),
      items.map((i) => i.event.type),
      items.map((i) => i.message.topic),
      items.map((i) => i.message.partition),
      items.map((i) => i.message.offset),
    ],
  );
  const isFresh = new Set(fresh.map((r) => r.event_id));
  const applied = items.map((i) => isFresh.has(i.event.id));
  const todo = items.filter((_, index) => applied[index]);
  for (let start = 0; start < todo.length;) {
    const handler = todo[start].handler;
    let end = start + 1;
    while (end < todo.length && todo[end].handler === handler) end++;
    const run = todo.slice(start, end);
    if (handler.handleMany)
      await handler.handleMany(
        manager,
        run.map((i) => i.event),
      );
    else for (const item of run) await handler.handle(manager, item.event, item.message);
    start = end;
  }
  return applied;
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
