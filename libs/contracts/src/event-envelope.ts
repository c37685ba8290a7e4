import { z } from 'zod';

import { ContractValidationError, type ContractResult } from './contract-validation-error';

/**
 * Event types are dotted lower-case names, `<service>.<aggregate>.<happened>`, e.g.
 * `registry.household.registered`; later segments may be camelCase.
 */
const EVENT_TYPE_PATTERN = /^[a-z][a-z0-9]*(\.[a-z][a-zA-Z0-9]*)+$/;

/**
 * The envelope every event travels in, whatever its payload. Consumers parse this first, then
 * dispatch on `type` and `version` to the event's own descriptor. Unknown envelope fields are
 * stripped so that producers may add metadata without breaking older consumers.
 */
export const eventEnvelopeSchema = z.object({
  /** Unique per event; consumers record it in their inbox to ignore redeliveries. */
  id: z.uuid(),
  type: z.string().regex(EVENT_TYPE_PATTERN, 'Event type must look like registry.household.registered'),
  version: z.int().positive(),
  aggregateType: z.string().min(1),
  /** Also the Kafka message key, so one aggregate's events stay in order on one partition. */
  aggregateId: z.string().min(1),
  /** ISO 8601 with `Z` or an offset. */
  occurredAt: z.iso.datetime({ offset: true }),
  payload: z.record(z.string(), z.unknown()),
});

/** An event as it travels: envelope fields plus a typed payload. */
export interface EventEnvelope<P = Record<string, unknown>, TType extends string = string> {
  readonly id: string;
  readonly type: TType;
  readonly version: number;
  readonly aggregateType: string;
  readonly aggregateId: string;
  readonly occurredAt: string;
  readonly payload: P;
}

/**
 * Validates any envelope without looking into the payload: the first step of a consumer.
 * @returns the envelope, or a {@link ContractValidationError} with a readable message.
 */
export function parseEventEnvelope(raw: unknown): ContractResult<EventEnvelope> {
  const result = eventEnvelopeSchema.safeParse(raw);
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, error: ContractValidationError.fromZod('event envelope', result.error) };
}
