import { spec } from '@churn/domain-kernel/testing';
import {
  acknowledgeCommand,
  escalateOverdueCommand,
  raisedEvents,
  resolveCommand,
  runAlert,
  TEST_DIRECTORY,
  TEST_POLICY,
  withAbsence,
} from '../testing';
import type { EscalateAlert } from './alert-commands';
import { alertDecider } from './decide-alert';
import { pendingDeadlines } from './deadlines';

/**
 * A critical alert of a fortune-tier customer raised Tuesday 2026-12-01 09:00 (Beijing). Fortune,
 * critical: RM 480/960/4800, supervisor 240/480/2400, branch head 240/480/1920 business minutes.
 */
const fresh = raisedEvents();
const RM_ACK_DUE = '2026-12-01T09:00:00.000Z'; // Tuesday 17:00
const SUPERVISOR_ACK_DUE = '2026-12-02T05:00:00.000Z'; // Wednesday 13:00
const HEAD_ACK_DUE = '2026-12-02T09:00:00.000Z'; // Wednesday 17:00

const atSupervisor = runAlert([escalateOverdueCommand('rm/acknowledge', RM_ACK_DUE)], fresh).events;
const atHead = runAlert(
  [escalateOverdueCommand('supervisor/acknowledge', SUPERVISOR_ACK_DUE)],
  atSupervisor,
).events;

const escalate = (staffId: string, at = '2026-12-01T03:00:00.000Z'): EscalateAlert => ({
  type: 'EscalateAlert',
  data: {
    actor: { staffId },
    at,
    directory: TEST_DIRECTORY,
    reason: 'the customer asks for a rate only the branch can grant',
  },
});

describe('an alert nobody acknowledges (the escalation ladder, DOMAIN.md §5.2)', () => {
  it('climbs to the team supervisor when the RM’s acknowledge clock runs out, and tells them', () =>
    spec(alertDecider)
      .given(fresh)
      .when(escalateOverdueCommand('rm/acknowledge', RM_ACK_DUE))
      .then([
        {
          type: 'RetentionAlertEscalated',
          schemaVersion: 1,
          data: {
            alertId: 'A-1',
            fromLevel: 'rm',
            toLevel: 'supervisor',
            from: { kind: 'staff', staffId: 'RM-1' },
            to: { kind: 'staff', staffId: 'SUP-1' },
            holderNote: null,
            trigger: { kind: 'sla', rule: 'rm/acknowledge', dueAt: RM_ACK_DUE },
            occurredAt: RM_ACK_DUE,
          },
        },
        {
          type: 'AlertNotificationRequested',
          schemaVersion: 1,
          data: {
            alertId: 'A-1',
            notificationId: 'A-1:escalated:2',
            recipientId: 'SUP-1',
            purpose: 'escalated',
            severity: 'critical',
            channels: ['email', 'webhook', 'inbox'],
            occurredAt: RM_ACK_DUE,
          },
        },
      ]));

  it('starts the supervisor’s clocks when it arrives', () =>
    expect(
      pendingDeadlines(runAlert([], atSupervisor).state).map((d) => [d.rule, d.dueAt]),
    ).toEqual([
      ['supervisor/acknowledge', SUPERVISOR_ACK_DUE],
      ['supervisor/contact', '2026-12-02T09:00:00.000Z'],
      ['supervisor/resolve', '2026-12-08T09:00:00.000Z'],
    ]));

  it('climbs to the branch head when the supervisor does not acknowledge either', () =>
    expect(runAlert([], atHead).state).toMatchObject({
      level: 'branch-head',
      holder: { kind: 'staff', staffId: 'HEAD-1' },
      escalations: 2,
      firedRules: ['rm/acknowledge', 'supervisor/acknowledge'],
    }));

  it('records a breach at the top instead of climbing further', () =>
    spec(alertDecider)
      .given(atHead)
      .when(escalateOverdueCommand('branch-head/acknowledge', HEAD_ACK_DUE))
      .then([
        {
          type: 'RetentionAlertSlaBreached',
          schemaVersion: 1,
          data: {
            alertId: 'A-1',
            rule: 'branch-head/acknowledge',
            dueAt: HEAD_ACK_DUE,
            occurredAt: HEAD_ACK_DUE,
          },
        },
      ]));

  it('records each breach once', () =>
    spec(alertDecider)
      .given(
        runAlert([escalateOverdueCommand('branch-head/acknowledge', HEAD_ACK_DUE)], atHead).events,
      )
      .when(escalateOverdueCommand('branch-head/acknowledge', HEAD_ACK_DUE))
      .thenThrows('rule-already-fired'));

  it('keeps the other clocks of the top running after a breach', () => {
    const { state } = runAlert(
      [escalateOverdueCommand('branch-head/acknowledge', HEAD_ACK_DUE)],
      atHead,
    );
    expect(pendingDeadlines(state).map((d) => [d.rule, d.escalatesTo])).toEqual([
      ['branch-head/contact', null],
      ['branch-head/resolve', null],
    ]);
    expect(state.status !== 'none' && state.breaches).toEqual(['branch-head/acknowledge']);
  });

  it('goes to the supervisor’s delegate while the supervisor is away, and says so', () => {
    const directory = withAbsence(TEST_DIRECTORY, 'SUP-1', {
      from: '2026-11-30T00:00:00Z',
      until: '2026-12-04T00:00:00Z',
      delegateId: 'SUP-2',
    });
    const { state } = runAlert(
      [escalateOverdueCommand('rm/acknowledge', RM_ACK_DUE, RM_ACK_DUE, directory)],
      fresh,
    );
    expect(state).toMatchObject({
      holder: { kind: 'staff', staffId: 'SUP-2' },
      holderNote: 'SUP-1 is absent until 2026-12-04T00:00:00Z: SUP-2 holds the alert as delegate',
    });
  });
});

