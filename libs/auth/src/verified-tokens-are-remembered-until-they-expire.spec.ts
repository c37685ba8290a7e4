import type { PrincipalScope } from '@fupin/contracts';
import type { VerificationKeyProvider } from './auth.options';
import { createTestTokenIssuer, type TestTokenIssuer } from './testing';
import { TokenRejectedError, TokenVerifier } from './token-verifier';

const village: PrincipalScope = { kind: 'region', code: '411322100201' };

describe('the token verifier remembers tokens it has verified', () => {
  let issuer: TestTokenIssuer;
  let keyLookups: number;
  let counting: VerificationKeyProvider;

  beforeAll(async () => {
    issuer = await createTestTokenIssuer();
  });
  beforeEach(() => {
    keyLookups = 0;
    counting = async (header) => {
      keyLookups++;
      return issuer.keyProvider(header);
    };
  });

  const verifier = (options: { cacheMs?: number; tolerance?: number } = {}) =>
    new TokenVerifier({
      keyProvider: counting,
      issuer: issuer.issuer,
      audience: issuer.audience,
      verifiedTokenCacheMs: options.cacheMs,
      clockToleranceSeconds: options.tolerance,
    });

  it('checks the signature of a repeated token once, and each caller gets its own copy', async () => {
    const v = verifier();
    const token = await issuer.mint({ sub: 'u-7', role: 'village_admin', scope: village });
    const first = await v.verify(token);
    (first.scope as { code: string }).code = '999999';
    first.role = 'county_admin';
    const second = await v.verify(token);
    expect(keyLookups).toBe(1);
    expect(second).toMatchObject({ id: 'u-7', role: 'village_admin', scope: village });
  });

  it('still refuses a remembered token once it has expired', async () => {
    const v = verifier({ tolerance: 0 });
    const token = await issuer.mint({ role: 'village_admin', scope: village, expiresInSeconds: 1 });
    await expect(v.verify(token)).resolves.toMatchObject({ role: 'village_admin' });
    await new Promise((r) => setTimeout(r, 2_100));
    await expect(v.verify(token)).rejects.toMatchObject({ reason: 'expired' });
    await expect(v.verify(token)).rejects.toBeInstanceOf(TokenRejectedError);
  });

  it('forgets a token after the cache time and checks it again', async () => {
    const v = verifier({ cacheMs: 50 });
    const token = await issuer.mint({ role: 'village_admin', scope: village });
    await v.verify(token);
    await new Promise((r) => setTimeout(r, 80));
    await v.verify(token);
    expect(keyLookups).toBe(2);
  });

  it('checks every time when the cache is turned off, and never remembers a refused token', async () => {
    const off = verifier({ cacheMs: 0 });
    const token = await issuer.mint({ role: 'village_admin', scope: village });
    await off.verify(token);
    await off.verify(token);
    expect(keyLookups).toBe(2);

    const v = verifier();
    const [header, , signature] = token.split('.');
    const forged = `${header}.${Buffer.from(JSON.stringify({ role: 'county_admin' })).toString('base64url')}.${signature}`;
    await expect(v.verify(forged)).rejects.toBeInstanceOf(TokenRejectedError);
    await expect(v.verify(forged)).rejects.toBeInstanceOf(TokenRejectedError);
  });
});
