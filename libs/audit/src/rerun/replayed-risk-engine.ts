import type { DayNumber } from '@churn/domain-kernel';
import { assessCustomer, type Assessment, type BranchContext } from '@churn/domain-risk';
import { RiskEngine, type CustomerWatch, type RiskEngineSettings } from '@churn/risk';

/**
 * The risk engine of libs/risk, unchanged in what it folds, schedules and decides, with one
 * input from outside: the branch context of each day's close. On its own a one-customer engine
 * would judge the customer's employer from that customer's salary alone, find the "whole batch"
 * missing whenever their own salary is, and quiet their payroll-stopped signal; the context of
 * the branch as the log held it (`EmployerContext`) is what the engine running the branch had.
 */
export class ReplayedRiskEngine extends RiskEngine {
  /** Log position of the input being handled: the fact whose arrival closes days. */
  closingPosition = 0;

  constructor(
    settings: RiskEngineSettings,
    private readonly branchAt: (day: DayNumber, closingPosition: number) => BranchContext,
  ) {
    super(settings);
  }

  override assessAsOf(watch: Readonly<CustomerWatch>, asOfDay: DayNumber): Assessment {
    const branch = this.branchAt(asOfDay, this.closingPosition);
    return assessCustomer(watch.customer, watch.evidence, asOfDay, this.settings.policy, {
      branch,
    });
  }
}
