import type { DayNumber } from '@churn/domain-kernel';
import type { IndustryClass } from '@churn/domain-facts';
import { scaleOf } from '../calibration/branch-quotas';
import { TABLE_3_4 } from '../calibration/thesis-figures';
import { weekdayOf, type BranchMonth } from '../calendar/bank-calendar';
import type { Dice } from '../random/dice';

/** A payroll employer (代发单位) of the branch, scaled to the simulated branch. */
export interface EmployerPlan {
  readonly employerId: string;
  /** 'A'…'J' for the top ten of Table 3.4; 'O01'… for the smaller employers after them. */
  readonly label: string;
  readonly topTen: boolean;
  readonly headcount: number;
  /** What the employer pays its employees here in a year, bonus included. */
  readonly annualPayrollMinor: number;
  /** The asset retention the employer's employees show (Table 3.4), in basis points. */
  readonly retentionBasisPoints: number;
  /** The day of the month salary is paid: always in the first half (DOMAIN.md §3). */
  readonly payDate: number;
  /** Year-end bonus, in monthly salaries, paid with January's payroll (December's salary). */
  readonly bonusMonths: number;
  readonly industryClass: IndustryClass;
}

/**
 * Pay dates of the top ten. Employer A pays on the 12th: Table 3.3's +5,516 (10k CNY) on 12 May
 * 2023 is the branch's biggest payroll day; the others spread over the 5th to the 15th.
 */
const TOP_TEN_PAY_DATES: Readonly<Record<string, number>> = {
  A: 12,
  B: 10,
  C: 15,
  D: 8,
  E: 5,
  F: 10,
  G: 15,
  H: 6,
  I: 9,
  J: 11,
};
const FULL_BONUS = new Set(['A', 'B', 'D', 'E', 'I']);

/** How many smaller payroll employers a full-size branch has after its top ten. */
const SMALLER_EMPLOYERS = 40;

/**
 * Table 3.4's top ten, headcount scaled to the branch (at least one employee each from 200
 * customers on) and payroll scaled with it, so that pay per employee and retention are the
 * thesis's; then a few smaller employers ("the amounts after the top ten are small").
 */
export const planEmployers = (customers: number, dice: Dice): EmployerPlan[] => {
  const scale = scaleOf(customers);
  const least = customers >= 200 ? 1 : 0;
  const employers: EmployerPlan[] = [];
  for (const row of TABLE_3_4) {
    const headcount = Math.max(least, Math.round(row.employees * scale));
    if (headcount === 0) continue;
    employers.push({
      employerId: `E-${row.label}`,
      label: row.label,
      topTen: true,
      headcount,
      annualPayrollMinor: Math.round(
        (row.annualPayroll10k * 1_000_000 * headcount) / row.employees,
      ),
      retentionBasisPoints: Math.round(row.retentionPercent * 100),
      payDate: TOP_TEN_PAY_DATES[row.label] ?? 10,
      bonusMonths: FULL_BONUS.has(row.label) ? 1 : 0.5,
      industryClass: 'ABCD'.includes(row.label) ? 'prime' : 'ordinary',
    });
  }
  const smaller =
    customers >= 200 ? Math.max(2, Math.round(SMALLER_EMPLOYERS * scale)) : customers >= 50 ? 1 : 0;
  for (let i = 1; i <= smaller; i++) {
    const headcount = Math.max(3, Math.round(dice.int(30, 300) * scale));
    const label = `O${String(i).padStart(2, '0')}`;
    employers.push({
      employerId: `E-${label}`,
      label,
      topTen: false,
      headcount,
      annualPayrollMinor: headcount * dice.int(40_000, 150_000) * 100,
      retentionBasisPoints: dice.int(0, 4_000),
      payDate: dice.int(5, 15),
      bonusMonths: dice.pick([0, 0.5, 1]),
      industryClass: dice.chance(0.3) ? 'prime' : 'ordinary',
    });
  }
  return employers;
};

/** The pay day in `month`: the pay date, or the Friday before when it falls on a weekend. */
export const payDayOf = (employer: EmployerPlan, month: BranchMonth): DayNumber => {
  const nominal = month.firstDay + employer.payDate - 1;
  const weekday = weekdayOf(nominal);
  return weekday === 6 ? nominal - 1 : weekday === 0 ? nominal - 2 : nominal;
};

/** Salaries are paid at 09:00 bank time, the whole batch at once. */
export const PAYROLL_SECOND = 9 * 3600;
