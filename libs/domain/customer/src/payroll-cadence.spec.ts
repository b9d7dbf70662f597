import { dayOfBankDate, fold, yuan } from '@churn/domain-kernel';
import { evolveCustomer } from './evolve-customer';
import { initialCustomer } from './customer-state';
import { learnCadence, type PayrollCredit } from './payroll-cadence';
import { at, payrollCredited } from './testing';

const credit = (date: string, amountMinor: number): PayrollCredit => ({
  day: dayOfBankDate(date),
  dayOfMonth: Number(date.slice(8, 10)),
  amountMinor,
  currency: 'CNY',
  batchId: `b-${date}`,
  payPeriod: date.slice(0, 7),
});

describe('a salary paid mid-month by one employer', () => {
  const salary = yuan(15_000);

  it('is not established after two similar credits', () => {
    const cadence = learnCadence([credit('2023-01-15', salary), credit('2023-02-15', salary)]);
    expect(cadence).toMatchObject({ similarCredits: 2, established: false, typicalDayOfMonth: 15 });
  });

  it('is established after three credits within ±20% of the typical amount', () => {
    const cadence = learnCadence([
      credit('2023-01-15', salary),
      credit('2023-02-15', Math.round(salary * 1.2)),
      credit('2023-03-15', Math.round(salary * 0.85)),
    ]);
    expect(cadence).toMatchObject({
      similarCredits: 3,
      established: true,
      typicalAmountMinor: salary,
    });
    expect(cadence.expectedNextPayDay).toBe(dayOfBankDate('2023-04-15'));
  });

  it('does not count a credit 21% off as similar', () => {
    const cadence = learnCadence([
      credit('2023-01-15', salary),
      credit('2023-02-15', salary),
      credit('2023-03-15', salary * 1.21),
    ]);
    expect(cadence.established).toBe(false);
  });

  it('shrugs off a December bonus: the median stays the salary', () => {
    const credits = ['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11'].map((m) =>
      credit(`2023-${m}-14`, salary),
    );
    const cadence = learnCadence([...credits, credit('2023-12-14', salary * 3)]);
    expect(cadence).toMatchObject({
      typicalAmountMinor: salary,
      similarCredits: 11,
      established: true,
      medianIntervalDays: 31,
    });
    expect(cadence.expectedNextPayDay).toBe(dayOfBankDate('2024-01-14'));
  });

  it('expects a salary paid on the 31st on the last day of a shorter month', () => {
    const cadence = learnCadence([
      credit('2023-10-31', salary),
      credit('2023-12-31', salary),
      credit('2024-01-31', salary),
    ]);
    expect(cadence.medianIntervalDays).toBe(31);
    expect(cadence.expectedNextPayDay).toBe(dayOfBankDate('2024-02-29'));
  });

  it('keeps the last twelve credits per employer in the customer fold', () => {
    const months = Array.from(
      { length: 15 },
      (_, i) => `${2022 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, '0')}-15`,
    );
    const state = fold(
      evolveCustomer,
      initialCustomer(),
      months.map((d) => payrollCredited('c1', 'emp-A', salary, at(d))),
    );
    const series = state.payroll.get('emp-A');
    expect(series?.credits).toHaveLength(12);
    expect(series?.credits[0]?.payPeriod).toBe('2022-04');
    expect(series?.cadence).toMatchObject({ established: true, typicalDayOfMonth: 15 });
  });
});
