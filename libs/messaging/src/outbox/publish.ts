import type { CreateEventInput, EventDescriptor, TypedEventEnvelope } from '@fupin/contracts';
import { EntityManager } from 'typeorm';
import { z } from 'zod';

/**
 * Appends an event to the outbox inside the caller's transaction: the state change and the
 * event announcing it commit together or not at all. The relay publishes it to the event's
 * topic, keyed by its aggregate id, so one aggregate's events stay in order.
 *
 * The envelope is built and validated against its contract before it is written; a producer can
 * never put an event on the wire that its consumers would reject. Pass `id` to make a retried
 * command produce the same event (the outbox refuses a second row with the same id).
 *
 * @example
 * await dataSource.transaction(async (manager) => {
 *   await manager.save(household);
 *   await publish(manager, householdRegisteredV1, { aggregateId: household.id, payload });
 * });
 */
export async function publish<TType extends string, TVersion extends number, S extends z.ZodObject>(
  manager: EntityManager,
  descriptor: EventDescriptor<TType, TVersion, S>,
  event: CreateEventInput<z.input<S>>,
): Promise<TypedEventEnvelope<TType, S>> {
  if (!manager.queryRunner?.isTransactionActive) {
    throw new Error(`publish(${descriptor.type}) must run inside the transaction that makes the change`);
  }
  const envelope = descriptor.create(event);
  await manager.query(
    `INSERT INTO outbox (event_id, topic, message_key, event_type, envelope) VALUES ($1, $2, $3, $4, $5)`,
    [envelope.id, descriptor.topic, envelope.aggregateId, envelope.type, JSON.stringify(envelope)],
  );
  return envelope;
}
