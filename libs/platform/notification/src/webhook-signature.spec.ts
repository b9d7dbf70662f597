// What a receiver does with our headers: accept the genuine request, refuse a tampered or
// replayed one.
import { signWebhookBody, verifyWebhookSignature } from './webhook-signature';

const SECRET = 'shared-with-the-push-gateway';
const NOW = 1_750_000_000;
const BODY = '{"notificationId":"ntf-1","alertId":"alert-1"}';
const SIGNATURE = signWebhookBody(SECRET, NOW, BODY);

describe('a receiver verifying a webhook', () => {
  it('accepts the body and timestamp as signed', () => {
    expect(verifyWebhookSignature(SECRET, String(NOW), BODY, SIGNATURE, NOW + 10, 300)).toBe(true);
  });

  it('signs "<timestamp>.<body>" with HMAC-SHA256 in hex', () => {
    // openssl: printf '%s' "1750000000.$BODY" | openssl dgst -sha256 -hmac "$SECRET"
    const { createHmac } = jest.requireActual<typeof import('node:crypto')>('node:crypto');
    const hex = createHmac('sha256', SECRET).update(`${NOW}.${BODY}`).digest('hex');
    expect(SIGNATURE).toBe(`sha256=${hex}`);
  });

  it.each([
    ['a tampered body', SECRET, String(NOW), BODY.replace('alert-1', 'alert-2'), SIGNATURE, NOW],
    ['another secret', 'guessed', String(NOW), BODY, SIGNATURE, NOW],
    ['a timestamp older than the tolerance', SECRET, String(NOW), BODY, SIGNATURE, NOW + 301],
    ['a timestamp too far in the future', SECRET, String(NOW), BODY, SIGNATURE, NOW - 301],
    ['a timestamp changed after signing', SECRET, String(NOW + 5), BODY, SIGNATURE, NOW],
    ['a malformed timestamp', SECRET, 'yesterday', BODY, SIGNATURE, NOW],
    ['no signature header', SECRET, String(NOW), BODY, undefined, NOW],
    ['a truncated signature', SECRET, String(NOW), BODY, SIGNATURE.slice(0, 20), NOW],
    [
      'the hex without the scheme',
      SECRET,
      String(NOW),
      BODY,
      SIGNATURE.slice('sha256='.length),
      NOW,
    ],
  ])('rejects %s', (_case, secret, timestamp, body, signature, now) => {
    expect(verifyWebhookSignature(secret, timestamp, body, signature, now, 300)).toBe(false);
  });
});
