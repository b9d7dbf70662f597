import {
  evolveCustomer,
  initialCustomer,
  TIERS,
  type CustomerState,
  type Tier,
} from '@churn/domain-customer';
import { bankDayOfInstant, type BankFact } from '@churn/domain-facts';
import {
  evolveEmployer,
  initialEmployer,
  retentionRate,
  type EmployerState,
} from '@churn/domain-employer';
import {
  simulateBranch,
  TABLE_3_4,
  THESIS_CUSTOMERS,
  YEAR_BEFORE_TIER_COUNTS,
} from '@churn/simulator';
import { BranchAnalyticsModel } from './branch-analytics.model';
import { employerRetentionView } from './employer-views';
import { firstDayOf, monthIndexOf, monthOfDay, monthText, type MonthIndex } from './months';
import { recordedFacts } from './testing/branch-store';
import { TIER_KEYS, tierCountsView, tierMigrationView } from './tier-views';

/**
 * A 12,000-customer branch over the 14 months to 31 May 2023 (libs/simulator, seed 11: the
 * simulator's own calibration run), folded as the store hands its facts over; every figure is
 * checked against the domain folds run directly over the same facts.
 */
const CUSTOMERS = 12_000;
const simulation = simulateBranch({ seed: 11, customers: CUSTOMERS, years: 14 / 12 });
const facts: readonly BankFact[] = [...simulation.facts];
const scale = CUSTOMERS / THESIS_CUSTOMERS;
const FIRST = monthIndexOf(simulation.startDate);
const LAST = monthIndexOf(simulation.snapshotDate);
const YEAR = { from: monthIndexOf('2022-06'), to: monthIndexOf('2023-05') };

/** The independent check: the domain's customer fold, every customer's tier at each month-end. */
const direct = (() => {
  const states = new Map<string, CustomerState>();
  const tiersAt = new Map<MonthIndex, Map<string, Tier>>();
  const yearWindow = { fromDay: firstDayOf(YEAR.from), toDay: firstDayOf(YEAR.to + 1) - 1 };
  const employers = new Map<string, EmployerState>(
    simulation.employers.map((e) => [e.employerId, initialEmployer(e.employerId, yearWindow)]),
  );
  const snapshot = (month: MonthIndex) =>
    tiersAt.set(month, new Map([...states].map(([id, s]) => [id, s.tier])));
  let month = FIRST;
  for (const fact of facts) {
    const factMonth = monthOfDay(bankDayOfInstant(fact.data.occurredAt) ?? 0);
    for (; month < factMonth; month++) snapshot(month);
    let state = states.get(fact.data.customerId);
    if (state === undefined) states.set(fact.data.customerId, (state = initialCustomer()));
    evolveCustomer(state, fact);
    if (
      fact.type === 'PayrollCredited' ||
      (fact.type === 'TransactionPosted' && fact.data.otherBank && fact.data.direction === 'debit')
    )
      for (const employer of employers.values()) evolveEmployer(employer, fact);
  }
  snapshot(month);
  return { tiersAt, employers };
})();

const countsAt = (month: MonthIndex) => {
  const counts = { ordinary: 0, wealthManagement: 0, fortune: 0, privateBanking: 0 };
  for (const tier of direct.tiersAt.get(month)?.values() ?? []) counts[TIER_KEYS[tier]]++;
  return counts;
};

/** STYLE.md: a projection is tested as events folded into it, against the expected document. */
const model = new BranchAnalyticsModel();
for (const recorded of recordedFacts(facts)) model.evolve(recorded);

