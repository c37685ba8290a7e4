import { z } from 'zod';

import { ContractValidationError, type ContractResult } from './contract-validation-error';
import { eventEnvelopeSchema, type EventEnvelope } from './event-envelope';
import type { TopicName } from './topics';

/** What an event file declares about its event. */
export interface EventDefinition<TType extends string, TVersion extends number, S extends z.ZodObject> {
  /** e.g. `registry.household.registered` */
  readonly type: TType;
  /** Positive integer; a new version may only add optional payload fields. */
  readonly version: TVersion;
  /** e.g. `household`; the envelope's `aggregateId` names one of these. */
  readonly aggregateType: string;
  /** Where the event is published; keyed by aggregate id. */
  readonly topic: TopicName;
  /** A `z.object` (not `z.strictObject`): consumers must tolerate fields they do not know. */
  readonly payload: S;
}

/** Fields the producer supplies when creating an event; the rest come from the descriptor. */
export interface CreateEventInput<P> {
  readonly aggregateId: string;
  readonly payload: P;
  /** Defaults to a fresh random UUID. Pass one to make a retried command produce the same event. */
  readonly id?: string;
  /** Defaults to now. */
  readonly occurredAt?: Date | string;
}

/** An event's envelope with its payload as the payload schema outputs it. */
export type TypedEventEnvelope<TType extends string, S extends z.ZodObject> = EventEnvelope<
  z.output<S>,
  TType
>;

/** Everything a producer or consumer needs to know about one event type at one version. */
export interface EventDescriptor<TType extends string, TVersion extends number, S extends z.ZodObject> {
  readonly type: TType;
  readonly version: TVersion;
  readonly aggregateType: string;
  readonly topic: TopicName;
  readonly payloadSchema: S;
  /** The whole envelope with this event's type, version and payload; unknown payload fields are stripped. */
  readonly schema: z.ZodType<TypedEventEnvelope<TType, S>>;
  /** Validates untrusted input (a decoded Kafka message) as this event. */
  parse(raw: unknown): ContractResult<TypedEventEnvelope<TType, S>>;
  /** Like {@link EventDescriptor.parse} but throws {@link ContractValidationError}. */
  parseOrThrow(raw: unknown): TypedEventEnvelope<TType, S>;
  /** True when an already-parsed envelope is this event type and version (for dispatching). */
  matches(envelope: Pick<EventEnvelope, 'type' | 'version'>): boolean;
  /** Builds a valid envelope for publishing; throws {@link ContractValidationError} on a bad payload. */
  create(input: CreateEventInput<z.input<S>>): TypedEventEnvelope<TType, S>;
}

/** The typed envelope of a descriptor, e.g. `EventOf<typeof platformPingV1>`. */
export type EventOf<D> =
  D extends EventDescriptor<infer TType, number, infer S> ? TypedEventEnvelope<TType, S> : never;

/** The payload type of a descriptor. */
export type PayloadOf<D> = D extends EventDescriptor<string, number, infer S> ? z.output<S> : never;

function checkDefinition(definition: EventDefinition<string, number, z.ZodObject>): void {
  const envelope = eventEnvelopeSchema.pick({ type: true, version: true, aggregateType: true });
  const result = envelope.safeParse(definition);
  if (!result.success)
    throw ContractValidationError.fromZod(`event definition ${definition.type}`, result.error);
  // A strict payload would make every consumer reject events from a newer producer.
  if (definition.payload._zod.def.catchall?._zod.def.type === 'never') {
    throw new ContractValidationError(
      `Invalid event definition ${definition.type}: the payload must be z.object, not z.strictObject`,
      [{ path: 'payload', message: 'strict payload schemas break older consumers' }],
    );
  }
}

/**
 * Declares one event at one version. Call it once in
 * `libs/contracts/src/events/<service>/<event>.v<N>.ts` and export the result.
 * @example
 * export const householdRegisteredV1 = defineEvent({
 *   type: 'registry.household.registered', version: 1, aggregateType: 'household',
 *   topic: TOPICS.registryHouseholds, payload: z.object({ villageId: z.string() }),
 * });
 */
export function defineEvent<const TType extends string, const TVersion extends number, S extends z.ZodObject>(
  definition: EventDefinition<TType, TVersion, S>,
): EventDescriptor<TType, TVersion, S> {
  checkDefinition(definition);
  const { type, version, aggregateType, topic, payload } = definition;
  const subject = `${type} v${version} event`;
  const schema = eventEnvelopeSchema.extend({
    type: z.literal(type),
    version: z.literal(version),
    aggregateType: z.literal(aggregateType),
    payload,
  }) as unknown as z.ZodType<TypedEventEnvelope<TType, S>>;

  const parse = (raw: unknown): ContractResult<TypedEventEnvelope<TType, S>> => {
    const result = schema.safeParse(raw);
    return result.success
      ? { ok: true, value: result.data }
      : { ok: false, error: ContractValidationError.fromZod(subject, result.error) };
  };

  const parseOrThrow = (raw: unknown): TypedEventEnvelope<TType, S> => {
    const result = parse(raw);
    if (!result.ok) throw result.error;
    return result.value;
  };

  return {
    type,
    version,
    aggregateType,
    topic,
    payloadSchema: payload,
    schema,
    parse,
    parseOrThrow,
    matches: (envelope) => envelope.type === type && envelope.version === version,
    create: ({ aggregateId, payload: body, id, occurredAt }) =>
      parseOrThrow({
        id: id ?? globalThis.crypto.randomUUID(),
        type,
        version,
        aggregateType,
        aggregateId,
        occurredAt:
          occurredAt instanceof Date ? occurredAt.toISOString() : (occurredAt ?? new Date().toISOString()),
        payload: body,
      }),
  };
}
