import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  AlertSeverity,
  NotificationState,
  RaisedAlert,
  StaffDirectory,
} from '@churn/domain-alert';
import {
  alertCustomer,
  raiseCommand,
  TEST_AT,
  TEST_DIRECTORY,
  TEST_POLICY,
} from '@churn/domain-alert/testing';
import {
  SqliteEventStore,
  type AppendOptions,
  type EventStore,
  type NewEvent,
} from '@churn/event-store';
import {
  EmailSender,
  InboxSender,
  WebhookSender,
  messageIdOf,
  type NotificationSender,
} from '@churn/notification';
import {
  startSmtpServer,
  startWebhookReceiver,
  type SmtpTestServer,
  type WebhookReceiver,
} from '@churn/notification/testing';
import { AlertingEngine } from '../alerting.module';
import { ManualClock, alertEvents } from '../testing';

const SECRET = 'webhook-test-secret';
const MINUTE = 60_000;
/** A wealth-management customer of RM-1: one notification (no one else is told at once). */
const wealthCustomer = (customerId: string) =>
  alertCustomer({ customerId, tier: 'wealth-management', valueTier: 'wealth-management' });

const withWebhook = (directory: StaffDirectory, url: string): StaffDirectory => ({
  ...directory,
  staff: directory.staff.map((s) => (s.staffId === 'RM-1' ? { ...s, webhookUrl: url } : s)),
});

/** Appends fail for notification records, as if the process died between send and record. */
const dyingAfterSend = (store: EventStore): EventStore =>
  Object.assign(Object.create(store) as EventStore, {
    append: (stream: string, events: readonly NewEvent[], options: AppendOptions) =>
      events.some((e) => e.type === 'AlertNotificationAttempted')
        ? Promise.reject(new Error('process killed'))
        : store.append(stream, events, options),
  });

