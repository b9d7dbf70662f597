import { dayOfBankDate, fold, yuan } from '@churn/domain-kernel';
import type { BankFact } from '@churn/domain-facts';
import { at, payrollCredited, posted } from '@churn/domain-customer/testing';
import { evolveEmployer } from './evolve-employer';
import { initialEmployer, type EmployerState } from './employer-state';
import { combinedRetention, retentionPercent, retentionRate } from './retention';
import { payrollYear } from './testing/payroll-year';

/** Thesis Table 3.4 (前十大代发客户数据汇总): 10k CNY a year, employees, retention, retained. */
const TABLE_3_4 = [
  ['A', 97_576, 5205, 20.53, 20_032],
  ['B', 20_178, 2562, 21.15, 4_268],
  ['C', 16_767, 5768, 6.47, 1_085],
  ['D', 13_042, 1007, 38.53, 5_025],
  ['E', 6_764, 512, 10.2, 690],
  ['F', 6_629, 794, 3.06, 203],
  ['G', 4_112, 1474, 20.51, 843],
  ['H', 3_550, 805, 9.41, 334],
  ['I', 2_697, 256, -21.29, -574],
  ['J', 2_062, 633, 11.41, 235],
] as const;

describe("the branch's top ten payroll employers over 2022 (thesis Table 3.4)", () => {
  const months = TABLE_3_4.map(([employerId, annualPayroll10k, employees, percent], i) =>
    payrollYear(
      { employerId, annualPayroll10k, employees, retentionBasisPoints: Math.round(percent * 100) },
      2022,
      i + 1,
    ),
  );
  const window = { fromDay: dayOfBankDate('2022-01-01'), toDay: dayOfBankDate('2022-12-31') };
  const folds = new Map<string, EmployerState>(
    TABLE_3_4.map(([id]) => [id, initialEmployer(id, window)]),
  );
  // One merged feed in business-time order, every fact offered to every employer's fold.
  for (let m = 0; m < 12; m++) {
    for (const employerMonths of months) {
      for (const f of employerMonths[m] ?? [])
        for (const state of folds.values()) evolveEmployer(state, f);
    }
  }

  it.each(TABLE_3_4)(
    'employer %s: %d (10k CNY) paid to %d employees, %d% retained, %d (10k CNY) held',
    (id, payroll10k, employees, percent, retained10k) => {
      const state = folds.get(id) as EmployerState;
      const retention = retentionRate(state);
      expect(retention.disbursedMinor).toBe(payroll10k * 1_000_000);
      expect(retentionPercent(retention)?.toFixed(2)).toBe(percent.toFixed(2));
      expect(Math.round(retention.retainedMinor / 1_000_000)).toBe(retained10k);
      expect(state.employees.size).toBe(employees);
      expect([...state.batches.values()].map((b) => b.headcount)).toEqual(
        Array(12).fill(employees),
      );
    },
  );

  it('retains 18.54% of the 1.73 billion CNY paid by the ten together', () => {
    const overall = combinedRetention([...folds.values()]);
    expect(overall.basisPoints).toBe(1854);
    expect(Math.round(overall.retainedMinor / 1_000_000)).toBe(32_141);
  });
});

describe('an employee who changes employer', () => {
  const feed: BankFact[] = [
    payrollCredited('c1', 'E1', yuan(10_000), at('2023-01-10')),
    posted('c1', 'c1-cur', -yuan(3_000), at('2023-01-20'), { otherBank: true }),
    payrollCredited('c1', 'E2', yuan(12_000), at('2023-02-10')),
    posted('c1', 'c1-cur', -yuan(5_000), at('2023-02-20'), { otherBank: true }),
    posted('c1', 'c1-cur', -yuan(1_000), at('2023-02-21')),
  ];
  const e1 = fold(evolveEmployer, initialEmployer('E1'), feed);
  const e2 = fold(evolveEmployer, initialEmployer('E2'), feed);

  it('leaves the old employer with what happened while it paid them', () =>
    expect(retentionRate(e1)).toEqual({
      disbursedMinor: yuan(10_000),
      retainedMinor: yuan(7_000),
      basisPoints: 7_000,
    }));

  it('charges later transfers to other banks to the new employer, not transfers inside the bank', () =>
    expect(retentionRate(e2)).toEqual({
      disbursedMinor: yuan(12_000),
      retainedMinor: yuan(7_000),
      basisPoints: 5_833,
    }));

  it('has no ratio for an employer that paid nothing', () =>
    expect(retentionRate(initialEmployer('E3')).basisPoints).toBeNull());
});

describe('a retention window', () => {
  it('counts only salary and outflows of its days, but knows employees paid before it', () => {
    const window = { fromDay: dayOfBankDate('2023-02-01'), toDay: dayOfBankDate('2023-02-28') };
    const state = fold(evolveEmployer, initialEmployer('E1', window), [
      payrollCredited('c1', 'E1', yuan(10_000), at('2023-01-10')),
      posted('c1', 'c1-cur', -yuan(2_000), at('2023-02-05'), { otherBank: true }),
      posted('c1', 'c1-cur', -yuan(9_000), '2023-02-28T16:30:00Z', { otherBank: true }),
    ]);
    expect(retentionRate(state)).toMatchObject({
      disbursedMinor: 0,
      retainedMinor: -yuan(2_000),
      basisPoints: null,
    });
  });
});
