/**
 * Kafka topic names, one per aggregate family. Services and the messaging lib take topic names
 * from here, never from string literals. The `.v1` suffix versions the topic itself (partitioning,
 * retention); event schemas are versioned separately, per event.
 */
export const TOPICS = {
  registryHouseholds: 'registry.households.v1',
  registryOrganisations: 'registry.organisations.v1',
  ledgerPoints: 'ledger.points.v1',
  ledgerStock: 'ledger.stock.v1',
  marketProduce: 'market.produce.v1',
  marketOrders: 'market.orders.v1',
  dividendsDistributions: 'dividends.distributions.v1',
  dividendsPayouts: 'dividends.payouts.v1',
  platformTest: 'platform.test.v1',
} as const;

/** A topic name from {@link TOPICS}. */
export type TopicName = (typeof TOPICS)[keyof typeof TOPICS];

/** Every topic, e.g. for creating them on a fresh broker. */
export const TOPIC_NAMES: readonly TopicName[] = Object.values(TOPICS);
