import { dividendsConfigSchema as schema } from './dividends.service';

const BASE = { DATABASE_URL: 'postgres://u:p@127.0.0.1:5432/dividends' };
const dividendsConfigSchema = {
  parse: (env: Record<string, string>) => schema.parse({ ...BASE, ...env }),
  safeParse: (env: Record<string, string>) => schema.safeParse({ ...BASE, ...env }),
};

describe('the length of a notice day', () => {
  it('is a real day unless configured, and only outside production can it be shorter', () => {
    expect(dividendsConfigSchema.parse({}).DIVIDENDS_NOTICE_DAY_SECONDS).toBe(86_400);
    expect(
      dividendsConfigSchema.parse({ NODE_ENV: 'test', DIVIDENDS_NOTICE_DAY_SECONDS: '1' })
        .DIVIDENDS_NOTICE_DAY_SECONDS,
    ).toBe(1);
    const production = dividendsConfigSchema.safeParse({
      NODE_ENV: 'production',
      DIVIDENDS_NOTICE_DAY_SECONDS: '60',
    });
    expect(production.success).toBe(false);
    expect(JSON.stringify(production.error?.issues)).toContain('must be 86400 in production');
    expect(dividendsConfigSchema.safeParse({ DIVIDENDS_NOTICE_DAY_SECONDS: '0' }).success).toBe(false);
    expect(dividendsConfigSchema.safeParse({ DIVIDENDS_NOTICE_DAY_SECONDS: '86401' }).success).toBe(false);
  });
});
