import { baseConfigSchema, ServiceDefinition } from '@fupin/service-kit';
import { z } from 'zod';
import { migrations } from './migrations';

/** Configuration of the dividends service, validated at start-up. */
export const dividendsConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3004),
});

/** The dividends service: Dividends and fund flows (分红, 三级三账): entities, shareholdings, distribution plans, payouts and the fund-flow ledger. */
export const dividendsService: ServiceDefinition<typeof dividendsConfigSchema> = {
  name: 'dividends',
  title: '分红 Dividends',
  description: 'Dividends and fund flows (分红, 三级三账): entities, shareholdings, distribution plans, payouts and the fund-flow ledger.',
  configSchema: dividendsConfigSchema,
  entities: [],
  migrations,
  modules: () => [],
};
