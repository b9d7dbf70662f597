import { yuan } from '@churn/domain-kernel';
import type {
  ChurnRiskChanged,
  ChurnRiskCleared,
  ChurnRiskRaised,
  Signal,
} from '@churn/domain-risk';
import { alertCustomer, riskCause, TEST_POLICY } from '../testing';
import type { AlertSeverity } from '../decider/alert-vocabulary';
import {
  alertActionFor,
  riskForAlert,
  type CustomerAlertEntry,
  type RiskForAlert,
} from './alert-for-risk';

const signal: Signal = {
  code: 'payroll-drain',
  strengthBasisPoints: 7_500,
  evidenceEventIds: ['tx-1', 'tx-2'],
  measures: [{ name: 'drained-share', value: 8_000, threshold: 6_000, unit: 'basis-points' }],
  explanation: 'Salary of 25,000 CNY moved to another bank within 3 days',
};

const common = {
  customerId: 'C0012345612',
  sequence: 3,
  score: 81,
  signals: [signal],
  policyVersion: '2026-11-2',
  assessedOn: '2026-11-30',
  customer: {
    tier: 'fortune',
    aumMinor: yuan(1_200_000),
    segment: 'B',
    relationshipManagerId: 'RM-1',
    teamId: 'T-1',
    branchId: 'BR-T',
  },
  value: { peakAumMinor: yuan(7_000_000), tier: 'private-banking', weightBasisPoints: 15_000 },
  occurredAt: '2026-11-30T23:59:59.999+08:00',
} as const;

const raised: ChurnRiskRaised = {
  type: 'ChurnRiskRaised',
  schemaVersion: 2,
  data: { ...common, band: 'critical' },
};
const cleared: ChurnRiskCleared = {
  type: 'ChurnRiskCleared',
  schemaVersion: 2,
  data: {
    ...common,
    band: 'none',
    previousScore: 40,
    previousBand: 'watch',
    easingSince: '2026-11-20',
  },
};
const changed = (band: AlertSeverity): ChurnRiskChanged => ({
  type: 'ChurnRiskChanged',
  schemaVersion: 2,
  data: {
    ...common,
    band,
    previousScore: 50,
    previousBand: 'watch',
    reasons: ['band-raised'],
    easingSince: null,
  },
});

describe('a risk event read for alerting', () => {
  it('carries both tiers, the peak AUM, the cause and the signals as the alert keeps them', () =>
    expect(riskForAlert(raised, 'ev-42')).toEqual({
      customer: {
        customerId: 'C0012345612',
        tier: 'fortune',
        valueTier: 'private-banking',
        aumMinor: yuan(1_200_000),
        peakAumMinor: yuan(7_000_000),
        segment: 'B',
        relationshipManagerId: 'RM-1',
        teamId: 'T-1',
        branchId: 'BR-T',
      },
      severity: 'critical',
      cause: {
        riskEventId: 'ev-42',
        riskEventType: 'ChurnRiskRaised',
        score: 81,
        riskPolicyVersion: '2026-11-2',
        assessedOn: '2026-11-30',
      },
      signals: [
        {
          code: 'payroll-drain',
          strengthBasisPoints: 7_500,
          explanation: 'Salary of 25,000 CNY moved to another bank within 3 days',
          evidenceEventIds: ['tx-1', 'tx-2'],
        },
      ],
    }));

  it('has no severity when the risk is cleared', () =>
    expect(riskForAlert(cleared, 'ev-43').severity).toBeNull());

  it('takes the band of a change as the severity', () =>
    expect(riskForAlert(changed('warning'), 'ev-44').severity).toBe('warning'));
});

const AT = '2026-12-20T01:00:00.000Z';
const risk = (
  severity: AlertSeverity | null,
  riskEventType: RiskForAlert['cause']['riskEventType'] = 'ChurnRiskRaised',
  valueTier: RiskForAlert['customer']['valueTier'] = 'fortune',
): RiskForAlert => ({
  customer: alertCustomer({ valueTier }),
  severity,
  cause: riskCause({ riskEventType }),
  signals: [],
});
const open: CustomerAlertEntry = {
  alertId: 'A-1',
  status: 'open',
  severity: 'warning',
  resolvedAt: null,
};
const resolvedOn = (
  resolvedAt: string,
  severity: AlertSeverity = 'warning',
): CustomerAlertEntry => ({
  alertId: 'A-1',
  status: 'resolved',
  severity,
  resolvedAt,
});
const RECENTLY = '2026-12-10T01:00:00.000Z'; // 10 days before AT: within reopenWithinDays (14)
const LONG_AGO = '2026-11-01T01:00:00.000Z';

describe('what to do with a risk event (one open alert per customer)', () => {
  it.each([
    ['raises an alert for a customer with none', null, risk('watch'), { kind: 'raise' }],
    [
      'merges into the open alert',
      open,
      risk('critical', 'ChurnRiskChanged'),
      { kind: 'merge', alertId: 'A-1' },
    ],
    [
      'merges a weaker signal too (the decider drops it as noise)',
      open,
      risk('watch', 'ChurnRiskChanged'),
      { kind: 'merge', alertId: 'A-1' },
    ],
    [
      'eases the open alert when the risk clears',
      open,
      risk(null, 'ChurnRiskCleared'),
      { kind: 'ease', alertId: 'A-1' },
    ],
    [
      'ignores a clear with nothing open',
      null,
      risk(null, 'ChurnRiskCleared'),
      { kind: 'ignore', why: 'nothing-open' },
    ],
    [
      'ignores a clear after a resolution',
      resolvedOn(RECENTLY),
      risk(null, 'ChurnRiskCleared'),
      { kind: 'ignore', why: 'nothing-open' },
    ],
    [
      'reopens a recent case when a new risk is raised',
      resolvedOn(RECENTLY),
      risk('watch'),
      { kind: 'reopen', alertId: 'A-1' },
    ],
    [
      'reopens a recent case when the band rises above it',
      resolvedOn(RECENTLY),
      risk('critical', 'ChurnRiskChanged'),
      { kind: 'reopen', alertId: 'A-1' },
    ],
    [
      'leaves a recent case closed when the risk merely changes',
      resolvedOn(RECENTLY),
      risk('warning', 'ChurnRiskChanged'),
      { kind: 'ignore', why: 'resolved-recently' },
    ],
    [
      'raises a new alert when the last was resolved long ago',
      resolvedOn(LONG_AGO),
      risk('warning', 'ChurnRiskChanged'),
      { kind: 'raise' },
    ],
    [
      'ignores an ordinary customer below critical',
      null,
      risk('warning', 'ChurnRiskRaised', 'ordinary'),
      { kind: 'ignore', why: 'below-tier-minimum' },
    ],
    [
      'raises for an ordinary customer at critical',
      null,
      risk('critical', 'ChurnRiskRaised', 'ordinary'),
      { kind: 'raise' },
    ],
  ] as const)('%s', (_what, latest, event, action) =>
    expect(alertActionFor(latest, event, TEST_POLICY, AT)).toEqual(action),
  );

  it('judges the tier minimum by the value tier, not today’s tier', () => {
    const fallen = {
      ...risk('warning'),
      customer: alertCustomer({ tier: 'ordinary', valueTier: 'fortune' }),
    };
    expect(alertActionFor(null, fallen, TEST_POLICY, AT)).toEqual({ kind: 'raise' });
  });
});
