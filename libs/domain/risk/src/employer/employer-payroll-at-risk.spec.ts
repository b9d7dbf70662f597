import { yuan } from '@churn/domain-kernel';
import { bankDayOfInstant, type BankFact } from '@churn/domain-facts';
import { evolveEmployer, initialEmployer } from '@churn/domain-employer';
import { at, payrollCredited, posted } from '@churn/domain-customer/testing';
import { DEFAULT_RISK_POLICY as policy } from '../policy/risk-policy';
import { day, monthDate } from '../testing/customer-story';
import { assessEmployer, branchContextOf } from './employer-payroll-at-risk';
import { initialRetentionHistory, recordEmployerRetention } from './employer-retention-history';

interface Month {
  readonly paid: number;
  /** Percent of salary still at the bank at the month's end (thesis Table 3.4). */
  readonly retained: number;
}

const usual: Month = { paid: 20, retained: 20 };

/**
 * Employer E-A from 2024-01: in each month `paid` employees get 10,000 yuan on the 10th, and
 * each sends what is not retained to another bank on the 20th. Null: no batch that month.
 */
const payrollMonths = (months: readonly (Month | null)[]): BankFact[] =>
  months.flatMap((month, m) => {
    if (month === null) return [];
    const ids = Array.from({ length: month.paid }, (_, e) => `emp-${e}`);
    const out = yuan(10_000 - 100 * month.retained);
    return [
      ...ids.map((id) => payrollCredited(id, 'E-A', yuan(10_000), at(monthDate('2024-01', m, 10)))),
      ...ids.map((id) =>
        posted(id, `${id}-cur`, -out, at(monthDate('2024-01', m, 20)), {
          otherBank: true,
          counterpartyBank: 'CMB',
        }),
      ),
    ];
  });

const assessedOn = (months: readonly (Month | null)[], asOf: string) => {
  const employer = initialEmployer('E-A');
  const retention = initialRetentionHistory('E-A');
  for (const f of payrollMonths(months)) {
    evolveEmployer(employer, f);
    recordEmployerRetention(retention, employer, bankDayOfInstant(f.data.occurredAt) ?? 0);
  }
  return assessEmployer(employer, retention, day(asOf), policy);
};

const six = [usual, usual, usual, usual, usual, usual];

describe('an employer paying 20 employees on the 10th, keeping 20% of their salary', () => {
  it.each([
    // [situation, reasons, months from January, as of]
    ['six ordinary months', [], six, '2024-07-05'],
    [
      "July's batch paid 12 employees: 40% fewer",
      ['batch-shrunk'],
      [...six, { paid: 12, retained: 20 }],
      '2024-07-12',
    ],
    [
      "July's batch paid 17 employees: 15% fewer",
      [],
      [...six, { paid: 17, retained: 20 }],
      '2024-07-12',
    ],
    ['no July batch, five days past the usual day', [], six, '2024-07-15'],
    ['no July batch, six days past the usual day', ['batch-missing'], six, '2024-07-16'],
    [
      "July's employees kept 5% against 20% before",
      ['retention-fell'],
      [...six, { paid: 20, retained: 5 }],
      '2024-08-01',
    ],
    [
      "July's employees kept 12% against 20% before: under 10 points",
      [],
      [...six, { paid: 20, retained: 12 }],
      '2024-08-01',
    ],
    ['a new employer with two batches, late for the third', [], [usual, usual], '2024-03-30'],
  ] as const)('%s: %j', (_situation, reasons, months, asOf) => {
    const atRisk = assessedOn(months, asOf);
    expect(atRisk?.data.reasons.map((r) => r.code) ?? []).toEqual(reasons);
  });

  it('is one assessment for the employer, naming the batches and the numbers compared', () => {
    const atRisk = assessedOn([...six, { paid: 12, retained: 20 }], '2024-07-12');
    expect(atRisk).toEqual({
      type: 'EmployerPayrollAtRisk',
      schemaVersion: 1,
      data: {
        employerId: 'E-A',
        assessedOn: '2024-07-12',
        policyVersion: '2026-11-1',
        reasons: [
          {
            code: 'batch-shrunk',
            measures: [
              { name: 'headcount-shrink', value: 4_000, threshold: 2_000, unit: 'basis-points' },
            ],
            explanation:
              'Payroll batch E-A-2024-07 of 2024-07-10 paid 12 employees, usually 20 (40% fewer)',
          },
        ],
        evidenceBatchIds: [
          'E-A-2024-01',
          'E-A-2024-02',
          'E-A-2024-03',
          'E-A-2024-04',
          'E-A-2024-05',
          'E-A-2024-06',
          'E-A-2024-07',
        ],
        occurredAt: '2024-07-12T23:59:59.999+08:00',
      },
    });
  });

  it("quiets its employees' own payroll-stopped signals when its whole batch is missing", () => {
    const context = branchContextOf([
      assessedOn(six, '2024-07-16'),
      assessedOn([...six, { paid: 12, retained: 20 }], '2024-07-12'),
      null,
    ]);
    expect([...context.employersWithMissingBatch]).toEqual(['E-A']);
  });
});
