import { baseConfigSchema, ServiceDefinition } from '@fupin/service-kit';
import { z } from 'zod';
import { migrations } from './migrations';

/** Configuration of the ledger service, validated at start-up. */
export const ledgerConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3002),
});

/** The ledger service: Love-supermarket points (爱心积分): double-entry points ledger, award sheets, stores, stock and redemptions. */
export const ledgerService: ServiceDefinition<typeof ledgerConfigSchema> = {
  name: 'ledger',
  title: '积分账本 Ledger',
  description: 'Love-supermarket points (爱心积分): double-entry points ledger, award sheets, stores, stock and redemptions.',
  configSchema: ledgerConfigSchema,
  entities: [],
  migrations,
  modules: () => [],
};
