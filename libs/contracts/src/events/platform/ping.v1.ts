import { z } from 'zod';

import { defineEvent, type EventOf, type PayloadOf } from '../../define-event';
import { TOPICS } from '../../topics';

/**
 * `platform.ping` v1: a harmless event for proving the outbox → Kafka → inbox path end to end
 * (messaging integration tests, smoke checks after a deploy).
 */
export const platformPingV1 = defineEvent({
  type: 'platform.ping',
  version: 1,
  aggregateType: 'platform',
  topic: TOPICS.platformTest,
  payload: z.object({
    message: z.string(),
    /** Position in a test run, so a consumer can check order and gaps. */
    sequence: z.int().min(0),
    /** The one service that should record it (e.g. 'ledger'); absent: every service does. */
    target: z.string().min(1).max(40).optional(),
  }),
});

/** A `platform.ping` v1 envelope. */
export type PlatformPingV1 = EventOf<typeof platformPingV1>;

/** The payload of `platform.ping` v1. */
export type PlatformPingV1Payload = PayloadOf<typeof platformPingV1>;
