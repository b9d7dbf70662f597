import { spec } from '@churn/domain-kernel/testing';
import {
  alertCustomer,
  alertSignal,
  raisedEvents,
  resolveCommand,
  riskCause,
  runAlert,
  TEST_DIRECTORY,
} from '../testing';
import type { EaseRisk, MergeRisk, ReopenAlert } from './alert-commands';
import type { AlertSignal, RetentionAlertEvent } from './alert-events';
import type { AlertSeverity } from './alert-vocabulary';
import { alertDecider } from './decide-alert';

const LATER = '2026-12-02T02:00:00.000Z';
const cause2 = riskCause({
  riskEventId: 'risk-C0012345612-2',
  riskEventType: 'ChurnRiskChanged',
  score: 60,
});

const merge = (severity: AlertSeverity, signals: readonly AlertSignal[]): MergeRisk => ({
  type: 'MergeRisk',
  data: {
    at: LATER,
    directory: TEST_DIRECTORY,
    cause: cause2,
    severity,
    signals,
    customer: alertCustomer(),
  },
});

const ease = (at = LATER): EaseRisk => ({
  type: 'EaseRisk',
  data: {
    at,
    directory: TEST_DIRECTORY,
    cause: riskCause({ riskEventType: 'ChurnRiskCleared', score: 10 }),
  },
});

const reopen = (severity: AlertSeverity = 'critical'): ReopenAlert => ({
  type: 'ReopenAlert',
  data: {
    at: '2026-12-10T01:00:00.000Z',
    directory: TEST_DIRECTORY,
    cause: riskCause({ riskEventId: 'risk-C0012345612-5' }),
    severity,
    signals: [alertSignal('aum-decline')],
    customer: alertCustomer(),
  },
});

/** A warning alert (fortune, RM-1) with a payroll-stopped signal. */
const warning = raisedEvents({ severity: 'warning' });
const resolved: readonly RetentionAlertEvent[] = runAlert(
  [resolveCommand('RM-1', LATER)],
  warning,
).events;

describe('new risk for a customer whose alert is open (one open alert per customer)', () => {
  it('is noise when weaker and with no new signal: nothing is recorded', () =>
    spec(alertDecider)
      .given(warning)
      .when(merge('watch', [alertSignal('payroll-stopped')]))
      .thenNothing());

  it('is noise at the same severity with the same signals', () =>
    spec(alertDecider)
      .given(warning)
      .when(merge('warning', [alertSignal('payroll-stopped')]))
      .thenNothing());

  it('adds a new signal without lowering the severity, and tells nobody', () =>
    spec(alertDecider)
      .given(warning)
      .when(merge('watch', [alertSignal('payroll-stopped'), alertSignal('dormancy')]))
      .then([
        {
          type: 'RetentionAlertRiskMerged',
          schemaVersion: 1,
          data: {
            alertId: 'A-1',
            cause: cause2,
            severity: 'warning',
            previousSeverity: 'warning',
            addedSignals: [alertSignal('dormancy')],
            customer: alertCustomer(),
            occurredAt: LATER,
          },
        },
      ]));

  it('raises the severity and tells the holder', () =>
    spec(alertDecider)
      .given(warning)
      .when(merge('critical', [alertSignal('payroll-stopped')]))
      .then([
        {
          type: 'RetentionAlertRiskMerged',
          schemaVersion: 1,
          data: {
            alertId: 'A-1',
            cause: cause2,
            severity: 'critical',
            previousSeverity: 'warning',
            addedSignals: [],
            customer: alertCustomer(),
            occurredAt: LATER,
          },
        },
        {
          type: 'AlertNotificationRequested',
          schemaVersion: 1,
          data: {
            alertId: 'A-1',
            notificationId: 'A-1:severity-raised:2',
            recipientId: 'RM-1',
            purpose: 'severity-raised',
            severity: 'critical',
            channels: ['email', 'webhook', 'inbox'],
            occurredAt: LATER,
          },
        },
      ]));

  it('adds a signal that arrives twice in one risk event only once', () => {
    const { events } = runAlert(
      [merge('warning', [alertSignal('dormancy'), alertSignal('dormancy')])],
      warning,
    );
    const merged = events.find((e) => e.type === 'RetentionAlertRiskMerged');
    expect(merged?.type === 'RetentionAlertRiskMerged' && merged.data.addedSignals).toEqual([
      alertSignal('dormancy'),
    ]);
  });

  it('is recorded even when no stronger, if the risk had eased (the clocks run again)', () => {
    const { state } = runAlert(
      [ease(), merge('warning', [alertSignal('payroll-stopped')])],
      warning,
    );
    expect(state.status === 'open' && state.riskEased).toBe(false);
  });

  it('cannot merge into an alert never raised', () =>
    spec(alertDecider).given([]).when(merge('critical', [])).thenThrows('alert-not-found'));

  it('cannot merge into a resolved alert', () =>
    spec(alertDecider).given(resolved).when(merge('critical', [])).thenThrows('alert-resolved'));
});

