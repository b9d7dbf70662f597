import fc from 'fast-check';
import { DomainError } from '@churn/domain-kernel';
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
  TEST_DIRECTORY,
} from '../testing';
import type { AlertCommand } from './alert-commands';
import type { AlertState } from './alert-state';
import { decideAlert } from './decide-alert';
import { nextDeadline, pendingDeadlines } from './deadlines';
import { evolveAlert, initialAlertState } from './evolve-alert';

/** Fortune, critical: RM acknowledge 480, contact 960, resolve 4800 business minutes. */
const fresh = raisedEvents();
const rules = (state: AlertState) => pendingDeadlines(state).map((d) => [d.rule, d.dueAt]);

const snooze = (until: string, at: string): AlertCommand => ({
  type: 'SnoozeAlert',
  data: {
    actor: { staffId: 'RM-1' },
    at,
    directory: TEST_DIRECTORY,
    until,
    reason: 'customer travelling',
  },
});

describe('the clocks of a new critical alert for a fortune-tier customer (raised Tuesday 09:00)', () => {
  it('run for acknowledging, contact and resolution, earliest first', () =>
    expect(pendingDeadlines(runAlert([], fresh).state)).toEqual([
      { rule: 'rm/acknowledge', dueAt: '2026-12-01T09:00:00.000Z', escalatesTo: 'supervisor' },
      { rule: 'rm/contact', dueAt: '2026-12-02T09:00:00.000Z', escalatesTo: 'supervisor' },
      { rule: 'rm/resolve', dueAt: '2026-12-14T09:00:00.000Z', escalatesTo: 'supervisor' },
    ]));

  it('lose the acknowledge clock once acknowledged', () =>
    expect(
      rules(runAlert([acknowledgeCommand('RM-1', '2026-12-01T02:00:00Z')], fresh).state),
    ).toEqual([
      ['rm/contact', '2026-12-02T09:00:00.000Z'],
      ['rm/resolve', '2026-12-14T09:00:00.000Z'],
    ]));

  it('keep only the resolve clock once the customer was contacted', () =>
    expect(
      rules(runAlert([logContactCommand('RM-1', '2026-12-01T02:00:00Z')], fresh).state),
    ).toEqual([['rm/resolve', '2026-12-14T09:00:00.000Z']]));

  it('start again at the end of a snooze that ends later', () =>
    expect(
      rules(
        runAlert(
          [
            acknowledgeCommand('RM-1', '2026-12-01T02:00:00Z'),
            snooze('2026-12-03T01:00:00.000Z', '2026-12-01T03:00:00Z'),
          ],
          fresh,
        ).state,
      ),
    ).toEqual([
      ['rm/contact', '2026-12-04T09:00:00.000Z'],
      ['rm/resolve', '2026-12-16T09:00:00.000Z'],
    ]));

  it('tighten when the severity rises', () => {
    const warning = raisedEvents({ severity: 'warning' });
    const merge: AlertCommand = {
      type: 'MergeRisk',
      data: {
        at: '2026-12-01T02:00:00Z',
        directory: TEST_DIRECTORY,
        cause: riskCause(),
        severity: 'critical',
        signals: [alertSignal('payroll-stopped')],
        customer: alertCustomer(),
      },
    };
    expect(nextDeadline(runAlert([], warning).state)?.dueAt).toBe('2026-12-02T09:00:00.000Z');
    expect(nextDeadline(runAlert([merge], warning).state)?.dueAt).toBe('2026-12-01T09:00:00.000Z');
  });

  it('stop when the risk eases', () =>
    expect(
      pendingDeadlines(
        runAlert(
          [
            {
              type: 'EaseRisk',
              data: { at: '2026-12-01T02:00:00Z', directory: TEST_DIRECTORY, cause: riskCause() },
            },
          ],
          fresh,
        ).state,
      ),
    ).toEqual([]));

  it('stop when the alert is resolved', () =>
    expect(
      pendingDeadlines(runAlert([resolveCommand('RM-1', '2026-12-01T02:00:00Z')], fresh).state),
    ).toEqual([]));

  it('do not exist before an alert is raised', () =>
    expect(nextDeadline(initialAlertState())).toBeNull());
});

/** Any command a day might bring, at `at`; refused ones are simply skipped. */
const commandAt = (kind: number, at: string, state: AlertState): AlertCommand => {
  const due = pendingDeadlines(state)[0];
  switch (kind) {
    case 0:
      return acknowledgeCommand('HEAD-1', at);
    case 1:
      return logContactCommand('HEAD-1', at);
    case 2:
      return snooze(new Date(Date.parse(at) + 86_400_000).toISOString(), at);
    case 3:
      return escalateOverdueCommand(due?.rule ?? 'rm/resolve', due?.dueAt ?? at, at);
    case 4:
      return {
        type: 'EscalateAlert',
        data: { actor: { staffId: 'HEAD-1' }, at, directory: TEST_DIRECTORY, reason: 'late' },
      };
    default:
      return {
        type: 'ReassignAlert',
        data: {
          actor: { staffId: 'HEAD-1' },
          at,
          directory: TEST_DIRECTORY,
          to: { kind: 'staff', staffId: 'RM-2' },
          reason: 'leave',
        },
      };
  }
};

describe('the clocks, for any sequence of acknowledgements, contacts, snoozes, escalations and reassignments', () => {
  const steps = fc.array(
    fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 1, max: 3 * 86_400 })),
    { maxLength: 12 },
  );

  it('never run out before the level (or holder) started, and never for a rule that has fired', () =>
    fc.assert(
      fc.property(steps, (plan) => {
        let state = runAlert([], fresh).state;
        let now = Date.parse('2026-12-01T01:00:00Z');
        for (const [kind, seconds] of plan) {
          now += seconds * 1_000;
          const command = commandAt(kind, new Date(now).toISOString(), state);
          try {
            for (const event of decideAlert(command, state)) state = evolveAlert(state, event);
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
          }
          if (state.status === 'none') continue;
          const { levelSince, firedRules } = state;
          for (const deadline of pendingDeadlines(state)) {
            expect(Date.parse(deadline.dueAt)).toBeGreaterThanOrEqual(Date.parse(levelSince));
            expect(firedRules).not.toContain(deadline.rule);
          }
        }
      }),
    ));
});
