import type { DayNumber } from '@churn/domain-kernel';
import type { BranchMonth } from '../calendar/bank-calendar';
import {
  FESTIVAL_SPENDING_FROM,
  FESTIVAL_SPENDING_TO,
  springFestivalDay,
} from '../calendar/spring-festival';
import { payDayOf, type EmployerPlan } from '../population/employers';

/** What every customer's month shares: its days, pay days, festival and survey campaign. */
export interface MonthContext {
  readonly month: BranchMonth;
  readonly isLast: boolean;
  readonly payDays: ReadonlyMap<EmployerPlan, DayNumber>;
  /** Day indices [from, to] of Spring Festival spending within the month, or null. */
  readonly festival: readonly [number, number] | null;
  /** The quarter's NPS campaign, answered in its middle month (Feb, May, Aug, Nov); else null. */
  readonly surveyId: string | null;
  /** How many relationship managers the branch has (ids RM-001…). */
  readonly rms: number;
}

export const monthContext = (
  month: BranchMonth,
  isLast: boolean,
  employers: readonly EmployerPlan[],
  rms: number,
): MonthContext => {
  const newYear = springFestivalDay(month.year);
  const last = month.firstDay + month.length - 1;
  const from = newYear === null ? 0 : Math.max(month.firstDay, newYear + FESTIVAL_SPENDING_FROM);
  const to = newYear === null ? -1 : Math.min(last, newYear + FESTIVAL_SPENDING_TO);
  return {
    month,
    isLast,
    payDays: new Map(employers.map((e) => [e, payDayOf(e, month)])),
    festival: from <= to ? [from - month.firstDay, to - month.firstDay] : null,
    surveyId: month.month % 3 === 2 ? `NPS-${month.year}-Q${(month.month + 1) / 3}` : null,
    rms,
  };
};
