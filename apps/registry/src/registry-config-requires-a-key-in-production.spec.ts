import { randomBytes } from 'node:crypto';
import { registryConfigSchema } from './registry-config';

const base = { DATABASE_URL: 'postgres://u:p@localhost:5432/registry' };

describe('registry configuration', () => {
  it('runs without an encryption key in development and tests', () => {
    expect(registryConfigSchema.parse({ ...base, NODE_ENV: 'test' }).REGISTRY_ENCRYPTION_KEY).toBeUndefined();
    expect(
      registryConfigSchema.parse({ ...base, NODE_ENV: 'development', REGISTRY_ENCRYPTION_KEY: '' })
        .REGISTRY_ENCRYPTION_KEY,
    ).toBeUndefined();
  });

  it('requires a 32-byte base64 key in production', () => {
    const missing = registryConfigSchema.safeParse({ ...base, NODE_ENV: 'production' });
    expect(missing.success).toBe(false);
    expect(missing.error?.issues[0]).toMatchObject({ path: ['REGISTRY_ENCRYPTION_KEY'] });
    expect(
      registryConfigSchema.safeParse({ ...base, NODE_ENV: 'production', REGISTRY_ENCRYPTION_KEY: 'short' })
        .success,
    ).toBe(false);
    const key = randomBytes(32).toString('base64');
    expect(
      registryConfigSchema.parse({ ...base, NODE_ENV: 'production', REGISTRY_ENCRYPTION_KEY: key })
        .REGISTRY_ENCRYPTION_KEY,
    ).toBe(key);
  });

  it('defaults to 15-minute access tokens and 2-minute kiosk sessions', () => {
    expect(registryConfigSchema.parse(base)).toMatchObject({
      ACCESS_TOKEN_TTL_SECONDS: 900,
      KIOSK_SESSION_TTL_SECONDS: 120,
      PORT: 3001,
    });
  });
});
