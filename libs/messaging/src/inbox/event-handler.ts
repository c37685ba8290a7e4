import type { EventDescriptor, TypedEventEnvelope } from '@fupin/contracts';
import { EntityManager } from 'typeorm';
import { z } from 'zod';

/** Where a consumed event came from, for handlers that want to log or record it. */
export interface DeliveryContext {
  topic: string;
  partition: number;
  offset: string;
  /** 'kafka' for a live delivery, 'replay' when an operator replays a dead letter. */
  source: 'kafka' | 'replay';
}

/**
 * What a service does with one event type. `handle` runs inside the transaction that also
 * writes the inbox row, so its effect happens exactly once however often Kafka delivers.
 */
export interface EventHandler<TType extends string = string, S extends z.ZodObject = z.ZodObject> {
  event: EventDescriptor<TType, number, S>;
  handle(
    manager: EntityManager,
    event: TypedEventEnvelope<TType, S>,
    context: DeliveryContext,
  ): Promise<void>;
}

/** Declares a handler with the event's payload type inferred from its descriptor. */
export function onEvent<TType extends string, TVersion extends number, S extends z.ZodObject>(
  event: EventDescriptor<TType, TVersion, S>,
  handle: (
    manager: EntityManager,
    event: TypedEventEnvelope<TType, S>,
    context: DeliveryContext,
  ) => Promise<void>,
): EventHandler<TType, S> {
  return { event, handle };
}
