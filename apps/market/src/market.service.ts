import { baseConfigSchema, ServiceDefinition } from '@fupin/service-kit';
import { z } from 'zod';
import { migrations } from './migrations';

/** Configuration of the market service, validated at start-up. */
export const marketConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3003),
});

/** The market service: Produce purchasing (消费扶贫): procurement, lots and trace codes, catalogue, orders, allowances and card payments. */
export const marketService: ServiceDefinition<typeof marketConfigSchema> = {
  name: 'market',
  title: '扶贫超市 Market',
  description: 'Produce purchasing (消费扶贫): procurement, lots and trace codes, catalogue, orders, allowances and card payments.',
  configSchema: marketConfigSchema,
  entities: [],
  migrations,
  modules: () => [],
};
