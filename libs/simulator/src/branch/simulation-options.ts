import type { DayNumber } from '@churn/domain-kernel';
import { civilOfDay } from '@churn/domain-facts';
import { THESIS_CHURN_RATE } from '../calibration/thesis-figures';
import { branchMonth, dayOfDate, type BranchMonth } from '../calendar/bank-calendar';
import type { EmployerSetup } from '../population/employer-setup';

export interface SimulationOptions {
  readonly seed: number;
  readonly customers: number;
  /** Whole months are simulated: `years × 12`, rounded, at least one. */
  readonly years: number;
  /**
   * The first day; the simulation runs whole months from its month. Default: the month that
   * ends the run on 31 May 2023, the thesis's snapshot.
   */
  readonly startDate?: string;
  /** 'thesis' (default): Table 3.4's top ten and smaller employers after them. */
  readonly employers?: EmployerSetup;
  /**
   * The share of mid/high-end customers lost a year. Default 0.276, the thesis's 1,530 of 5,534;
   * spread over the tiers as the thesis's losses are (PB 21%, fortune 31%, WM 27% a year).
   */
  readonly churnRate?: number;
  /** The yearly share of customers holding 10,000 yuan or more who show a look-alike. Default 0.02. */
  readonly lookAlikeRate?: number;
}

export interface ResolvedOptions {
  readonly seed: number;
  readonly customers: number;
  readonly months: number;
  readonly employers: EmployerSetup;
  readonly churnRate: number;
  readonly lookAlikeRate: number;
}

/** The simulated months and their edges. */
export interface BranchCalendar {
  readonly startYear: number;
  readonly startMonth: number;
  readonly months: number;
  readonly startDay: DayNumber;
  /** The snapshot: the last simulated day. */
  readonly endDay: DayNumber;
  month(index: number): BranchMonth;
}

export const DEFAULT_LOOK_ALIKE_RATE = 0.02;

export const resolveOptions = (options: SimulationOptions): ResolvedOptions => {
  if (!Number.isInteger(options.customers) || options.customers < 1)
    throw new RangeError(`customers must be a positive integer, not ${options.customers}`);
  if (!(options.years > 0)) throw new RangeError(`years must be positive, not ${options.years}`);
  return {
    seed: options.seed >>> 0,
    customers: options.customers,
    months: Math.max(1, Math.round(options.years * 12)),
    employers: options.employers ?? 'thesis',
    churnRate: Math.max(0, options.churnRate ?? THESIS_CHURN_RATE),
    lookAlikeRate: Math.max(0, options.lookAlikeRate ?? DEFAULT_LOOK_ALIKE_RATE),
  };
};

export const branchCalendar = (months: number, startDate: string | undefined): BranchCalendar => {
  const start =
    startDate === undefined
      ? {
          year: Math.floor((2023 * 12 + 5 - months) / 12),
          month: ((2023 * 12 + 5 - months) % 12) + 1,
        }
      : civilOfDay(dayOfDate(startDate));
  const cache: BranchMonth[] = [];
  const month = (index: number): BranchMonth =>
    (cache[index] ??= branchMonth(index, start.year, start.month));
  const last = month(months - 1);
  return {
    startYear: start.year,
    startMonth: start.month,
    months,
    startDay: month(0).firstDay,
    endDay: last.firstDay + last.length - 1,
    month,
  };
};
