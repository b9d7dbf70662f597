import { PAYROLL_SECOND } from '../population/employers';
import type { CustomerLedger } from '../ledger/customer-ledger';
import type { ActList } from './act';
import type { MonthContext } from './month-context';

const HOUR = 3600;

/**
 * The month's salary and its tide (DOMAIN.md §3): the employer's batch on its pay day, then the
 * customer's tide share moved to their other bank within the next days, in one to three
 * transfers. Salary-redirecting customers move 95% out within two days in the months before they
 * leave; a customer already lost sends each salary straight on. Returns the pay day's index.
 */
export const planPayroll = (l: CustomerLedger, ctx: MonthContext, acts: ActList): number => {
  const employment = l.plan.employment;
  if (employment === null) return -1;
  const { month } = ctx;
  const payDay = ctx.payDays.get(employment.employer) ?? month.firstDay;
  const journey = l.plan.journey;
  if (journey?.payrollStopsDay != null && payDay >= journey.payrollStopsDay) return -1;
  const { dice } = l;
  const d = payDay - month.firstDay;
  const bonus = month.month === 1 ? employment.employer.bonusMonths : 0;
  const amount = Math.round(employment.salaryMinor * (1 + bonus) * dice.between(0.98, 1.02));
  acts.add(
    d,
    PAYROLL_SECOND,
    'salary',
    amount,
    amount,
    null,
    `${employment.employer.employerId}-${month.previousPeriod}`,
  );
  const last = month.length - 1;
  if (journey !== null && journey.lostDay < payDay) {
    acts.add(d, PAYROLL_SECOND + dice.int(1_800, 7_200), 'flush', amount, -amount);
  } else if (journey?.precursorFromDay != null && payDay >= journey.precursorFromDay) {
    const out = Math.round(amount * 0.95);
    acts.add(Math.min(last, d + dice.int(0, 2)), dice.int(10 * HOUR, 22 * HOUR), 'tide', out, -out);
  } else {
    let left = Math.round(amount * employment.tideShare);
    const parts = dice.int(1, 3);
    for (let p = parts; p >= 1 && left > 0; p--) {
      const part = p === 1 ? left : Math.round(left * dice.between(0.3, 0.7));
      left -= part;
      acts.add(
        Math.min(last, d + dice.int(0, 6)),
        dice.int(10 * HOUR, 22 * HOUR),
        'tide',
        part,
        -part,
      );
    }
  }
  return d;
};

/**
 * Everyday spending from the current account: card payments at shops (70%), online payments
 * (20%) and ATM cash (10%), plus Spring Festival spending and red envelopes in the three weeks
 * before new year's day. Returns the festival's extra spending, which the month's AUM target
 * lets show (the branch's assets dip around the festival).
 */
export const planSpending = (l: CustomerLedger, ctx: MonthContext, acts: ActList): number => {
  const { spendCount, spendPerMonthMinor } = l.plan;
  if (spendCount <= 0) return 0;
  const { dice } = l;
  const length = ctx.month.length;
  const perAct = spendPerMonthMinor / Math.max(1, spendCount);
  const n = dice.count(spendCount);
  for (let i = 0; i < n; i++) {
    const roll = dice.next();
    const kind = roll < 0.7 ? 'spend' : roll < 0.9 || perAct < 20_000 ? 'online' : 'cash';
    let amount = Math.max(100, Math.round(perAct * dice.between(0.4, 1.6)));
    if (kind === 'cash') amount = Math.max(1, Math.round(amount / 10_000)) * 10_000;
    acts.add(dice.int(0, length - 1), dice.int(8 * HOUR, 22 * HOUR), kind, amount, -amount);
  }
  if (ctx.festival === null) return 0;
  const [from, to] = ctx.festival;
  let festival = 0;
  const extra = dice.count((spendCount * 0.5 * (to - from + 1)) / 24);
  for (let i = 0; i < extra; i++) {
    const amount = Math.round(perAct * dice.between(1, 3));
    festival += amount;
    acts.add(dice.int(from, to), dice.int(9 * HOUR, 21 * HOUR), 'spend', amount, -amount);
  }
  if (spendPerMonthMinor >= 100_000 && dice.chance((to - from + 1) / 25)) {
    for (let i = dice.int(1, 3); i > 0; i--) {
      const amount = dice.int(2, 20) * 10_000;
      festival += amount;
      acts.add(dice.int(from, to), dice.int(8 * HOUR, 23 * HOUR), 'gift', amount, -amount);
    }
  }
  return festival;
};

/** Quarterly interest on savings (0.35% a year), posted by the system on the 21st. */
export const planInterest = (l: CustomerLedger, ctx: MonthContext, acts: ActList): void => {
  if (ctx.month.month % 3 !== 0) return;
  const interest = Math.floor((l.savingsMinor * 0.0035) / 4);
  if (interest >= 100) acts.add(20, 1_800 + l.dice.int(0, 1_800), 'interest', interest, interest);
};
