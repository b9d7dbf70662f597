import {
  ordinaryBandOf,
  evolveCustomer,
  initialCustomer,
  type CustomerState,
} from '@churn/domain-customer';
import {
  evolveEmployer,
  initialEmployer,
  retentionRate,
  type EmployerState,
} from '@churn/domain-employer';
import { dayOfBankDate } from '@churn/domain-kernel';
import { simulateBranch } from '../branch/simulate-branch';
import {
  ORDINARY_BAND_SHARES,
  TABLE_3_4,
  THESIS_CUSTOMERS,
  YEAR_BEFORE_TIER_COUNTS,
} from './thesis-figures';

const CUSTOMERS = 12_000;
const scale = CUSTOMERS / THESIS_CUSTOMERS;

/** One pass over a 12,000-customer branch, folding what the calibration checks need. */
const simulation = simulateBranch({ seed: 11, customers: CUSTOMERS, years: 14 / 12 });
const lastYear = {
  fromDay: dayOfBankDate('2022-06-01'),
  toDay: dayOfBankDate(simulation.snapshotDate),
};
const states = new Map<string, CustomerState>();
const employers = new Map<string, EmployerState>(
  TABLE_3_4.map((row) => [`E-${row.label}`, initialEmployer(`E-${row.label}`, lastYear)]),
);
const tiersYearBefore: Record<string, number> = {};
const aumAtMonthEnd = new Map<string, number>();
const dailyAum = new Map<string, number>();
let payDatesAfterFifteenth = 0;
const nps = { promoter: 0, passive: 0, detractor: 0 };
let branchAum = 0;
let previousDay = '';
for (const { date, facts } of simulation.days) {
  if (previousDay <= '2022-06-30' && date > '2022-06-30')
    for (const s of states.values()) tiersYearBefore[s.tier] = (tiersYearBefore[s.tier] ?? 0) + 1;
  for (const fact of facts) {
    let state = states.get(fact.data.customerId);
    if (state === undefined) states.set(fact.data.customerId, (state = initialCustomer()));
    const before = state.aumMinor;
    evolveCustomer(state, fact);
    branchAum += state.aumMinor - before;
    if (fact.type === 'PayrollCredited' && Number(fact.data.occurredAt.slice(8, 10)) > 15)
      payDatesAfterFifteenth += 1;
    if (fact.type === 'SurveyAnswered' && !fact.data.surveyId.includes('FOLLOW-UP'))
      nps[fact.data.score >= 9 ? 'promoter' : fact.data.score >= 7 ? 'passive' : 'detractor'] += 1;
    // The employer fold reads salaries and transfers to other banks; nothing else moves it.
    if (
      fact.type === 'PayrollCredited' ||
      (fact.type === 'TransactionPosted' && fact.data.otherBank && fact.data.direction === 'debit')
    )
      for (const employer of employers.values()) evolveEmployer(employer, fact);
  }
  dailyAum.set(date, branchAum);
  aumAtMonthEnd.set(date.slice(0, 7), branchAum);
  previousDay = date;
}

