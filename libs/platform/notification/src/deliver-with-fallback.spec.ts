// The fallback chain over real channels: a refused e-mail falls back to the webhook, and the
// failed attempt stays on record next to the one that delivered.
import type { NotificationSender } from './channel';
import { deliverWithFallback, wasDelivered } from './deliver-with-fallback';
import { EmailSender } from './email-sender';
import { InboxSender } from './inbox-sender';
import {
  anOutboundNotification,
  startSmtpServer,
  startWebhookReceiver,
  type SmtpTestServer,
  type WebhookReceiver,
} from './testing';
import { WebhookSender } from './webhook-sender';

const SECRET = 'fallback-secret';

describe('a relationship manager whose mailbox refuses the alert', () => {
  let smtp: SmtpTestServer;
  let receiver: WebhookReceiver;
  let senders: NotificationSender[];
  let email: EmailSender;

  beforeAll(async () => {
    smtp = await startSmtpServer();
    receiver = await startWebhookReceiver({ secret: SECRET });
    email = new EmailSender({
      host: smtp.host,
      port: smtp.port,
      secure: false,
      from: 'churn@bank.example',
    });
    senders = [
      email,
      new WebhookSender({ secret: SECRET, sleep: () => Promise.resolve() }),
      new InboxSender(),
    ];
  });
  afterAll(async () => {
    email.close();
    await Promise.all([smtp.close(), receiver.close()]);
  });

  it('is notified by webhook, and the refused e-mail is recorded first', async () => {
    smtp.failNext(550, 'mailbox unavailable');
    const n = anOutboundNotification({ recipient: { webhookUrl: receiver.url } });

    const attempts = await deliverWithFallback(senders, n, ['email', 'webhook', 'inbox']);

    expect(attempts).toEqual([
      {
        channel: 'email',
        attempt: 1,
        result: {
          outcome: 'failed',
          failure: `SMTP 550 mailbox unavailable at ${smtp.host}:${smtp.port} (RCPT TO)`,
        },
      },
      {
        channel: 'webhook',
        attempt: 2,
        result: { outcome: 'delivered', detail: expect.stringContaining('answered 200') },
      },
    ]);
    expect(wasDelivered(attempts)).toBe(true);
    expect(receiver.requests.map((r) => [r.headers['idempotency-key'], r.signatureValid])).toEqual([
      [n.notificationId, true],
    ]);
  });

  it('stops at the first channel that delivers', async () => {
    const attempts = await deliverWithFallback(
      senders,
      anOutboundNotification({ notificationId: 'ntf-2' }),
      ['email', 'webhook'],
    );

    expect(attempts.map((a) => [a.channel, a.result.outcome])).toEqual([['email', 'delivered']]);
  });

  it('counts an unconfigured channel as a failed attempt and goes on', async () => {
    const attempts = await deliverWithFallback([new InboxSender()], anOutboundNotification(), [
      'kafka',
      'inbox',
    ]);

    expect(attempts).toEqual([
      {
        channel: 'kafka',
        attempt: 1,
        result: { outcome: 'failed', failure: 'channel not configured' },
      },
      {
        channel: 'inbox',
        attempt: 2,
        result: { outcome: 'delivered', detail: 'in the console inbox of RM-007' },
      },
    ]);
  });

  it('returns every failure when no channel delivers', async () => {
    const n = anOutboundNotification({ recipient: { email: null, webhookUrl: null } });
    const attempts = await deliverWithFallback(senders, n, ['email', 'webhook']);

    expect(attempts.map((a) => a.result)).toEqual([
      { outcome: 'failed', failure: 'no e-mail address for RM-007' },
      { outcome: 'failed', failure: 'no webhook URL for RM-007' },
    ]);
    expect(wasDelivered(attempts)).toBe(false);
  });

  it('records a sender that throws (a bug) as a failed attempt instead of breaking the chain', async () => {
    const broken: NotificationSender = {
      channel: 'email',
      send: () => Promise.reject(new Error('boom')),
    };
    const attempts = await deliverWithFallback(
      [broken, new InboxSender()],
      anOutboundNotification(),
      ['email', 'inbox'],
    );

    expect(attempts.map((a) => a.result)).toEqual([
      { outcome: 'failed', failure: 'email sender threw: boom' },
      { outcome: 'delivered', detail: 'in the console inbox of RM-007' },
    ]);
  });

  it('attempts nothing for an empty channel list', async () => {
    await expect(deliverWithFallback(senders, anOutboundNotification(), [])).resolves.toEqual([]);
  });
});
