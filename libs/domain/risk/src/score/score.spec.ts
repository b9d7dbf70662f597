import type { Tier } from '@churn/domain-customer';
import { DEFAULT_RISK_POLICY as policy } from '../policy/risk-policy';
import { SIGNAL_CODES, type Signal, type SignalCode } from '../signals/signal';
import { CustomerStory, day } from '../testing/customer-story';
import { customerValueOf, scoreOf, type RiskBand } from './score';

const signal = (code: SignalCode, strengthBasisPoints: number): Signal => ({
  code,
  strengthBasisPoints,
  evidenceEventIds: [],
  measures: [],
  explanation: '',
});

const valueOf = (tier: Tier) => ({
  peakAumMinor: 0,
  tier,
  weightBasisPoints: policy.weights.valueByTier[tier],
});

describe("the risk score: 1 − Π(1 − wᵢ·sᵢ), scaled by the value of the customer's tier", () => {
  it.each<[string, readonly Signal[], Tier, number, number, RiskBand]>([
    // [situation, signals, tier, combined basis points, score, band]
    ['no signals', [], 'wealth-management', 0, 0, 'none'],
    [
      'salary stopped, wealth-management (neutral value)',
      [signal('payroll-stopped', 10_000)],
      'wealth-management',
      6_000,
      60,
      'warning',
    ],
    [
      'salary stopped, ordinary (weighted down to 0.7)',
      [signal('payroll-stopped', 10_000)],
      'ordinary',
      6_000,
      42,
      'watch',
    ],
    [
      'salary stopped, fortune (1.25)',
      [signal('payroll-stopped', 10_000)],
      'fortune',
      6_000,
      75,
      'critical',
    ],
    [
      'salary stopped, private banking (1.5)',
      [signal('payroll-stopped', 10_000)],
      'private-banking',
      6_000,
      90,
      'critical',
    ],
    [
      'one pay day missed and the salary drained',
      [signal('payroll-stopped', 7_500), signal('payroll-drain', 10_000)],
      'wealth-management',
      6_975,
      70,
      'warning',
    ],
    [
      'a mild detractor alone',
      [signal('dissatisfaction', 5_000)],
      'wealth-management',
      1_500,
      15,
      'none',
    ],
    [
      'a matured deposit not rolled over alone, private banking',
      [signal('maturity-not-rolled-over', 7_000)],
      'private-banking',
      2_450,
      37,
      'watch',
    ],
    [
      'every signal at full strength, private banking: capped at 100',
      SIGNAL_CODES.map((c) => signal(c, 10_000)),
      'private-banking',
      9_911,
      100,
      'critical',
    ],
  ])('%s', (_situation, signals, tier, combined, score, band) => {
    const result = scoreOf(signals, valueOf(tier), policy);
    expect([result.combinedBasisPoints, result.score, result.band]).toEqual([
      combined,
      score,
      band,
    ]);
  });

  it('lists contributions in the fixed order of the signal codes, whatever the order given', () => {
    const result = scoreOf(
      [signal('dormancy', 8_000), signal('payroll-drain', 6_000)],
      valueOf('fortune'),
      policy,
    );
    expect(result.contributions).toEqual([
      {
        code: 'payroll-drain',
        weightBasisPoints: 4_500,
        strengthBasisPoints: 6_000,
        termBasisPoints: 2_700,
      },
      {
        code: 'dormancy',
        weightBasisPoints: 4_000,
        strengthBasisPoints: 8_000,
        termBasisPoints: 3_200,
      },
    ]);
  });
});

describe('the value of a customer (80/20)', () => {
  it('weighs a private-banking client who has just moved everything out as private banking', () => {
    const story = new CustomerStory().onboard('2024-01-01');
    story.deposit('2024-01-02', 7_000_000);
    story.toOtherBank('2024-03-01', 7_000_000);
    const { customer } = story.fold();
    expect(customerValueOf(customer, day('2024-03-10'), policy)).toEqual({
      peakAumMinor: 700_000_000,
      tier: 'private-banking',
      weightBasisPoints: 15_000,
    });
    expect(customerValueOf(customer, day('2024-07-01'), policy).tier).toBe('ordinary');
  });
});
