/**
 * Fixtures for tests of the alert domain and of the code built on it (@churn/domain-alert/testing).
 * A small branch `BR-T`; the default policy; a fortune-tier customer of RM-1 in team T-1 with a
 * critical risk, raised on Tuesday 2026-12-01 at 09:00 in Beijing (01:00 UTC), a working day.
 */
import { fold, yuan } from '@churn/domain-kernel';
import type { SignalCode } from '@churn/domain-risk';
import type {
  AcknowledgeAlert,
  AlertCommand,
  EscalateOverdue,
  LogContact,
  RaiseAlert,
  ResolveAlert,
} from '../decider/alert-commands';
import type {
  AlertCustomer,
  AlertSignal,
  RetentionAlertEvent,
  RiskCause,
  SlaRuleId,
} from '../decider/alert-events';
import type { AlertState, RaisedAlert } from '../decider/alert-state';
import { decideAlert } from '../decider/decide-alert';
import { evolveAlert, initialAlertState } from '../decider/evolve-alert';
import type { AlertingPolicy } from '../policy/alerting-policy';
import { DEFAULT_ALERTING_POLICY } from '../policy/default-alerting-policy';
import type { Absence, StaffDirectory, StaffMember, StaffRole } from '../staff/staff-directory';

/** Tuesday 2026-12-01, 09:00 in Beijing: the start of a working day. */
export const TEST_AT = '2026-12-01T01:00:00.000Z';

const member = (staffId: string, role: StaffRole, teamId: string | null): StaffMember => ({
  staffId,
  name: `${role} ${staffId}`,
  role,
  teamId,
  branchId: 'BR-T',
  email: `${staffId.toLowerCase()}@branch-t.example`,
  webhookUrl: null,
  absences: [],
});

/**
 * Branch BR-T, head HEAD-1. Team T-1 (supervisor SUP-1): RM-1, RM-2. Team T-2 (SUP-2): RM-3.
 * Team T-Q (SUP-Q): a retail queue with no RMs. An auditor AUD-1 and an operator OPS-1.
 */
export const TEST_DIRECTORY: StaffDirectory = {
  version: 'test-1',
  staff: [
    member('RM-1', 'rm', 'T-1'),
    member('RM-2', 'rm', 'T-1'),
    member('RM-3', 'rm', 'T-2'),
    member('SUP-1', 'supervisor', 'T-1'),
    member('SUP-2', 'supervisor', 'T-2'),
    member('SUP-Q', 'supervisor', 'T-Q'),
    member('HEAD-1', 'branch-head', null),
    member('AUD-1', 'auditor', null),
    member('OPS-1', 'operator', null),
  ],
  teams: [
    { teamId: 'T-1', branchId: 'BR-T', supervisorId: 'SUP-1' },
    { teamId: 'T-2', branchId: 'BR-T', supervisorId: 'SUP-2' },
    { teamId: 'T-Q', branchId: 'BR-T', supervisorId: 'SUP-Q' },
  ],
  branches: [{ branchId: 'BR-T', headId: 'HEAD-1' }],
};

/** The default policy (2026-11-1). */
export const TEST_POLICY: AlertingPolicy = DEFAULT_ALERTING_POLICY;

/** The directory with `staffId` absent for `absence` (e.g. `{ from, until, delegateId: 'RM-2' }`). */
export const withAbsence = (
  directory: StaffDirectory,
  staffId: string,
  absence: Absence,
): StaffDirectory => ({
  ...directory,
  staff: directory.staff.map((s) =>
    s.staffId === staffId ? { ...s, absences: [...s.absences, absence] } : s,
  ),
});

/** A fortune-tier customer of RM-1 (team T-1), segment A. */
export const alertCustomer = (overrides: Partial<AlertCustomer> = {}): AlertCustomer => ({
  customerId: 'C0012345612',
  tier: 'fortune',
  valueTier: 'fortune',
  aumMinor: yuan(3_000_000),
  peakAumMinor: yuan(3_500_000),
  segment: 'A',
  relationshipManagerId: 'RM-1',
  teamId: 'T-1',
  branchId: 'BR-T',
  ...overrides,
});

export const riskCause = (overrides: Partial<RiskCause> = {}): RiskCause => ({
  riskEventId: 'risk-C0012345612-1',
  riskEventType: 'ChurnRiskRaised',
  score: 80,
  riskPolicyVersion: '2026-11-1',
  assessedOn: '2026-11-30',
  ...overrides,
});

