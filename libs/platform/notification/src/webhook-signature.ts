// Webhook signatures, Stripe-style: HMAC-SHA256 over "<timestamp>.<body>" with a secret shared
// with the receiver. Signing the timestamp too lets a receiver refuse replays of an old request.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const WebhookHeaders = {
  idempotencyKey: 'Idempotency-Key',
  timestamp: 'X-Churn-Timestamp',
  signature: 'X-Churn-Signature',
} as const;

const SCHEME = 'sha256=';

/** The `X-Churn-Signature` value: `sha256=<hex HMAC-SHA256 of "<timestamp>.<body>">`. */
export function signWebhookBody(secret: string, timestamp: number | string, body: string): string {
  return `${SCHEME}${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

/**
 * For receivers: true when `signatureHeader` signs exactly this timestamp and body with `secret`,
 * and the timestamp is within `toleranceSeconds` of `nowSeconds` (either way: clocks drift).
 * `body` must be the raw bytes as received, not re-serialised JSON.
 */
export function verifyWebhookSignature(
  secret: string,
  timestamp: string | number,
  body: string,
  signatureHeader: string | null | undefined,
  nowSeconds: number,
  toleranceSeconds: number,
): boolean {
  const stamp = String(timestamp);
  if (!/^\d{1,12}$/.test(stamp) || typeof signatureHeader !== 'string') return false;
  if (Math.abs(nowSeconds - Number(stamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhookBody(secret, stamp, body));
  const given = Buffer.from(signatureHeader.trim());
  // The length is not secret (always 71); the content is compared in constant time.
  return given.length === expected.length && timingSafeEqual(given, expected);
}
