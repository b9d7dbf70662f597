import type { CustomerLedger } from '../ledger/customer-ledger';
import type { ActList } from './act';
import type { MonthContext } from './month-context';

const HOUR = 3600;

/**
 * The month's contacts with the bank. Complaints: 0.25% of mid/high-end customers a month, less
 * for the rest. The quarter's NPS survey reaches 10% of customers with an RM and 3% of other
 * active ones. RMs call 8% of their customers a month and greet most on their birthday (items 2
 * and 3 of Table 5.2); customers without an RM hear nothing (45.4% never do, DOMAIN.md §4).
 */
export const planRelationship = (l: CustomerLedger, ctx: MonthContext, acts: ActList): void => {
  const { plan, dice } = l;
  const length = ctx.month.length;
  const someDay = () => dice.int(0, length - 1);
  const officeHours = () => dice.int(9 * HOUR, 18 * HOUR);
  const active = plan.spendCount > 0 || plan.employment !== null;
  const withRm = plan.rmId !== null;
  if (dice.chance(withRm ? 0.0025 : active ? 0.0008 : 0.0001))
    acts.add(someDay(), officeHours(), 'complaint');
  if (ctx.surveyId !== null && dice.chance(withRm ? 0.1 : active ? 0.03 : 0.002))
    acts.add(someDay(), dice.int(9 * HOUR, 22 * HOUR), 'survey', 0, 0, null, ctx.surveyId);
  if (active && dice.chance(0.01))
    acts.add(someDay(), officeHours(), 'contact', 0, 0, null, 'customer');
  if (dice.chance(0.0005)) acts.add(someDay(), officeHours(), 'profile');
  if (!withRm) return;
  if (dice.chance(0.08)) acts.add(someDay(), officeHours(), 'contact', 0, 0, null, 'bank');
  const birthMonth = Number(plan.birthday.slice(0, 2));
  const birthDate = Number(plan.birthday.slice(2));
  if (birthMonth === ctx.month.month && birthDate <= length && dice.chance(0.6))
    acts.add(birthDate - 1, dice.int(8 * HOUR, 10 * HOUR), 'birthday');
  if (dice.chance(0.001))
    acts.add(
      someDay(),
      officeHours(),
      'reassign',
      0,
      0,
      null,
      `RM-${String(dice.int(1, ctx.rms)).padStart(3, '0')}`,
    );
};