describe('a simulated branch folded by the branch analytics', () => {
  it('counts at every month-end the tiers the domain fold gives each customer', () => {
    const view = tierCountsView(model, { from: FIRST, to: LAST });
    expect(view.rows).toHaveLength(14);
    expect(view.asOf).toBe(simulation.snapshotDate);
    for (const row of view.rows) {
      const { ordinary, wealthManagement, fortune, privateBanking } = row;
      expect({ month: row.month, ordinary, wealthManagement, fortune, privateBanking }).toEqual({
        month: row.month,
        ...countsAt(monthIndexOf(row.month)),
      });
    }
    expect(view.rows[13]?.total).toBe(CUSTOMERS);
  });

  it('moves customers between tiers from June 2022 to May 2023 as the domain fold does', () => {
    const view = tierMigrationView(model, YEAR);
    const [before, after] = [direct.tiersAt.get(YEAR.from), direct.tiersAt.get(YEAR.to)];
    const expected = TIERS.map(() => TIERS.map(() => 0));
    for (const [id, tier] of before ?? []) {
      const row = expected[TIERS.indexOf(tier)] as number[];
      const column = TIERS.indexOf(after?.get(id) as Tier);
      row[column] = (row[column] ?? 0) + 1;
    }
    expect(view.matrix).toEqual(expected);
    const june = tierCountsView(model, { from: YEAR.from, to: YEAR.from }).rows[0];
    expect(view.matrix.flat().reduce((a, b) => a + b, 0)).toBe(june?.total);
    expect(view.customersAtFrom).toBe(before?.size);
    expect(view.customersAtTo).toBe(after?.size);
    expect(view.stayed + view.movedUp + view.movedDown).toBe(view.customersAtFrom);
  });

  it("keeps each employer's payroll retention of the year as the domain employer fold does", () => {
    const view = employerRetentionView(model, YEAR, new Map(), 1_000);
    expect(view.employers.length).toBeGreaterThanOrEqual(10);
    for (const row of view.employers) {
      const state = direct.employers.get(row.employerId) as EmployerState;
      const retention = retentionRate(state);
      const paid = new Set([...state.batches.values()].flatMap((b) => [...b.employees]));
      expect({ ...row, trend: [], payrollAtRisk: null }).toEqual({
        employerId: row.employerId,
        name: null,
        headcount: paid.size,
        disbursedMinor: retention.disbursedMinor,
        retainedMinor: retention.retainedMinor,
        retentionBasisPoints: retention.basisPoints,
        trend: [],
        payrollAtRisk: null,
      });
      expect(row.trend.map((m) => m.month)).toEqual(
        Array.from({ length: 12 }, (_, i) => monthText(YEAR.from + i)),
      );
      expect(row.trend.reduce((sum, m) => sum + m.disbursedMinor, 0)).toBe(row.disbursedMinor);
    }
  });
});

describe('the simulated branch against the thesis, scaled to 12,000 customers', () => {
  it('counts the mid/high-end tiers of Table 3.1 in May 2023, as the simulator planned them', () => {
    const may = tierCountsView(model, { from: LAST, to: LAST }).rows[0];
    expect(may).toMatchObject({
      month: '2023-05',
      wealthManagement: simulation.snapshotQuotas['wealth-management'],
      fortune: simulation.snapshotQuotas.fortune,
      privateBanking: simulation.snapshotQuotas['private-banking'],
    });
    expect(Math.abs((may?.wealthManagement ?? 0) - 5_373 * scale)).toBeLessThanOrEqual(
      5_373 * scale * 0.02,
    );
  });

  it("had about Table 3.1's June 2022 counts a year before", () => {
    const june = tierCountsView(model, YEAR).rows[0];
    const wm =
      (june?.wealthManagement ?? 0) / (YEAR_BEFORE_TIER_COUNTS['wealth-management'] * scale);
    const fortune = (june?.fortune ?? 0) / (YEAR_BEFORE_TIER_COUNTS.fortune * scale);
    expect(wm).toBeGreaterThan(0.9);
    expect(wm).toBeLessThan(1.1);
    expect(fortune).toBeGreaterThan(0.85);
    expect(fortune).toBeLessThan(1.15);
  });

  it.each(TABLE_3_4.map((row) => [row.label, row.retentionPercent] as const))(
    'keeps employer %s at its Table 3.4 retention of %d% within 1.5 points',
    (label, percent) => {
      const view = employerRetentionView(model, YEAR, new Map(), 1_000);
      const row = view.employers.find((e) => e.employerId === `E-${label}`);
      expect(Math.abs((row?.retentionBasisPoints ?? 0) / 100 - percent)).toBeLessThan(1.5);
    },
  );
});
