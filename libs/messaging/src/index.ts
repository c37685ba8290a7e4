/**
 * Transactional outbox, relay, inbox and consumer runner over Kafka. kafkajs is imported here
 * and nowhere else in the workspace, so the client stays replaceable.
 */
export * from './outbox/publish';
export * from './schema/messaging-tables';
