import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SettingError } from '@churn/config';
import { tokenKeysOf } from './alerting-auth-options';
import { alertingAuthOptionsFromEnv } from './auth-settings';

describe('the token settings from the environment', () => {
  it('take a secret, with the issuer, audience and lifetime defaults', () => {
    expect(alertingAuthOptionsFromEnv({ ALERTING_JWT_SECRET: 's'.repeat(32) })).toEqual({
      secret: 's'.repeat(32),
      issuer: 'churn-early-warning',
      audience: 'alerting-api',
      tokenTtlSeconds: 28_800,
    });
  });

  it('read the public key from a PEM file', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'jwt-')), 'public.pem');
    writeFileSync(file, '-----BEGIN PUBLIC KEY-----\n...');
    const options = alertingAuthOptionsFromEnv({ ALERTING_JWT_PUBLIC_KEY_FILE: file });
    expect(options.publicKeyPem).toContain('BEGIN PUBLIC KEY');
  });

  it.each([
    ['no key at all', {}, /needs ALERTING_JWT_SECRET/],
    [
      'a key file that is not there',
      { ALERTING_JWT_PUBLIC_KEY_FILE: '/nowhere.pem' },
      /ALERTING_JWT_PUBLIC_KEY_FILE must name a readable PEM file/,
    ],
    [
      'a lifetime of ten seconds',
      { ALERTING_JWT_SECRET: 's'.repeat(32), ALERTING_JWT_TTL_SECONDS: '10' },
      /ALERTING_JWT_TTL_SECONDS must be an integer from 60/,
    ],
  ])('stop start-up on %s', (_what, env, message) => {
    expect(() => alertingAuthOptionsFromEnv(env)).toThrow(SettingError);
    expect(() => alertingAuthOptionsFromEnv(env)).toThrow(message);
  });

  it('make a random secret for the demo alone, a new one per process', () => {
    const first = alertingAuthOptionsFromEnv({}, { demo: true });
    const second = alertingAuthOptionsFromEnv({}, { demo: true });
    expect(tokenKeysOf(first).algorithm).toBe('HS256');
    expect(first.secret).not.toBe(second.secret);
  });
});
