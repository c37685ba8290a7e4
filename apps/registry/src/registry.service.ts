import { baseConfigSchema, ServiceDefinition } from '@fupin/service-kit';
import { z } from 'zod';
import { migrations } from './migrations';

/** Configuration of the registry service, validated at start-up. */
export const registryConfigSchema = baseConfigSchema.extend({
  PORT: z.coerce.number().int().min(0).max(65535).default(3001),
});

/** The registry service: Regions, households (建档立卡, 户分三类), organisations, users, roles and login. */
export const registryService: ServiceDefinition<typeof registryConfigSchema> = {
  name: 'registry',
  title: '登记服务 Registry',
  description: 'Regions, households (建档立卡, 户分三类), organisations, users, roles and login.',
  configSchema: registryConfigSchema,
  entities: [],
  migrations,
  modules: () => [],
};
