import { spec } from '@churn/domain-kernel/testing';
import {
  acknowledgeCommand,
  logContactCommand,
  raisedEvents,
  resolveCommand,
  runAlert,
  TEST_AT,
  TEST_DIRECTORY,
  withAbsence,
} from '../testing';
import type { ReassignAlert, SnoozeAlert } from './alert-commands';
import type { AlertHolder } from '../staff/staff-directory';
import { alertDecider } from './decide-alert';

const NOON = '2026-12-01T04:00:00.000Z';
const AFTERNOON = '2026-12-01T06:00:00.000Z';
const fresh = raisedEvents();
const acknowledged = runAlert([acknowledgeCommand('RM-1', NOON)], fresh).events;
const resolved = runAlert([resolveCommand('RM-1', NOON)], fresh).events;

const snooze = (until: string, at = AFTERNOON, staffId = 'RM-1'): SnoozeAlert => ({
  type: 'SnoozeAlert',
  data: {
    actor: { staffId },
    at,
    directory: TEST_DIRECTORY,
    until,
    reason: 'customer abroad until Monday',
  },
});

const reassign = (to: AlertHolder, staffId = 'SUP-1'): ReassignAlert => ({
  type: 'ReassignAlert',
  data: {
    actor: { staffId },
    at: AFTERNOON,
    directory: TEST_DIRECTORY,
    to,
    reason: 'RM-1 on long leave',
  },
});

describe('acknowledging an alert', () => {
  it('records who saw it, at which level', () =>
    spec(alertDecider)
      .given(fresh)
      .when(acknowledgeCommand('RM-1', NOON))
      .then([
        {
          type: 'RetentionAlertAcknowledged',
          schemaVersion: 1,
          data: { alertId: 'A-1', by: 'RM-1', level: 'rm', occurredAt: NOON },
        },
      ]));

  it('may be done by the holder’s supervisor', () =>
    expect(runAlert([acknowledgeCommand('SUP-1', NOON)], fresh).events).toHaveLength(
      fresh.length + 1,
    ));

  it('may be done by the delegate of an absent holder', () => {
    const directory = withAbsence(TEST_DIRECTORY, 'RM-1', {
      from: NOON,
      until: '2026-12-05T00:00:00Z',
      delegateId: 'RM-2',
    });
    expect(runAlert([acknowledgeCommand('RM-2', NOON, directory)], fresh).events).toHaveLength(
      fresh.length + 1,
    );
  });

  it('refuses a colleague who neither holds it nor is above it', () =>
    spec(alertDecider)
      .given(fresh)
      .when(acknowledgeCommand('RM-3', NOON))
      .thenThrows('not-holder-or-superior'));

  it('refuses someone not in the staff directory', () =>
    spec(alertDecider).given(fresh).when(acknowledgeCommand('X-9', NOON)).thenThrows('not-staff'));

  it('refuses a second acknowledgement at the same level', () =>
    spec(alertDecider)
      .given(acknowledged)
      .when(acknowledgeCommand('RM-1', AFTERNOON))
      .thenThrows('already-acknowledged'));

  it('refuses a resolved alert', () =>
    spec(alertDecider)
      .given(resolved)
      .when(acknowledgeCommand('RM-1', AFTERNOON))
      .thenThrows('alert-resolved'));

  it('refuses an alert never raised', () =>
    spec(alertDecider)
      .given([])
      .when(acknowledgeCommand('RM-1', NOON))
      .thenThrows('alert-not-found'));
});

describe('logging a contact with the customer', () => {
  it('records the channel, the summary and the next step', () =>
    spec(alertDecider)
      .given(acknowledged)
      .when(logContactCommand('RM-1', AFTERNOON))
      .then([
        {
          type: 'RetentionContactLogged',
          schemaVersion: 1,
          data: {
            alertId: 'A-1',
            by: 'RM-1',
            level: 'rm',
            channel: 'phone',
            summary: 'Called the customer about the salary',
            nextStep: 'Branch meeting on Friday',
            nextStepDueAt: null,
            occurredAt: AFTERNOON,
          },
        },
      ]));

  it('acknowledges an alert not yet acknowledged first: whoever called has seen it', () =>
    expect(
      runAlert([logContactCommand('RM-1', AFTERNOON)], fresh)
        .events.slice(fresh.length)
        .map((e) => e.type),
    ).toEqual(['RetentionAlertAcknowledged', 'RetentionContactLogged']));

  it('counts contacts and keeps the first', () => {
    const { state } = runAlert(
      [logContactCommand('RM-1', NOON), logContactCommand('RM-1', AFTERNOON)],
      fresh,
    );
    expect(state).toMatchObject({ contacts: 2, firstContactedAt: NOON, contactedAt: AFTERNOON });
  });

  it('refuses an auditor', () =>
    spec(alertDecider)
      .given(fresh)
      .when(logContactCommand('AUD-1', NOON))
      .thenThrows('not-holder-or-superior'));
});

