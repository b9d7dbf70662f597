import { evolveEmployer, initialEmployer, type EmployerState } from '@churn/domain-employer';
import type { DayNumber } from '@churn/domain-kernel';
import {
  assessEmployer,
  initialRetentionHistory,
  NO_BRANCH_CONTEXT,
  type BranchContext,
  type RiskPolicy,
} from '@churn/domain-risk';
import type { BatchStart, BranchClock } from './branch-clock.projection';

interface Followed {
  readonly employerId: string;
  readonly batches: readonly BatchStart[];
  readonly state: EmployerState;
  next: number;
  missingDays: number;
}

/**
 * The `BranchContext` the engine had when it closed each day, for one customer's employers:
 * whose whole payroll batch was missing. The engine folds every employee's salary into the
 * employer; whether a batch is missing depends only on when each batch was first credited, so
 * folding each batch's first credit that the log held before the closing fact gives the same
 * answer (`assessEmployer`'s batch-missing rule) without reading the other employees' streams.
 * Closing positions must come in increasing order, as they do in a replay.
 */
export class EmployerContext {
  private readonly employers: Followed[];
  private readonly byDay = new Map<DayNumber, BranchContext>();

  constructor(
    clock: BranchClock,
    employerIds: readonly string[],
    private readonly policy: RiskPolicy,
  ) {
    this.employers = employerIds.map((employerId) => ({
      employerId,
      batches: clock.batchesOf(employerId),
      state: initialEmployer(employerId),
      next: 0,
      missingDays: 0,
    }));
  }

  /** The context at the close of `day`, the engine's input then being at `closingPosition`. */
  at(day: DayNumber, closingPosition: number): BranchContext {
    const known = this.byDay.get(day);
    if (known !== undefined) return known;
    const missing = new Set<string>();
    for (const employer of this.employers) {
      this.foldBefore(employer, closingPosition);
      const atRisk = assessEmployer(
        employer.state,
        initialRetentionHistory(employer.employerId),
        day,
        this.policy,
      );
      if (atRisk?.data.reasons.some((r) => r.code === 'batch-missing')) {
        missing.add(employer.employerId);
        employer.missingDays += 1;
      }
    }
    const context = missing.size === 0 ? NO_BRANCH_CONTEXT : { employersWithMissingBatch: missing };
    this.byDay.set(day, context);
    return context;
  }

  /** Per employer: batches seen, and days closed with the whole batch missing. */
  summary(): { employerId: string; batches: number; daysWithMissingBatch: number }[] {
    return this.employers.map((e) => ({
      employerId: e.employerId,
      batches: e.batches.length,
      daysWithMissingBatch: e.missingDays,
    }));
  }

  private foldBefore(employer: Followed, position: number): void {
    for (let b = employer.batches[employer.next]; b !== undefined && b.position < position;) {
      evolveEmployer(employer.state, b.fact);
      employer.next += 1;
      b = employer.batches[employer.next];
    }
  }
}
