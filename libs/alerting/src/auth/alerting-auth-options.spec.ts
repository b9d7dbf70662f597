import { generateKeyPairSync } from 'node:crypto';
import {
  AlertingAuthConfigError,
  tokenKeysOf,
  type AlertingAuthOptions,
} from './alerting-auth-options';

const base = { issuer: 'churn-bank', audience: 'alerting', tokenTtlSeconds: 3600 };
const SECRET = 'a-test-secret-that-is-long-enough-0123456789';
const pem = (type: 'rsa' | 'ec', namedCurve?: string): string => {
  const { publicKey } =
    type === 'rsa'
      ? generateKeyPairSync('rsa', { modulusLength: 2048 })
      : generateKeyPairSync('ec', { namedCurve: namedCurve ?? 'prime256v1' });
  return publicKey.export({ type: 'spki', format: 'pem' }).toString();
};

describe('the token keys of the alerting API', () => {
  it.each<[string, Partial<AlertingAuthOptions>, RegExp]>([
    ['neither a secret nor a public key', {}, /needs a token key/],
    ['both a secret and a public key', { secret: SECRET, publicKeyPem: pem('rsa') }, /not both/],
    ['a secret shorter than 32 bytes', { secret: 'short' }, /at least 32 bytes/],
    ['a public key that is no PEM', { publicKeyPem: 'not a key' }, /not a PEM public key/],
    [
      'an EC key on an unsupported curve',
      { publicKeyPem: pem('ec', 'secp256k1') },
      /RSA or EC P-256/,
    ],
    ['a lifetime of zero seconds', { secret: SECRET, tokenTtlSeconds: 0 }, /positive whole number/],
    ['no audience', { secret: SECRET, audience: '' }, /issuer and audience/],
  ])('refuse to start with %s', (_situation, options, message) => {
    expect(() => tokenKeysOf({ ...base, ...options })).toThrow(AlertingAuthConfigError);
    expect(() => tokenKeysOf({ ...base, ...options })).toThrow(message);
  });

  it.each<[string, Partial<AlertingAuthOptions>, string, boolean]>([
    ['a secret', { secret: SECRET }, 'HS256', true],
    ['an RSA public key', { publicKeyPem: pem('rsa') }, 'RS256', false],
    ['a P-256 public key', { publicKeyPem: pem('ec', 'prime256v1') }, 'ES256', false],
  ])('verify with one algorithm fixed by %s', (_key, options, algorithm, canSign) => {
    const keys = tokenKeysOf({ ...base, ...options });
    expect(keys.algorithm).toBe(algorithm);
    expect(keys.signKey !== null).toBe(canSign);
  });
});
