import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { envInteger, envText, SettingError } from '@churn/config';
import type { AlertingAuthOptions } from './alerting-auth-options';

/**
 * The token settings of the alerting API, from the environment (keys never live in the
 * repository): `ALERTING_JWT_SECRET` (HS256), or `ALERTING_JWT_PUBLIC_KEY_FILE` (the identity
 * provider's RS256/ES256 key, PEM) with optionally `ALERTING_JWT_PRIVATE_KEY_FILE`;
 * `ALERTING_JWT_ISSUER`, `ALERTING_JWT_AUDIENCE`, `ALERTING_JWT_TTL_SECONDS`.
 *
 * `demo`: with no key configured, a random secret is made for this process alone, so the demo's
 * logins work and no token outlives a restart. Without `demo`, no key stops start-up.
 */
export const alertingAuthOptionsFromEnv = (
  env: NodeJS.ProcessEnv,
  { demo = false }: { readonly demo?: boolean } = {},
): AlertingAuthOptions => {
  const secret = envText(env, 'ALERTING_JWT_SECRET', '');
  const publicKeyPem = pemFrom(env, 'ALERTING_JWT_PUBLIC_KEY_FILE');
  const privateKeyPem = pemFrom(env, 'ALERTING_JWT_PRIVATE_KEY_FILE');
  const common = {
    issuer: envText(env, 'ALERTING_JWT_ISSUER', 'churn-early-warning'),
    audience: envText(env, 'ALERTING_JWT_AUDIENCE', 'alerting-api'),
    tokenTtlSeconds: envInteger(env, 'ALERTING_JWT_TTL_SECONDS', 8 * 3_600, {
      min: 60,
      max: 86_400,
    }),
  };
  if (secret !== '' && publicKeyPem !== undefined)
    throw new SettingError('set ALERTING_JWT_SECRET or ALERTING_JWT_PUBLIC_KEY_FILE, not both');
  if (secret !== '') return { ...common, secret };
  if (publicKeyPem !== undefined)
    return { ...common, publicKeyPem, ...(privateKeyPem === undefined ? {} : { privateKeyPem }) };
  if (demo) return { ...common, secret: randomBytes(32).toString('base64url') };
  throw new SettingError(
    'the alerting API needs ALERTING_JWT_SECRET (HS256) or ALERTING_JWT_PUBLIC_KEY_FILE (RS256/ES256 PEM)',
  );
};

const pemFrom = (env: NodeJS.ProcessEnv, name: string): string | undefined => {
  const path = envText(env, name, '');
  if (path === '') return undefined;
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    throw new SettingError(
      `${name} must name a readable PEM file, got "${path}": ${(error as Error).message}`,
    );
  }
};