export const alertSignal = (
  code: SignalCode,
  overrides: Partial<AlertSignal> = {},
): AlertSignal => ({
  code,
  strengthBasisPoints: 8_000,
  explanation: `${code}: explained with the customer's own numbers`,
  evidenceEventIds: [`${code}-evidence-1`],
  ...overrides,
});

/** A critical raise of alert A-1 for `alertCustomer()` at `TEST_AT`. */
export const raiseCommand = (overrides: Partial<RaiseAlert['data']> = {}): RaiseAlert => ({
  type: 'RaiseAlert',
  data: {
    alertId: 'A-1',
    customer: alertCustomer(),
    severity: 'critical',
    cause: riskCause(),
    signals: [alertSignal('payroll-stopped')],
    policy: TEST_POLICY,
    previousResolution: null,
    at: TEST_AT,
    directory: TEST_DIRECTORY,
    ...overrides,
  },
});

/** Decides each command against the state folded so far: the events and the final state. */
export const runAlert = (
  commands: readonly AlertCommand[],
  history: readonly RetentionAlertEvent[] = [],
): { readonly events: readonly RetentionAlertEvent[]; readonly state: AlertState } => {
  const events = [...history];
  let state = fold(evolveAlert, initialAlertState(), history);
  for (const command of commands)
    for (const event of decideAlert(command, state)) {
      events.push(event);
      state = evolveAlert(state, event);
    }
  return { events, state };
};

/** The events of `raiseCommand(overrides)`. */
export const raisedEvents = (
  overrides: Partial<RaiseAlert['data']> = {},
): readonly RetentionAlertEvent[] => runAlert([raiseCommand(overrides)]).events;

/** The alert raised by `raiseCommand(overrides)`, with `later` events folded on top. */
export const raisedAlert = (
  overrides: Partial<RaiseAlert['data']> = {},
  ...later: readonly RetentionAlertEvent[]
): RaisedAlert => {
  const state = fold(evolveAlert, initialAlertState(), [...raisedEvents(overrides), ...later]);
  if (state.status === 'none')
    throw new Error('raiseCommand did not raise an alert (below minimum or throttled)');
  return state;
};

export const acknowledgeCommand = (
  staffId: string,
  at: string,
  directory = TEST_DIRECTORY,
): AcknowledgeAlert => ({
  type: 'AcknowledgeAlert',
  data: { actor: { staffId }, at, directory },
});

export const logContactCommand = (
  staffId: string,
  at: string,
  directory = TEST_DIRECTORY,
): LogContact => ({
  type: 'LogContact',
  data: {
    actor: { staffId },
    at,
    directory,
    channel: 'phone',
    summary: 'Called the customer about the salary',
    nextStep: 'Branch meeting on Friday',
    nextStepDueAt: null,
  },
});

export const resolveCommand = (
  staffId: string,
  at: string,
  overrides: Partial<ResolveAlert['data']> = {},
): ResolveAlert => ({
  type: 'ResolveAlert',
  data: {
    actor: { staffId },
    at,
    directory: TEST_DIRECTORY,
    outcome: 'retained',
    reason: 'rate',
    reasonText: null,
    ...overrides,
  },
});

export const escalateOverdueCommand = (
  rule: SlaRuleId,
  dueAt: string,
  at = dueAt,
  directory = TEST_DIRECTORY,
): EscalateOverdue => ({
  type: 'EscalateOverdue',
  data: { rule, dueAt, at, directory },
});

/**
 * A deep copy of `value` with each `[path, replacement]` applied: paths like `sla.fortune.critical`
 * or `staff.0.teamId` (numbers index lists); `undefined` removes the key. For tests of the
 * validators: `edited(DEFAULT_ALERTING_POLICY, [['noise.throttleDays', -1]])`.
 */
export const edited = (value: unknown, edits: readonly (readonly [string, unknown])[]): unknown => {
  const copy: unknown = structuredClone(value);
  for (const [path, replacement] of edits) {
    const keys = path.split('.');
    const last = keys.pop() ?? '';
    let node = copy as Record<string, unknown>;
    for (const key of keys) node = node[key] as Record<string, unknown>;
    if (replacement === undefined) delete node[last];
    else node[last] = replacement;
  }
  return copy;
};