describe('snoozing an alert', () => {
  it('puts it aside until the given time, with the reason', () =>
    spec(alertDecider)
      .given(acknowledged)
      .when(snooze('2026-12-03T01:00:00.000Z'))
      .then([
        {
          type: 'RetentionAlertSnoozed',
          schemaVersion: 1,
          data: {
            alertId: 'A-1',
            by: 'RM-1',
            until: '2026-12-03T01:00:00.000Z',
            reason: 'customer abroad until Monday',
            occurredAt: AFTERNOON,
          },
        },
      ]));

  it('needs an acknowledgement first', () =>
    spec(alertDecider)
      .given(fresh)
      .when(snooze('2026-12-03T01:00:00.000Z'))
      .thenThrows('not-acknowledged'));

  it('cannot end in the past', () =>
    spec(alertDecider).given(acknowledged).when(snooze(NOON)).thenThrows('snooze-in-past'));

  it('may last five business days (a weekend in between does not count)', () =>
    expect(runAlert([snooze('2026-12-08T06:00:00.000Z')], acknowledged).state).toMatchObject({
      snoozedUntil: '2026-12-08T06:00:00.000Z',
    }));

  it('may not last longer than five business days', () =>
    spec(alertDecider)
      .given(acknowledged)
      .when(snooze('2026-12-08T06:01:00.000Z'))
      .thenThrows('snooze-too-long'));
});

describe('reassigning an alert', () => {
  it('moves it to another RM at the same level and tells them', () =>
    spec(alertDecider)
      .given(fresh)
      .when(reassign({ kind: 'staff', staffId: 'RM-2' }))
      .then([
        {
          type: 'RetentionAlertReassigned',
          schemaVersion: 1,
          data: {
            alertId: 'A-1',
            by: 'SUP-1',
            from: { kind: 'staff', staffId: 'RM-1' },
            to: { kind: 'staff', staffId: 'RM-2' },
            reason: 'RM-1 on long leave',
            occurredAt: AFTERNOON,
          },
        },
        {
          type: 'AlertNotificationRequested',
          schemaVersion: 1,
          data: {
            alertId: 'A-1',
            notificationId: 'A-1:reassigned:2',
            recipientId: 'RM-2',
            purpose: 'reassigned',
            severity: 'critical',
            channels: ['email', 'webhook', 'inbox'],
            occurredAt: AFTERNOON,
          },
        },
      ]));

  it('restarts the clocks for the new holder', () => {
    const { state } = runAlert([reassign({ kind: 'staff', staffId: 'RM-2' })], acknowledged);
    expect(state).toMatchObject({
      level: 'rm',
      levelSince: AFTERNOON,
      acknowledgedAt: null,
      holderNote: null,
    });
  });

  it('may move it to a team queue', () =>
    expect(runAlert([reassign({ kind: 'team-queue', teamId: 'T-2' })], fresh).state).toMatchObject({
      holder: { kind: 'team-queue', teamId: 'T-2' },
    }));

  it('refuses someone who cannot hold alerts', () =>
    spec(alertDecider)
      .given(fresh)
      .when(reassign({ kind: 'staff', staffId: 'AUD-1' }))
      .thenThrows('unknown-recipient'));

  it('refuses a queue that does not exist', () =>
    spec(alertDecider)
      .given(fresh)
      .when(reassign({ kind: 'team-queue', teamId: 'T-9' }))
      .thenThrows('unknown-recipient'));

  it('refuses to reassign to the holder it already has', () =>
    spec(alertDecider)
      .given(fresh)
      .when(reassign({ kind: 'staff', staffId: 'RM-1' }))
      .thenThrows('same-holder'));

  it('refuses a colleague of another team', () =>
    spec(alertDecider)
      .given(fresh)
      .when(reassign({ kind: 'staff', staffId: 'RM-2' }, 'RM-3'))
      .thenThrows('not-holder-or-superior'));
});

describe('resolving an alert', () => {
  it('records the outcome and the reason from the catalogue', () =>
    spec(alertDecider)
      .given(acknowledged)
      .when(
        resolveCommand('RM-1', AFTERNOON, { outcome: 'lost', reason: 'payroll-moved-by-employer' }),
      )
      .then([
        {
          type: 'RetentionAlertResolved',
          schemaVersion: 1,
          data: {
            alertId: 'A-1',
            by: 'RM-1',
            level: 'rm',
            outcome: 'lost',
            reason: 'payroll-moved-by-employer',
            reasonText: null,
            occurredAt: AFTERNOON,
          },
        },
      ]));

  it('may be done by the branch head', () =>
    expect(runAlert([resolveCommand('HEAD-1', AFTERNOON)], fresh).state).toMatchObject({
      status: 'resolved',
      resolution: {
        by: 'HEAD-1',
        outcome: 'retained',
        reason: 'rate',
        reasonText: null,
        at: AFTERNOON,
      },
    }));

  it('records a deliberate exit as an outcome (DOMAIN.md §5.5)', () =>
    expect(
      runAlert(
        [
          resolveCommand('RM-1', AFTERNOON, {
            outcome: 'exited-deliberately',
            reason: 'other',
            reasonText: 'AML review',
          }),
        ],
        fresh,
      ).state,
    ).toMatchObject({ resolution: { outcome: 'exited-deliberately', reasonText: 'AML review' } }));

  it('needs the reason in words when it is `other`', () =>
    spec(alertDecider)
      .given(fresh)
      .when(resolveCommand('RM-1', AFTERNOON, { reason: 'other', reasonText: '  ' }))
      .thenThrows('reason-text-required'));

  it('refuses a colleague who neither holds it nor is above it', () =>
    spec(alertDecider)
      .given(fresh)
      .when(resolveCommand('RM-2', AFTERNOON))
      .thenThrows('not-holder-or-superior'));

  it('refuses an alert already resolved', () =>
    spec(alertDecider)
      .given(resolved)
      .when(resolveCommand('RM-1', AFTERNOON))
      .thenThrows('alert-resolved'));

  it('keeps the time it was raised', () =>
    expect(runAlert([], resolved).state).toMatchObject({ raisedAt: TEST_AT }));
});
