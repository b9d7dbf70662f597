import { generateKeyPairSync } from 'node:crypto';
import { JwtService } from '@nestjs/jwt';
import { tokenKeysOf } from './alerting-auth-options';
import { StaffTokenRejected, StaffTokens } from './staff-tokens';

const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const options = {
  secret: SECRET,
  issuer: 'churn-bank',
  audience: 'alerting',
  tokenTtlSeconds: 600,
};
const at = (iso: string) => ({ now: () => new Date(iso) });

describe('staff tokens signed with the configured secret', () => {
  const clock = { current: '2024-06-03T02:00:00.000Z' };
  const tokens = new StaffTokens(tokenKeysOf(options), { now: () => new Date(clock.current) });

  beforeEach(() => (clock.current = '2024-06-03T02:00:00.000Z'));

  it('name the staff member they were issued to, until they expire', async () => {
    const issued = await tokens.issueStaffToken('rm-1');
    expect(issued).toMatchObject({
      tokenType: 'Bearer',
      expiresIn: 600,
      expiresAt: '2024-06-03T02:10:00.000Z',
    });
    await expect(tokens.verify(issued.accessToken)).resolves.toBe('rm-1');
    clock.current = '2024-06-03T02:10:00.000Z';
    await expect(tokens.verify(issued.accessToken)).rejects.toThrow(
      new StaffTokenRejected('the bearer token expired at 2024-06-03T02:10:00.000Z'),
    );
  });

  it.each([
    ['another secret', { secret: 'another-secret-that-is-long-enough-012345' }],
    ['another audience', { audience: 'risk' }],
    ['another issuer', { issuer: 'somebody' }],
  ])('refuse a token signed for %s', async (_what, change) => {
    const other = new StaffTokens(tokenKeysOf({ ...options, ...change }), at(clock.current));
    const { accessToken } = await other.issueStaffToken('rm-1');
    await expect(tokens.verify(accessToken)).rejects.toThrow(/the bearer token is not valid/);
  });

  it('refuse an unsigned token (alg none) and one without a subject', async () => {
    const none = new JwtService({}).sign({ sub: 'rm-1' }, {
      algorithm: 'none',
      issuer: 'churn-bank',
      audience: 'alerting',
    } as never);
    await expect(tokens.verify(none)).rejects.toThrow(StaffTokenRejected);
    const anonymous = new JwtService({ secret: SECRET }).sign(
      { iat: Math.floor(Date.parse(clock.current) / 1000) },
      { issuer: 'churn-bank', audience: 'alerting', expiresIn: 60 },
    );
    await expect(tokens.verify(anonymous)).rejects.toThrow('names no staff member');
  });
});

describe('staff tokens from the bank identity provider (ES256 public key)', () => {
  const pair = generateKeyPairSync('ec', { namedCurve: 'prime256v1' });
  const publicKeyPem = pair.publicKey.export({ type: 'spki', format: 'pem' }) as string;
  const privateKeyPem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string;
  const base = { issuer: 'churn-bank', audience: 'alerting', tokenTtlSeconds: 600 };
  const now = at('2024-06-03T02:00:00.000Z');

  it('are verified with the public key alone, which cannot issue any', async () => {
    const provider = new StaffTokens(tokenKeysOf({ ...base, publicKeyPem, privateKeyPem }), now);
    const verifier = new StaffTokens(tokenKeysOf({ ...base, publicKeyPem }), now);
    const { accessToken } = await provider.issueStaffToken('sup-1');
    await expect(verifier.verify(accessToken)).resolves.toBe('sup-1');
    expect(verifier.canIssue).toBe(false);
    await expect(verifier.issueStaffToken('sup-1')).rejects.toThrow(/no key to sign/);
  });

  it('refuse an HS256 token signed with the public key as its secret (algorithm confusion)', async () => {
    const verifier = new StaffTokens(tokenKeysOf({ ...base, publicKeyPem }), now);
    const forged = new JwtService({ secret: publicKeyPem }).sign(
      { sub: 'head-1', iat: Math.floor(now.now().getTime() / 1000) },
      { issuer: 'churn-bank', audience: 'alerting', expiresIn: 60 },
    );
    await expect(verifier.verify(forged)).rejects.toThrow(StaffTokenRejected);
  });
});