describe('an acknowledged alert with no contact in time', () => {
  const acknowledged = runAlert(
    [acknowledgeCommand('RM-1', '2026-12-01T02:00:00.000Z')],
    fresh,
  ).events;

  it('climbs when the contact clock runs out (acknowledging is not enough)', () =>
    expect(
      runAlert([escalateOverdueCommand('rm/contact', '2026-12-02T09:00:00.000Z')], acknowledged)
        .state,
    ).toMatchObject({ level: 'supervisor', acknowledgedAt: null, contactedAt: null }));

  it('does not climb for the acknowledge clock any more', () =>
    spec(alertDecider)
      .given(acknowledged)
      .when(escalateOverdueCommand('rm/acknowledge', RM_ACK_DUE))
      .thenThrows('rule-not-due'));
});

describe('a timer that fires too early or for the wrong alert', () => {
  it('is refused before the clock runs out', () =>
    spec(alertDecider)
      .given(fresh)
      .when(escalateOverdueCommand('rm/acknowledge', RM_ACK_DUE, '2026-12-01T08:59:59.999Z'))
      .thenThrows('rule-not-due'));

  it('is refused for a level the alert is not at', () =>
    spec(alertDecider)
      .given(fresh)
      .when(escalateOverdueCommand('supervisor/acknowledge', RM_ACK_DUE))
      .thenThrows('rule-not-due'));

  it('is refused for a rule that has already fired', () =>
    spec(alertDecider)
      .given(atSupervisor)
      .when(escalateOverdueCommand('rm/acknowledge', RM_ACK_DUE))
      .thenThrows('rule-already-fired'));

  it('is refused on a resolved alert', () =>
    spec(alertDecider)
      .given(runAlert([resolveCommand('RM-1', '2026-12-01T02:00:00.000Z')], fresh).events)
      .when(escalateOverdueCommand('rm/acknowledge', RM_ACK_DUE))
      .thenThrows('alert-resolved'));

  it('records the alert’s own due time, not the timer’s', () => {
    const late = '2026-12-01T10:00:00.000Z';
    const [escalated] = runAlert(
      [escalateOverdueCommand('rm/acknowledge', late)],
      fresh,
    ).events.slice(fresh.length);
    expect(escalated?.type === 'RetentionAlertEscalated' && escalated.data.trigger).toEqual({
      kind: 'sla',
      rule: 'rm/acknowledge',
      dueAt: RM_ACK_DUE,
    });
  });
});

describe('a person escalating by hand (the case exceeds their authority)', () => {
  it('sends it up one level with their reason', () => {
    const [escalated] = runAlert([escalate('RM-1')], fresh).events.slice(fresh.length);
    expect(escalated?.data).toMatchObject({
      toLevel: 'supervisor',
      trigger: {
        kind: 'manual',
        by: 'RM-1',
        reason: 'the customer asks for a rate only the branch can grant',
      },
    });
  });

  it('cannot send it past the branch head', () =>
    spec(alertDecider)
      .given(atHead)
      .when(escalate('HEAD-1', HEAD_ACK_DUE))
      .thenThrows('top-of-ladder'));

  it('must hold it or be above it', () =>
    spec(alertDecider).given(fresh).when(escalate('RM-3')).thenThrows('not-holder-or-superior'));
});

describe('an alert raised under one policy', () => {
  it('keeps that policy’s clocks, whatever policy is in force later', () => {
    const tighter = structuredClone(TEST_POLICY) as unknown as {
      sla: { fortune: { critical: { rm: { acknowledge: number } } } };
    };
    tighter.sla.fortune.critical.rm.acknowledge = 60;
    const raisedUnderTighter = raisedEvents({ policy: tighter as unknown as typeof TEST_POLICY });
    const { state } = runAlert(
      [acknowledgeCommand('SUP-1', '2026-12-01T01:30:00.000Z')],
      raisedUnderTighter,
    );
    expect(state.status !== 'none' && state.escalation.sla.critical.rm.acknowledge).toBe(60);
    expect(pendingDeadlines(runAlert([], raisedUnderTighter).state)[0]).toEqual({
      rule: 'rm/acknowledge',
      dueAt: '2026-12-01T02:00:00.000Z',
      escalatesTo: 'supervisor',
    });
  });
});
