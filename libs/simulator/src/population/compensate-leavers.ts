import type { Churner } from '../journeys/plan-churners';
import type { EmployerPlan } from './employers';
import type { Employment } from './employment';

/**
 * Payroll customers who redirect their salary take their savings with them, and are no longer
 * paid. So that each top-ten employer still pays Table 3.4's payroll and shows its retention over
 * a year, its other employees are paid more by the salary its leavers are expected to miss in a
 * year, and their tide shares shrink by the outflow the leavers are planned to cause (their
 * savings, plus two months of 95% salary drain before they go).
 */
export const compensateLeavers = (
  employments: readonly (Employment | null)[],
  churners: ReadonlyMap<number, Churner>,
  years: number,
): (Employment | null)[] => {
  if (years <= 0) return [...employments];
  // Leaving at a uniform time in the window, a leaver misses this share of the last year's pay.
  const missed = years >= 1 ? (years - 0.5) / years : years / 2;
  const leavers = new Map<EmployerPlan, { outflow: number; salary: number }>();
  for (const churner of churners.values()) {
    const employment = employments[churner.index];
    if (employment == null || !employment.employer.topTen || churner.kind !== 'salary-redirected')
      continue;
    const drain = 2 * Math.max(0, 0.95 - employment.tideShare) * employment.salaryMinor;
    const sum = leavers.get(employment.employer) ?? { outflow: 0, salary: 0 };
    leavers.set(employment.employer, {
      outflow: sum.outflow + churner.levelBefore + drain,
      salary: sum.salary + employment.salaryMinor,
    });
  }
  const monthly = new Map<EmployerPlan, number>();
  for (const employment of employments)
    if (employment !== null)
      monthly.set(
        employment.employer,
        (monthly.get(employment.employer) ?? 0) + employment.salaryMinor,
      );
  return employments.map((employment, index) => {
    const leaving =
      employment === null || churners.has(index) ? undefined : leavers.get(employment.employer);
    if (employment === null || leaving === undefined) return employment;
    const { employer } = employment;
    const tide = (1 - employer.retentionBasisPoints / 10_000) * employer.annualPayrollMinor;
    const tideFactor = tide > 0 ? Math.max(0, 1 - leaving.outflow / years / tide) : 1;
    const payFactor = 1 / (1 - (leaving.salary * missed) / (monthly.get(employer) ?? Infinity));
    return {
      ...employment,
      salaryMinor: Math.round(employment.salaryMinor * payFactor),
      tideShare: employment.tideShare * tideFactor,
    };
  });
};
