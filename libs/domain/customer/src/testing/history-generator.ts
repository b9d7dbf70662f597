import { yuan, type DayNumber, type MinorUnits } from '@churn/domain-kernel';
import { civilOfDay, dayOfCivil, daysInMonth, type BankFact } from '@churn/domain-facts';
import { dayOfDate } from './instants';
import { mulberry32 } from './prng';
import { HistoryWriter, type Act } from './history-writer';

export interface CustomerHistoryOptions {
  readonly customerId: string;
  readonly seed: number;
  readonly years: number;
  /** First day, `YYYY-MM-DD`; the history runs whole months from its month. Default 2014-01-01. */
  readonly startDate?: string;
  readonly employerId?: string;
  /** Default: drawn between 8,000 and 40,000 yuan. */
  readonly monthlySalaryMinor?: MinorUnits;
}

interface Plan {
  readonly day: DayNumber;
  readonly minute: number;
  readonly act: Act;
  readonly holdingId?: string;
}

/**
 * One salaried customer's multi-year history, ~500 facts a year, as the branch sees it
 * (DOMAIN.md §3): salary in the first half of the month, the tide draining a share of it to other
 * banks in the second half, daily card spend repaid from the current account, a sweep of the
 * surplus to savings, products bought from savings that mature or roll over, and now and then a
 * complaint, a survey answer, a contact or an RM change. Same options, same facts.
 */
export const generateCustomerHistory = (options: CustomerHistoryOptions): BankFact[] => {
  const rng = mulberry32(options.seed);
  const salary = options.monthlySalaryMinor ?? yuan(rng.int(8_000, 40_000));
  const writer = new HistoryWriter(
    rng,
    options.customerId,
    options.employerId ?? 'employer-1',
    salary,
  );
  const start = civilOfDay(dayOfDate(options.startDate ?? '2014-01-01'));
  writer.onboard(dayOfCivil(start.year, start.month, 1));
  const payDate = rng.int(5, 13);
  for (let i = 0; i < options.years * 12; i++) {
    const year = start.year + Math.floor((start.month - 1 + i) / 12);
    const month = ((start.month - 1 + i) % 12) + 1;
    for (const plan of planMonth(writer, rng, year, month, payDate)) {
      writer.act(plan.act, plan.day, plan.minute, plan.holdingId);
    }
  }
  return writer.facts;
};

const planMonth = (
  writer: HistoryWriter,
  rng: ReturnType<typeof mulberry32>,
  year: number,
  month: number,
  payDate: number,
): Plan[] => {
  const first = dayOfCivil(year, month, 1);
  const length = daysInMonth(year, month);
  const plans: Plan[] = [];
  const on = (date: number, act: Act, holdingId?: string): void => {
    plans.push({
      day: first + date - 1,
      minute: rng.int(8 * 60, 22 * 60),
      act,
      ...(holdingId ? { holdingId } : {}),
    });
  };
  const times = (count: number, from: number, act: Act): void => {
    for (let i = 0; i < count; i++) on(rng.int(from, length), act);
  };
  on(payDate + rng.int(0, 2), 'payroll');
  times(rng.int(1, 3), 16, 'tide');
  times(rng.int(30, 42), 1, 'card');
  on(20, 'repay');
  times(rng.int(0, 2), 1, 'atm');
  if (month % 3 === 0) on(21, 'interest');
  if (rng.chance(0.2)) times(1, 1, 'fee');
  on(rng.int(payDate + 3, 19), 'sweep');
  if (rng.chance(0.25)) times(1, 1, 'buy');
  for (const holdingId of writer.shelf.maturingBetween(first, first + length - 1)) {
    on(writer.shelf.maturesDay(holdingId) - first + 1, 'mature', holdingId);
  }
  if (rng.chance(0.04)) times(1, 1, 'redeem');
  if (rng.chance(0.03)) times(1, 1, 'complaint');
  if (rng.chance(0.08)) times(1, 1, 'survey');
  if (rng.chance(0.2)) times(1, 1, 'contact');
  if (rng.chance(0.01)) times(1, 1, 'profile');
  if (rng.chance(0.01)) times(1, 1, 'reassign');
  return plans.sort((a, b) => a.day - b.day || a.minute - b.minute);
};
