import { z } from 'zod';
import { baseConfigSchema, ConfigError, loadConfig } from './service-config';

const schema = baseConfigSchema.extend({ PORT: z.coerce.number().int().min(0).max(65535).default(3001) });

describe('service configuration', () => {
  it('fills defaults and converts types from the environment', () => {
    const config = loadConfig('registry', schema, { DATABASE_URL: 'postgres://u:p@db:5432/registry' });
    expect(config).toMatchObject({ PORT: 3001, HOST: '127.0.0.1', RUN_MIGRATIONS: true, LOG_LEVEL: 'info' });
  });

  it('reads booleans as the words true and false only', () => {
    const base = { DATABASE_URL: 'postgres://u:p@db:5432/registry' };
    expect(loadConfig('registry', schema, { ...base, RUN_MIGRATIONS: 'false' }).RUN_MIGRATIONS).toBe(false);
    expect(() => loadConfig('registry', schema, { ...base, RUN_MIGRATIONS: 'no' })).toThrow(/RUN_MIGRATIONS/);
  });

  it('names every bad variable in one line', () => {
    let error: unknown;
    try {
      loadConfig('ledger', schema, { PORT: '70000', LOG_LEVEL: 'loud' });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const message = (error as Error).message;
    expect(message).toMatch(/^invalid configuration for ledger: /);
    expect(message).toMatch(/PORT/);
    expect(message).toMatch(/DATABASE_URL is required/);
    expect(message).toMatch(/LOG_LEVEL/);
    expect(message).not.toContain('\n');
  });

  it('rejects a database URL that is not PostgreSQL', () => {
    expect(() => loadConfig('market', schema, { DATABASE_URL: 'mysql://u:p@db/market' })).toThrow(
      /DATABASE_URL must look like postgres:\/\//,
    );
  });
});
