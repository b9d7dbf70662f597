import { createPublicKey } from 'node:crypto';

/**
 * How the alerting API checks staff tokens (issue 5 §5). Keys come from configuration, never
 * from the repository: an HS256 `secret`, or the issuer's RS256/ES256 `publicKeyPem` (the bank's
 * identity provider signs, we only verify). `privateKeyPem` lets this process issue tokens with
 * the asymmetric key too (demo logins); with a public key alone it can only verify.
 */
export interface AlertingAuthOptions {
  readonly secret?: string;
  readonly publicKeyPem?: string;
  readonly privateKeyPem?: string;
  readonly issuer: string;
  readonly audience: string;
  readonly tokenTtlSeconds: number;
}

export const ALERTING_AUTH_OPTIONS = Symbol('ALERTING_AUTH_OPTIONS');

export type TokenAlgorithm = 'HS256' | 'RS256' | 'ES256' | 'ES384';

/** The options, checked, with the one algorithm tokens must use (no algorithm confusion). */
export interface TokenKeys {
  readonly algorithm: TokenAlgorithm;
  readonly verifyKey: string;
  /** Null when this process can verify but not sign. */
  readonly signKey: string | null;
  readonly issuer: string;
  readonly audience: string;
  readonly ttlSeconds: number;
}

export class AlertingAuthConfigError extends Error {
  override readonly name = 'AlertingAuthConfigError';
}

/** RFC 7518 §3.2: an HS256 key is at least as long as the hash (256 bits). */
const MIN_SECRET_BYTES = 32;

const ALGORITHM_BY_CURVE: Readonly<Record<string, TokenAlgorithm>> = {
  prime256v1: 'ES256',
  secp384r1: 'ES384',
};

const asymmetricAlgorithm = (pem: string): TokenAlgorithm => {
  let key;
  try {
    key = createPublicKey(pem);
  } catch (error) {
    throw new AlertingAuthConfigError(
      `the token public key is not a PEM public key: ${(error as Error).message}`,
    );
  }
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  const curve = key.asymmetricKeyDetails?.namedCurve ?? '';
  const algorithm = key.asymmetricKeyType === 'ec' ? ALGORITHM_BY_CURVE[curve] : undefined;
  if (algorithm === undefined)
    throw new AlertingAuthConfigError(
      `the token public key must be RSA or EC P-256/P-384, got ${key.asymmetricKeyType} ${curve}`.trim(),
    );
  return algorithm;
};

/** Refuses to start without exactly one verification key, or with a weak secret. */
export const tokenKeysOf = (options: AlertingAuthOptions): TokenKeys => {
  const { secret, publicKeyPem, privateKeyPem, issuer, audience, tokenTtlSeconds } = options;
  if (!secret && !publicKeyPem)
    throw new AlertingAuthConfigError(
      'the alerting API needs a token key: an HS256 secret or an RS256/ES256 public key',
    );
  if (secret && publicKeyPem)
    throw new AlertingAuthConfigError(
      'give the alerting API either a token secret or a public key, not both',
    );
  if (!issuer || !audience)
    throw new AlertingAuthConfigError('the alerting API needs the token issuer and audience');
  if (!Number.isInteger(tokenTtlSeconds) || tokenTtlSeconds < 1)
    throw new AlertingAuthConfigError(
      `the token lifetime must be a positive whole number of seconds, got ${tokenTtlSeconds}`,
    );
  const common = { issuer, audience, ttlSeconds: tokenTtlSeconds };
  if (secret) {
    if (Buffer.byteLength(secret, 'utf8') < MIN_SECRET_BYTES)
      throw new AlertingAuthConfigError(
        `the token secret must be at least ${MIN_SECRET_BYTES} bytes long`,
      );
    return { ...common, algorithm: 'HS256', verifyKey: secret, signKey: secret };
  }
  const pem = publicKeyPem as string;
  return {
    ...common,
    algorithm: asymmetricAlgorithm(pem),
    verifyKey: pem,
    signKey: privateKeyPem ?? null,
  };
};
