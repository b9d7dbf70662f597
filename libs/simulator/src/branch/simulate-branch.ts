import type { BankFact } from '@churn/domain-facts';
import type { BandCounts } from '../calibration/branch-quotas';
import { dateOfDay } from '../calendar/bank-calendar';
import type { ChurnLabel, LookAlikeLabel } from '../journeys/journey-plan';
import type { PayrollMove } from './branch-labels';
import { branchDays, type BranchDay } from './branch-days';
import { planBranch, type BranchPlan } from './plan-branch';
import type { ResolvedOptions, SimulationOptions } from './simulation-options';

/** A payroll employer of the simulated branch, as Table 3.4 would list it. */
export interface EmployerSummary {
  readonly employerId: string;
  readonly label: string;
  readonly topTen: boolean;
  readonly headcount: number;
  readonly annualPayrollMinor: number;
  readonly retentionBasisPoints: number;
  readonly payDate: number;
}

/** A simulated branch: ground truth up front, facts on demand. */
export interface BranchSimulation {
  readonly options: ResolvedOptions;
  readonly startDate: string;
  /** The last simulated day, at whose close the tier counts are calibrated. */
  readonly snapshotDate: string;
  /** How many customers stand in each tier and band at the snapshot (the thesis's, scaled). */
  readonly snapshotQuotas: BandCounts;
  readonly employers: readonly EmployerSummary[];
  readonly payrollMove: PayrollMove | null;
  readonly labels: readonly ChurnLabel[];
  readonly lookAlikes: readonly LookAlikeLabel[];
  /** Every fact, in time order; each iteration writes them afresh, identically. */
  readonly facts: Iterable<BankFact>;
  /** The same facts, a bank day at a time. */
  readonly days: Iterable<BranchDay>;
  /** The plan behind it all, for tests and tools that need a customer's details. */
  readonly plan: BranchPlan;
}

/**
 * A deterministic branch calibrated to DOMAIN.md: the same options give the same facts, byte
 * for byte. Planning (who everyone is and what happens to whom) runs here; facts are written
 * lazily, a day at a time, when `facts` or `days` is iterated.
 */
export const simulateBranch = (options: SimulationOptions): BranchSimulation => {
  const plan = planBranch(options);
  const { calendar } = plan;
  return {
    options: plan.options,
    startDate: dateOfDay(calendar.startDay),
    snapshotDate: dateOfDay(calendar.endDay),
    snapshotQuotas: plan.quotas,
    employers: plan.employers.map(
      ({
        employerId,
        label,
        topTen,
        headcount,
        annualPayrollMinor,
        retentionBasisPoints,
        payDate,
      }) => ({
        employerId,
        label,
        topTen,
        headcount,
        annualPayrollMinor,
        retentionBasisPoints,
        payDate,
      }),
    ),
    payrollMove: plan.payrollMove,
    labels: plan.labels,
    lookAlikes: plan.lookAlikes,
    facts: {
      *[Symbol.iterator]() {
        for (const day of branchDays(plan)) yield* day.facts;
      },
    },
    days: { [Symbol.iterator]: () => branchDays(plan) },
    plan,
  };
};
