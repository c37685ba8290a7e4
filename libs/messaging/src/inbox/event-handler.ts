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

type Handle<TType extends string, S extends z.ZodObject> = (
  manager: EntityManager,
  event: TypedEventEnvelope<TType, S>,
  context: DeliveryContext,
) => Promise<void>;

type HandleMany<TType extends string, S extends z.ZodObject> = (
  manager: EntityManager,
  events: ReadonlyArray<TypedEventEnvelope<TType, S>>,
) => Promise<void>;

/**
 * What a service does with one event type. `handle` runs inside the transaction that also
 * writes the inbox row, so its effect happens exactly once however often Kafka delivers.
 */
export interface EventHandler<TType extends string = string, S extends z.ZodObject = z.ZodObject> {
  event: EventDescriptor<TType, number, S>;
  // Method syntax on purpose: handlers of specific events must fit a list of handlers of any event.
  handle(
    manager: EntityManager,
    event: TypedEventEnvelope<TType, S>,
    context: DeliveryContext,
  ): Promise<void>;
  /**
   * Optional: applies several events (in delivery order) at once, e.g. with one multi-row insert.
   * Used when a chunk of messages is applied together; must have the same effect as `handle` on each.
   */
  handleMany?(manager: EntityManager, events: ReadonlyArray<TypedEventEnvelope<TType, S>>): Promise<void>;
}

/** Declares a handler with the event's payload type inferred from its descriptor. */
export function onEvent<TType extends string, TVersion extends number, S extends z.ZodObject>(
  event: EventDescriptor<TType, TVersion, S>,
  handle: Handle<TType, S>,
  handleMany?: HandleMany<TType, S>,
): EventHandler<TType, S> {
  return { event, handle, handleMany };
}