describe('a branch of 12,000 customers calibrated to the thesis', () => {
  it('counts the snapshot tiers of Table 3.1 (May 2023), scaled, to the customer', () => {
    const tiers: Record<string, number> = {};
    for (const s of states.values()) tiers[s.tier] = (tiers[s.tier] ?? 0) + 1;
    expect(tiers).toMatchObject({
      'wealth-management': simulation.snapshotQuotas['wealth-management'],
      fortune: simulation.snapshotQuotas.fortune,
      'private-banking': simulation.snapshotQuotas['private-banking'],
    });
    expect(Math.abs((tiers['wealth-management'] ?? 0) - 5_373 * scale)).toBeLessThanOrEqual(
      5_373 * scale * 0.02,
    );
    expect(Math.abs((tiers['fortune'] ?? 0) - 1_010 * scale)).toBeLessThanOrEqual(
      1_010 * scale * 0.02,
    );
  });

  it('spreads ordinary customers over the balance bands of §3.2.1 (40.05% with nothing)', () => {
    const bands: Record<string, number> = {};
    for (const s of states.values()) {
      const band = ordinaryBandOf(s.aumMinor);
      if (band !== null) bands[band] = (bands[band] ?? 0) + 1;
    }
    for (const [band, share] of Object.entries(ORDINARY_BAND_SHARES))
      expect(Math.abs((bands[band] ?? 0) / CUSTOMERS - share)).toBeLessThan(0.002);
  });

  it("had about Table 3.1's June 2022 counts a year before the snapshot", () => {
    expect(
      (tiersYearBefore['wealth-management'] ?? 0) /
        (YEAR_BEFORE_TIER_COUNTS['wealth-management'] * scale),
    ).toBeGreaterThan(0.9);
    expect(
      (tiersYearBefore['wealth-management'] ?? 0) /
        (YEAR_BEFORE_TIER_COUNTS['wealth-management'] * scale),
    ).toBeLessThan(1.1);
    expect(
      (tiersYearBefore['fortune'] ?? 0) / (YEAR_BEFORE_TIER_COUNTS.fortune * scale),
    ).toBeGreaterThan(0.85);
    expect(
      (tiersYearBefore['fortune'] ?? 0) / (YEAR_BEFORE_TIER_COUNTS.fortune * scale),
    ).toBeLessThan(1.15);
  });

  it("holds about Table 3.2's 3.66 billion CNY of personal assets, scaled (within 20%)", () => {
    const thesis = 366_049 * 1_000_000 * scale;
    expect(Math.abs(branchAum - thesis) / thesis).toBeLessThan(0.2);
  });

  it.each(
    TABLE_3_4.map(
      (row) => [row.label, row.annualPayroll10k, row.employees, row.retentionPercent] as const,
    ),
  )(
    "pays employer %s's payroll (%d, 10k CNY, %d employees) and keeps its %d% retention within 1.5 points",
    (label, payroll10k, employees, percent) => {
      const state = employers.get(`E-${label}`) as EmployerState;
      const retention = retentionRate(state);
      const headcount = Math.max(1, Math.round(employees * scale));
      expect(state.employees.size).toBeLessThanOrEqual(headcount);
      expect(state.employees.size).toBeGreaterThanOrEqual(Math.floor(headcount * 0.93));
      expect(
        retention.disbursedMinor / ((payroll10k * 1_000_000 * headcount) / employees),
      ).toBeGreaterThan(0.93);
      expect(Math.abs((retention.basisPoints ?? 0) / 100 - percent)).toBeLessThan(1.5);
    },
  );

  it('pays salary in the first half of the month only, and the tide drains it in the second', () => {
    expect(payDatesAfterFifteenth).toBe(0);
    const change = (from: string, to: string) =>
      (dailyAum.get(to) ?? 0) - (dailyAum.get(from) ?? 0);
    expect(change('2023-04-30', '2023-05-15')).toBeGreaterThan(0);
    expect(change('2023-05-15', '2023-05-31')).toBeLessThan(0);
  });

  it("hears the survey's NPS: about 34% promoters and 37% detractors (§3.3)", () => {
    const answers = nps.promoter + nps.passive + nps.detractor;
    expect(answers).toBeGreaterThan(1_000);
    expect(Math.abs(nps.promoter / answers - 0.3415)).toBeLessThan(0.05);
    expect(Math.abs(nps.detractor / answers - 0.3743)).toBeLessThan(0.05);
  });

  it("gains in March with the spring campaign's money and loses it again in April (Table 3.2)", () => {
    const month = (period: string) => aumAtMonthEnd.get(period) ?? 0;
    const march = month('2023-03') - month('2023-02');
    const april = month('2023-04') - month('2023-03');
    expect(march).toBeGreaterThan(april);
    expect(april).toBeLessThan(0);
  });
});
