import { spec } from '@churn/domain-kernel/testing';
import { raisedEvents, resolveCommand, runAlert, TEST_DIRECTORY } from '../testing';
import type { RecordNotificationAttempt } from './alert-commands';
import type { NotificationChannel } from './alert-vocabulary';
import { alertDecider } from './decide-alert';

const AT = '2026-12-01T01:00:05.000Z';
const fresh = raisedEvents();

const attempt = (
  channel: NotificationChannel,
  outcome: 'delivered' | 'failed',
  notificationId = 'A-1:raised:0',
): RecordNotificationAttempt => ({
  type: 'RecordNotificationAttempt',
  data: {
    at: AT,
    notificationId,
    channel,
    outcome,
    failure: outcome === 'failed' ? `${channel} refused` : null,
  },
});

describe('delivering the notice of a new alert (e-mail, then webhook, then inbox)', () => {
  it('records a delivery and which channel made it', () =>
    spec(alertDecider)
      .given(fresh)
      .when(attempt('email', 'delivered'))
      .then([
        {
          type: 'AlertNotificationAttempted',
          schemaVersion: 1,
          data: {
            alertId: 'A-1',
            notificationId: 'A-1:raised:0',
            channel: 'email',
            attempt: 1,
            outcome: 'delivered',
            failure: null,
            occurredAt: AT,
          },
        },
      ]));

  it('falls back after a failed channel, counting attempts', () => {
    const { state } = runAlert(
      [attempt('email', 'failed'), attempt('webhook', 'delivered')],
      fresh,
    );
    expect(state.status !== 'none' && state.notifications[0]).toMatchObject({
      attempts: 2,
      deliveredBy: 'webhook',
      deliveredAt: AT,
      undeliverable: false,
      failures: [{ channel: 'email', failure: 'email refused' }],
    });
  });

  it('is undeliverable when the last channel fails too', () =>
    spec(alertDecider)
      .given(runAlert([attempt('email', 'failed'), attempt('webhook', 'failed')], fresh).events)
      .when(attempt('inbox', 'failed'))
      .then([
        {
          type: 'AlertNotificationAttempted',
          schemaVersion: 1,
          data: {
            alertId: 'A-1',
            notificationId: 'A-1:raised:0',
            channel: 'inbox',
            attempt: 3,
            outcome: 'failed',
            failure: 'inbox refused',
            occurredAt: AT,
          },
        },
        {
          type: 'AlertNotificationUndeliverable',
          schemaVersion: 1,
          data: { alertId: 'A-1', notificationId: 'A-1:raised:0', attempts: 3, occurredAt: AT },
        },
      ]));

  it('refuses another attempt once delivered', () =>
    spec(alertDecider)
      .given(runAlert([attempt('email', 'delivered')], fresh).events)
      .when(attempt('webhook', 'delivered'))
      .thenThrows('notification-settled'));

  it('refuses another attempt once undeliverable', () =>
    spec(alertDecider)
      .given(
        runAlert(
          [attempt('email', 'failed'), attempt('webhook', 'failed'), attempt('inbox', 'failed')],
          fresh,
        ).events,
      )
      .when(attempt('inbox', 'delivered'))
      .thenThrows('notification-settled'));

  it('refuses a notification the alert never requested', () =>
    spec(alertDecider)
      .given(fresh)
      .when(attempt('email', 'delivered', 'A-1:raised:9'))
      .thenThrows('unknown-notification'));

  it('refuses an attempt on a stream with no alert', () =>
    spec(alertDecider).given([]).when(attempt('email', 'delivered')).thenThrows('alert-not-found'));

  it('still records attempts after the alert is resolved', () =>
    expect(
      runAlert([resolveCommand('RM-1', AT), attempt('email', 'delivered')], fresh).events.at(-1)
        ?.type,
    ).toBe('AlertNotificationAttempted'));
});

describe('notification ids', () => {
  it('are the same when the same history is decided again (replay)', () =>
    expect(raisedEvents()).toEqual(fresh));

  it('count every notification of the alert, so a later one never reuses an id', () => {
    const { state } = runAlert(
      [
        {
          type: 'EscalateAlert',
          data: { actor: { staffId: 'RM-1' }, at: AT, directory: TEST_DIRECTORY, reason: 'rate' },
        },
      ],
      fresh,
    );
    expect(state.status !== 'none' && state.notifications.map((n) => n.notificationId)).toEqual([
      'A-1:raised:0',
      'A-1:informed:1',
      'A-1:escalated:2',
    ]);
  });
});
