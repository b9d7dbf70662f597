import type { Dice } from '../random/dice';
import { planEmployers, type EmployerPlan } from './employers';

/**
 * Which payroll employers the branch has: 'thesis' for Table 3.4's top ten (scaled) and smaller
 * employers after them; 'none' for a branch without payroll; or an explicit list.
 */
export type EmployerSetup = 'thesis' | 'none' | readonly EmployerPlan[];

export const employersOf = (
  setup: EmployerSetup,
  customers: number,
  dice: Dice,
): EmployerPlan[] => {
  if (setup === 'thesis') return planEmployers(customers, dice);
  if (setup === 'none') return [];
  for (const employer of setup) {
    if (employer.payDate < 1 || employer.payDate > 15)
      throw new RangeError(
        `${employer.employerId} pays on the ${employer.payDate}th: payroll is paid in the first half of the month`,
      );
  }
  return [...setup];
};
