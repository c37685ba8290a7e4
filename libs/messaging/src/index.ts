/**
 * Outbox, relay, inbox and consumer runner over kafkajs — filled by the Kafka issue. kafkajs is
 * imported here and nowhere else, so the client stays replaceable.
 */
export {};
