import { createPrivateKey, createPublicKey, createSecretKey } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';
import type { Clock } from '../ports/alerting-ports';
import type { TokenKeys } from './alerting-auth-options';

export const TOKEN_KEYS = Symbol('TOKEN_KEYS');

export interface IssuedStaffToken {
  readonly accessToken: string;
  readonly tokenType: 'Bearer';
  readonly expiresIn: number;
  readonly expiresAt: string;
}

/** Why a token was refused, in words the caller can act on (the guard answers 401 with it). */
export class StaffTokenRejected extends Error {
  override readonly name = 'StaffTokenRejected';
}

/**
 * The clock tokens are issued and checked by: the engine's CLOCK unless the API module is given
 * its own (the demo runs SLA time faster than real time; token lifetimes stay real).
 */
export const TOKEN_CLOCK = Symbol('TOKEN_CLOCK');

/**
 * Signs and checks staff tokens. The token names the staff member (`sub`) and nothing else that
 * matters: role, team and branch are read from the staff directory on every request, so a
 * promotion or a move takes effect without reissuing tokens. Time is the injected clock's, for
 * both `iat`/`exp` and the expiry check, so tests move time instead of sleeping.
 */
@Injectable()
export class StaffTokens {
  private readonly jwt: JwtService;

  constructor(
    @Inject(TOKEN_KEYS) private readonly keys: TokenKeys,
    @Inject(TOKEN_CLOCK) private readonly clock: Clock,
  ) {
    // Key objects made once: given a string, jsonwebtoken first tries it as a PEM public key on
    // every verify, and that failed parse (a thrown error) cost half a millisecond per request.
    this.jwt =
      keys.algorithm === 'HS256'
        ? new JwtService({ secret: createSecretKey(Buffer.from(keys.verifyKey, 'utf8')) })
        : new JwtService({
            publicKey: createPublicKey(keys.verifyKey),
            privateKey: keys.signKey === null ? undefined : createPrivateKey(keys.signKey),
          });
  }

  get canIssue(): boolean {
    return this.keys.signKey !== null;
  }

  async issueStaffToken(staffId: string): Promise<IssuedStaffToken> {
    if (!this.canIssue)
      throw new Error('this process verifies staff tokens but holds no key to sign them');
    const iat = Math.floor(this.clock.now().getTime() / 1000);
    const { algorithm, issuer, audience, ttlSeconds } = this.keys;
    const accessToken = await this.jwt.signAsync(
      { sub: staffId, iat },
      { algorithm, issuer, audience, expiresIn: ttlSeconds },
    );
    return {
      accessToken,
      tokenType: 'Bearer',
      expiresIn: ttlSeconds,
      expiresAt: new Date((iat + ttlSeconds) * 1000).toISOString(),
    };
  }

  /** The staff id the token was issued to; throws `StaffTokenRejected` saying why not. */
  async verify(token: string): Promise<string> {
    let claims: { sub?: unknown };
    try {
      claims = await this.jwt.verifyAsync<{ sub?: unknown }>(token, {
        algorithms: [this.keys.algorithm],
        issuer: this.keys.issuer,
        audience: this.keys.audience,
        clockTimestamp: Math.floor(this.clock.now().getTime() / 1000),
      });
    } catch (error) {
      throw new StaffTokenRejected(rejectionOf(error));
    }
    if (typeof claims.sub !== 'string' || claims.sub === '')
      throw new StaffTokenRejected('the bearer token names no staff member (claim sub)');
    return claims.sub;
  }
}

const rejectionOf = (error: unknown): string => {
  const { name, message, expiredAt } = error as {
    name?: string;
    message?: string;
    expiredAt?: Date;
  };
  if (name === 'TokenExpiredError' && expiredAt instanceof Date)
    return `the bearer token expired at ${expiredAt.toISOString()}`;
  return `the bearer token is not valid: ${message ?? String(error)}`;
};
