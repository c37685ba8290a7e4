/**
 * Transactional outbox, relay, inbox and consumer runner over Kafka. kafkajs is imported here
 * and nowhere else in the workspace, so the client stays replaceable.
 */
export * from './dead-letters/dead-letter.service';
export * from './inbox/apply-message';
export * from './inbox/event-consumer';
export * from './inbox/event-handler';
export * from './kafka/kafka-client';
export * from './metrics/messaging-metrics';
export * from './outbox/publish';
export * from './relay/outbox-relay';
export * from './schema/messaging-tables';
export * from './runtime/messaging-runtime';