describe('the risk engine clears the risk of an open alert', () => {
  it('records that the risk eased; the case stays open', () =>
    spec(alertDecider)
      .given(warning)
      .when(ease())
      .then([
        {
          type: 'RetentionAlertRiskEased',
          schemaVersion: 1,
          data: { alertId: 'A-1', cause: ease().data.cause, occurredAt: LATER },
        },
      ]));

  it('records it once', () =>
    spec(alertDecider)
      .given(runAlert([ease()], warning).events)
      .when(ease())
      .thenNothing());

  it('cannot ease a resolved alert', () =>
    spec(alertDecider).given(resolved).when(ease()).thenThrows('alert-resolved'));
});

describe('risk rising again for a customer whose alert was resolved', () => {
  it('reopens the case at the level it was closed, with that level’s holder, and tells them', () =>
    spec(alertDecider)
      .given(resolved)
      .when(reopen())
      .then([
        {
          type: 'RetentionAlertReopened',
          schemaVersion: 1,
          data: {
            alertId: 'A-1',
            cause: reopen().data.cause,
            severity: 'critical',
            signals: [alertSignal('aum-decline')],
            customer: alertCustomer(),
            level: 'rm',
            holder: { kind: 'staff', staffId: 'RM-1' },
            holderNote: null,
            occurredAt: '2026-12-10T01:00:00.000Z',
          },
        },
        {
          type: 'AlertNotificationRequested',
          schemaVersion: 1,
          data: {
            alertId: 'A-1',
            notificationId: 'A-1:reopened:2',
            recipientId: 'RM-1',
            purpose: 'reopened',
            severity: 'critical',
            channels: ['email', 'webhook', 'inbox'],
            occurredAt: '2026-12-10T01:00:00.000Z',
          },
        },
      ]));

  it('opens the case again with fresh clocks and no resolution', () => {
    const { state } = runAlert([reopen()], resolved);
    expect(state).toMatchObject({
      status: 'open',
      resolution: null,
      reopenings: 1,
      levelSince: '2026-12-10T01:00:00.000Z',
      acknowledgedAt: null,
      firedRules: [],
    });
  });

  it('returns a team-queue case to its queue', () => {
    const queued = raisedEvents({ customer: alertCustomer({ valueTier: 'ordinary' }) });
    const { state } = runAlert([resolveCommand('RM-2', LATER), reopen()], queued);
    expect(state.status === 'open' && state.holder).toEqual({ kind: 'team-queue', teamId: 'T-1' });
  });

  it('cannot reopen an open alert', () =>
    spec(alertDecider).given(warning).when(reopen()).thenThrows('alert-not-resolved'));

  it('cannot reopen an alert never raised', () =>
    spec(alertDecider).given([]).when(reopen()).thenThrows('alert-not-found'));
});