describe('the notification dispatcher against a real SMTP relay and webhook receiver', () => {
  let dir: string;
  let smtp: SmtpTestServer;
  let webhook: WebhookReceiver;
  let email: EmailSender;
  const stores: SqliteEventStore[] = [];
  const engines: AlertingEngine[] = [];
  const clock = new ManualClock(TEST_AT);

  const start = async (
    senders: readonly NotificationSender[],
    wrap: (store: EventStore) => EventStore = (s) => s,
  ) => {
    const store = SqliteEventStore.open(join(dir, 'events.db'), { pollIntervalMs: 5 });
    stores.push(store);
    const engine = new AlertingEngine(
      { store: wrap(store), checkpoints: store.checkpointStore() },
      {
        config: { policy: TEST_POLICY, directory: withWebhook(TEST_DIRECTORY, webhook.url) },
        clock,
        senders,
        bridge: false,
        timers: { intervalMs: 0 },
        dispatcher: { intervalMs: 0 },
      },
    );
    engines.push(engine);
    await engine.start();
    return engine;
  };

  const raise = async (
    engine: AlertingEngine,
    alertId: string,
    severity: AlertSeverity = 'critical',
  ) => {
    const { appended } = await engine.repository.execute(
      alertId,
      raiseCommand({
        alertId,
        customer: wealthCustomer(`C-${alertId}`),
        severity,
        at: clock.iso,
        directory: withWebhook(TEST_DIRECTORY, webhook.url),
      }),
    );
    await engine.book.caughtUpTo(appended.at(-1)?.position ?? 0);
  };

  const notificationOf = async (
    engine: AlertingEngine,
    alertId: string,
  ): Promise<NotificationState> => {
    const state = (await engine.repository.load(alertId)).state as RaisedAlert;
    const [notification] = state.notifications;
    if (notification === undefined) throw new Error(`alert ${alertId} requested no notification`);
    return notification;
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'alerting-dispatch-'));
    clock.set(TEST_AT);
    smtp = await startSmtpServer();
    webhook = await startWebhookReceiver({ secret: SECRET });
    email = new EmailSender({
      host: smtp.host,
      port: smtp.port,
      secure: false,
      from: 'alerts@bank.example',
    });
  });
  afterEach(async () => {
    for (const engine of engines.splice(0)) await engine.stop();
    for (const store of stores.splice(0)) store.close();
    email.close();
    await smtp.close();
    await webhook.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const webhookSender = () =>
    new WebhookSender({ secret: SECRET, maxAttempts: 1, sleep: async () => undefined });

  it('records an e-mail the relay accepted as delivered, under the notification id', async () => {
    const engine = await start([email, webhookSender(), new InboxSender()]);
    await raise(engine, 'A-1');
    await engine.dispatcher.tick();
    const n = await notificationOf(engine, 'A-1');
    expect(n).toMatchObject({ deliveredBy: 'email', attempts: 1, failures: [] });
    expect(smtp.messages.map((m) => m.messageId)).toEqual([messageIdOf(n.notificationId)]);
    expect(smtp.messages[0]?.envelope.to).toEqual(['rm-1@branch-t.example']);
    expect(webhook.requests).toHaveLength(0);
  });

  it('falls back to the webhook when the relay refuses, and records both attempts on the alert', async () => {
    const engine = await start([email, webhookSender(), new InboxSender()]);
    smtp.failNext(550, 'mailbox unavailable');
    await raise(engine, 'A-1');
    await engine.dispatcher.tick();
    const n = await notificationOf(engine, 'A-1');
    expect(n).toMatchObject({ deliveredBy: 'webhook', attempts: 2 });
    expect(n.failures).toEqual([{ channel: 'email', failure: expect.stringContaining('550') }]);
    expect(webhook.requests).toHaveLength(1);
    expect(webhook.requests[0]?.headers['idempotency-key']).toBe(n.notificationId);
    expect(webhook.requests[0]?.signatureValid).toBe(true);
    const attempts = (await alertEvents(stores.at(-1) as EventStore)).filter(
      (e) => e.type === 'AlertNotificationAttempted',
    );
    expect(attempts.map((e) => (e.data as { channel: string; outcome: string }).outcome)).toEqual([
      'failed',
      'delivered',
    ]);
  });

  it('records the notification undeliverable when every channel fails', async () => {
    const engine = await start([email, webhookSender()]);
    smtp.failNext(550, 'mailbox unavailable');
    webhook.respondWith(503);
    await raise(engine, 'A-1');
    await engine.dispatcher.tick();
    const n = await notificationOf(engine, 'A-1');
    expect(n).toMatchObject({ deliveredBy: null, undeliverable: true, attempts: 3 });
    expect(n.failures.map((f) => f.channel)).toEqual(['email', 'webhook', 'inbox']);
    expect(n.failures[2]?.failure).toBe('channel not configured');
    const types = (await alertEvents(stores.at(-1) as EventStore)).map((e) => e.type);
    expect(types.at(-1)).toBe('AlertNotificationUndeliverable');
  });

  it('sends warnings to one person within the digest window as one e-mail, recorded per notification', async () => {
    const engine = await start([email, webhookSender(), new InboxSender()]);
    await raise(engine, 'W-1', 'warning');
    clock.advance(5 * MINUTE);
    await raise(engine, 'W-2', 'warning');
    clock.advance(5 * MINUTE);
    await engine.dispatcher.tick();
    expect(smtp.messages).toHaveLength(0);
    clock.advance(TEST_POLICY.noise.digestWindowSeconds * 1000);
    await engine.dispatcher.tick();
    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]?.subject).toContain('2 retention alerts');
    expect(await notificationOf(engine, 'W-1')).toMatchObject({
      deliveredBy: 'email',
      attempts: 1,
    });
    expect(await notificationOf(engine, 'W-2')).toMatchObject({
      deliveredBy: 'email',
      attempts: 1,
    });
  });

  it('sends again with the same idempotency key after a crash between send and record', async () => {
    const dying = await start([email], dyingAfterSend);
    await raise(dying, 'A-1');
    await dying.dispatcher.tick();
    expect(smtp.messages).toHaveLength(1);
    expect((await notificationOf(dying, 'A-1')).attempts).toBe(0);
    await dying.stop();
    engines.splice(engines.indexOf(dying), 1);

    const restarted = await start([email]);
    await restarted.dispatcher.tick();
    const n = await notificationOf(restarted, 'A-1');
    expect(n).toMatchObject({ deliveredBy: 'email', attempts: 1 });
    expect(smtp.messages.map((m) => m.messageId)).toEqual([
      messageIdOf(n.notificationId),
      messageIdOf(n.notificationId),
    ]);
  });
});
