import fc from 'fast-check';
import { fold } from '@churn/domain-kernel';
import {
  acknowledgeCommand,
  alertCustomer,
  alertSignal,
  escalateOverdueCommand,
  logContactCommand,
  raisedEvents,
  resolveCommand,
  riskCause,
  runAlert,
  TEST_AT,
  TEST_DIRECTORY,
} from '../testing';
import type { AlertCommand } from './alert-commands';
import { RETENTION_ALERT_EVENT_TYPES, type RetentionAlertEvent } from './alert-events';
import { evolveAlert, initialAlertState } from './evolve-alert';

const at = (hour: number, day = 1): string =>
  new Date(Date.parse(`2026-12-0${day}T00:00:00Z`) + hour * 3_600_000).toISOString();
const directory = TEST_DIRECTORY;

/** One alert's life with every kind of event in it. */
const life: readonly AlertCommand[] = [
  acknowledgeCommand('RM-1', at(2)),
  {
    type: 'SnoozeAlert',
    data: { actor: { staffId: 'RM-1' }, at: at(3), directory, until: at(5), reason: 'away' },
  },
  logContactCommand('RM-1', at(6)),
  {
    type: 'MergeRisk',
    data: {
      at: at(7),
      directory,
      cause: riskCause(),
      severity: 'critical',
      signals: [alertSignal('dormancy')],
      customer: alertCustomer(),
    },
  },
  {
    type: 'RecordNotificationAttempt',
    data: {
      at: at(7),
      notificationId: 'A-1:raised:0',
      channel: 'email',
      outcome: 'delivered',
      failure: null,
    },
  },
  {
    type: 'ReassignAlert',
    data: {
      actor: { staffId: 'SUP-1' },
      at: at(8),
      directory,
      to: { kind: 'staff', staffId: 'RM-2' },
      reason: 'leave',
    },
  },
  {
    type: 'EscalateAlert',
    data: { actor: { staffId: 'RM-2' }, at: at(8), directory, reason: 'rate' },
  },
  {
    type: 'EscalateAlert',
    data: { actor: { staffId: 'SUP-1' }, at: at(8), directory, reason: 'rate' },
  },
  escalateOverdueCommand('branch-head/acknowledge', at(9, 2)),
  ...(['email', 'webhook', 'inbox'] as const).map((channel): AlertCommand => ({
    type: 'RecordNotificationAttempt',
    data: {
      at: at(9, 2),
      notificationId: 'A-1:informed:1',
      channel,
      outcome: 'failed',
      failure: 'down',
    },
  })),
  {
    type: 'EaseRisk',
    data: { at: at(10, 2), directory, cause: riskCause({ riskEventType: 'ChurnRiskCleared' }) },
  },
  resolveCommand('HEAD-1', at(11, 2)),
  {
    type: 'ReopenAlert',
    data: {
      at: at(12, 3),
      directory,
      cause: riskCause(),
      severity: 'critical',
      signals: [],
      customer: alertCustomer(),
    },
  },
];

const everyKind: readonly RetentionAlertEvent[] = [
  ...runAlert(life, raisedEvents()).events,
  ...raisedEvents({ previousResolution: { resolvedAt: TEST_AT, severity: 'critical' } }),
];

describe('folding an alert stream', () => {
  it('starts with nothing raised', () =>
    expect(initialAlertState()).toEqual({ status: 'none', suppressed: 0 }));

  it('has, in the test life, every kind of event', () =>
    expect(new Set(everyKind.map((e) => e.type))).toEqual(new Set(RETENTION_ALERT_EVENT_TYPES)));

  it('ignores anything before the raise', () => {
    const [, ...afterRaise] = raisedEvents();
    expect(fold(evolveAlert, initialAlertState(), afterRaise)).toEqual(initialAlertState());
  });

  it('ignores a second raise', () => {
    const state = fold(evolveAlert, initialAlertState(), raisedEvents());
    expect(evolveAlert(state, raisedEvents()[0] as RetentionAlertEvent)).toBe(state);
  });

  it('keeps the first acknowledgement across levels', () => {
    const { state } = runAlert(
      [
        acknowledgeCommand('RM-1', at(2)),
        escalateOverdueCommand('rm/contact', '2026-12-02T09:00:00.000Z'),
        acknowledgeCommand('SUP-1', at(10, 2)),
      ],
      raisedEvents(),
    );
    expect(state).toMatchObject({
      firstAcknowledgedAt: at(2),
      acknowledgedAt: at(10, 2),
      level: 'supervisor',
    });
  });

  it('counts suppressed raises on a stream that never opened', () => {
    const suppressed = raisedEvents({
      previousResolution: { resolvedAt: TEST_AT, severity: 'critical' },
    });
    expect(fold(evolveAlert, initialAlertState(), [...suppressed, ...suppressed])).toEqual({
      status: 'none',
      suppressed: 2,
    });
  });

  it('ends the test life reopened, with its history counted', () =>
    expect(runAlert(life, raisedEvents()).state).toMatchObject({
      status: 'open',
      reopenings: 1,
      escalations: 2,
      contacts: 1,
      breaches: ['branch-head/acknowledge'],
      firedRules: [],
      riskEased: false,
    }));
});

describe('the fold, for any order of any events (evolve is total)', () => {
  it('never throws and always gives a state', () =>
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...everyKind), { maxLength: 40 }), (events) => {
        const state = fold(evolveAlert, initialAlertState(), events);
        expect(['none', 'open', 'resolved']).toContain(state.status);
      }),
    ));
});
