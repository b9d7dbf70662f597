// Webhooks against a real HTTP receiver started by the test. Backoff waits are recorded through
// the injected sleep instead of being slept.
import { WebhookSender, type WebhookSenderOptions } from './webhook-sender';
import { anOutboundNotification, startWebhookReceiver, type WebhookReceiver } from './testing';

const SECRET = 'test-shared-secret';

describe('a webhook receiver that answers', () => {
  let receiver: WebhookReceiver;
  let sleeps: number[];
  const senderFor = (options: Partial<WebhookSenderOptions> = {}): WebhookSender =>
    new WebhookSender({
      secret: SECRET,
      maxAttempts: 3,
      backoff: { initialMs: 200, maxMs: 1_000 },
      random: () => 0.5,
      sleep: async (ms) => void sleeps.push(ms),
      ...options,
    });
  const toReceiver = () => anOutboundNotification({ recipient: { webhookUrl: receiver.url } });

  beforeEach(async () => {
    sleeps = [];
    receiver = await startWebhookReceiver({ secret: SECRET });
  });
  afterEach(() => receiver.close());

  it('delivers a signed JSON POST carrying the idempotency key', async () => {
    const n = toReceiver();
    const result = await senderFor().send(n);

    expect(result).toEqual({
      outcome: 'delivered',
      detail: `webhook ${receiver.url} answered 200 OK on attempt 1`,
    });
    const [request] = receiver.requests;
    expect(request).toMatchObject({
      method: 'POST',
      signatureValid: true,
      headers: expect.objectContaining({
        'content-type': 'application/json',
        'idempotency-key': n.notificationId,
      }),
      body: {
        notificationId: n.notificationId,
        alertId: n.alertId,
        staffId: 'RM-007',
        severity: 'high',
        subject: n.subject,
        text: n.text,
        payload: n.payload,
      },
    });
    expect(request?.headers['x-churn-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(Number(request?.headers['x-churn-timestamp'])).toBeCloseTo(Date.now() / 1000, -1);
  });

  it('retries a 503 after a backoff and delivers with the same idempotency key', async () => {
    receiver.respondWith(503, 200);
    const result = await senderFor().send(toReceiver());

    expect(result).toMatchObject({
      outcome: 'delivered',
      detail: expect.stringContaining('on attempt 2'),
    });
    expect(receiver.requests.map((r) => r.status)).toEqual([503, 200]);
    expect(new Set(receiver.requests.map((r) => r.headers['idempotency-key']))).toEqual(
      new Set(['ntf-alert-42-raised']),
    );
    expect(receiver.requests.every((r) => r.signatureValid)).toBe(true);
    expect(sleeps).toEqual([150]); // 200 ms step: half for sure, half × random 0.5
  });

  it('backs off exponentially and gives up after the last attempt, saying what the receiver answered', async () => {
    receiver.respondWith(500, 429, 503, 503);
    const result = await senderFor({ maxAttempts: 4 }).send(toReceiver());

    expect(result).toEqual({
      outcome: 'failed',
      failure: `webhook ${receiver.url} answered 503 Service Unavailable after 4 attempts`,
    });
    expect(receiver.requests).toHaveLength(4);
    expect(sleeps).toEqual([150, 300, 600]);
  });

  it("honours a 429's Retry-After up to its own longest wait", async () => {
    receiver.respondWith({ status: 429, headers: { 'Retry-After': '30' } }, 200);
    await senderFor().send(toReceiver());

    expect(sleeps).toEqual([1_000]);
  });

  it('does not retry a 400: the request itself is wrong', async () => {
    receiver.respondWith(400, 200);
    const result = await senderFor().send(toReceiver());

    expect(result).toEqual({
      outcome: 'failed',
      failure: `webhook ${receiver.url} answered 400 Bad Request on attempt 1; not retried`,
    });
    expect(receiver.requests).toHaveLength(1);
    expect(sleeps).toEqual([]);
  });

  it('gives up on a receiver slower than the per-attempt timeout', async () => {
    receiver.respondWith({ status: 200, delayMs: 2_000 }, { status: 200, delayMs: 2_000 });
    const result = await senderFor({ maxAttempts: 2, attemptTimeoutMs: 100 }).send(toReceiver());

    expect(result).toEqual({
      outcome: 'failed',
      failure: `webhook ${receiver.url} unreachable after 2 attempts: no answer within 100 ms`,
    });
  });

  it('keeps query tokens out of the recorded reason', async () => {
    receiver.respondWith(404);
    const n = anOutboundNotification({ recipient: { webhookUrl: `${receiver.url}?token=s3cr3t` } });
    const result = await senderFor().send(n);

    expect(result).toMatchObject({ outcome: 'failed' });
    expect(JSON.stringify(result)).not.toContain('s3cr3t');
    expect(receiver.requests[0]?.path).toBe('/hooks/churn?token=s3cr3t');
  });
});

describe('a webhook nobody listens to', () => {
  it('fails with the network reason after every attempt', async () => {
    const receiver = await startWebhookReceiver({ secret: SECRET });
    const url = receiver.url;
    await receiver.close();
    const sleeps: number[] = [];
    const sender = new WebhookSender({
      secret: SECRET,
      maxAttempts: 3,
      sleep: async (ms) => void sleeps.push(ms),
    });

    const result = await sender.send(anOutboundNotification({ recipient: { webhookUrl: url } }));

    expect(result).toMatchObject({
      outcome: 'failed',
      failure: expect.stringMatching(
        new RegExp(`^webhook ${url} unreachable after 3 attempts: .*ECONNREFUSED`),
      ),
    });
    expect(sleeps).toHaveLength(2);
  });
});

describe('a recipient without a usable webhook', () => {
  const sender = new WebhookSender({ secret: SECRET });

  it.each([
    [null, 'no webhook URL for RM-007'],
    ['ftp://push.bank.example/x', 'webhook URL of RM-007 is not an http(s) URL'],
    ['not a url', 'webhook URL of RM-007 is not an http(s) URL'],
  ])('%s fails with "%s"', async (webhookUrl, failure) => {
    await expect(
      sender.send(anOutboundNotification({ recipient: { webhookUrl } })),
    ).resolves.toEqual({
      outcome: 'failed',
      failure,
    });
  });
});

describe('a sender configured without a secret', () => {
  it('refuses to start', () => {
    expect(() => new WebhookSender({ secret: '' })).toThrow('the signing secret is empty');
  });
});
