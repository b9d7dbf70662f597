import type { Dice } from '../random/dice';
import type { EmployerPlan } from './employers';

/** What one employee earns and how much of it they move to other banks. */
export interface Employment {
  readonly employer: EmployerPlan;
  /** Monthly base salary in fen; January's payroll adds the bonus. */
  readonly salaryMinor: number;
  /**
   * The share of each salary sent to other banks within days (the tide, DOMAIN.md §3). Across an
   * employer's employees, weighted by salary, it is exactly 1 − retention (Table 3.4), so the
   * employer's retention comes out as the thesis's; above 1 for employer I (−21.29%).
   */
  readonly tideShare: number;
}

/**
 * The employees of one employer: salaries spread around the employer's average (log-normal,
 * σ 0.35) summing to its annual payroll, tide shares spread ±50% around 1 − retention and then
 * scaled so that their salary-weighted mean is exactly 1 − retention.
 */
export const employmentsOf = (employer: EmployerPlan, dice: Dice): Employment[] => {
  const count = employer.headcount;
  const weights = Array.from({ length: count }, () => Math.exp(0.35 * dice.normal()));
  const weightSum = weights.reduce((a, b) => a + b, 0);
  const monthlyTotal = employer.annualPayrollMinor / (12 + employer.bonusMonths);
  const salaries = weights.map((w) =>
    Math.max(100_000, Math.round((monthlyTotal * w) / weightSum)),
  );
  const outflow = 1 - employer.retentionBasisPoints / 10_000;
  const shares = salaries.map(() => outflow * dice.between(0.5, 1.5));
  const salaryTotal = salaries.reduce((a, b) => a + b, 0);
  const weighted = shares.reduce((sum, share, i) => sum + share * (salaries[i] ?? 0), 0);
  const correction = weighted > 0 ? (outflow * salaryTotal) / weighted : 0;
  return salaries.map((salaryMinor, i) => ({
    employer,
    salaryMinor,
    tideShare: (shares[i] ?? 0) * correction,
  }));
};
