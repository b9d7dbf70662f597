import type { DayNumber, MinorUnits } from '@churn/domain-kernel';

/** One payroll batch (代发批次) of the employer. */
export interface PayrollBatch {
  readonly batchId: string;
  readonly payPeriod: string;
  readonly firstDay: DayNumber;
  /** Distinct employees credited in the batch. */
  readonly headcount: number;
  readonly totalMinor: MinorUnits;
  readonly employees: ReadonlySet<string>;
}

/** What the employer's payroll brought in and what its employees sent to other banks. */
export interface Employee {
  readonly customerId: string;
  readonly firstPaidDay: DayNumber;
  readonly lastPaidDay: DayNumber;
  /** False once another employer pays them: their outflows are then that employer's. */
  readonly current: boolean;
  readonly disbursedMinor: MinorUnits;
  readonly outflowMinor: MinorUnits;
}

/** Bank days, both inclusive; null counts everything folded. */
export interface RetentionWindow {
  readonly fromDay: DayNumber;
  readonly toDay: DayNumber;
}

export interface EmployerState {
  readonly employerId: string;
  readonly window: RetentionWindow | null;
  /** The latest batches, oldest first, at most `PAYROLL_BATCHES_KEPT`. */
  readonly batches: ReadonlyMap<string, PayrollBatch>;
  readonly employees: ReadonlyMap<string, Employee>;
  /** CNY salary credited within the window. */
  readonly disbursedMinor: MinorUnits;
  /** CNY debits to other banks by current employees within the window, after their first salary. */
  readonly outflowMinor: MinorUnits;
  /** Facts that changed this state (most of the branch's feed is other employers' business). */
  readonly factCount: number;
}

/** Two years of monthly batches: enough to see a batch shrink or stop (DOMAIN.md §4). */
export const PAYROLL_BATCHES_KEPT = 24;

/** A fresh fold for one employer; with a window, only facts of those bank days count as money. */
export const initialEmployer = (
  employerId: string,
  window: RetentionWindow | null = null,
): EmployerState => ({
  employerId,
  window,
  batches: new Map(),
  employees: new Map(),
  disbursedMinor: 0,
  outflowMinor: 0,
  factCount: 0,
});
