import type { DayNumber } from '@churn/domain-kernel';
import type { BranchCalendar } from '../branch/simulation-options';
import { monthIndexOf } from '../calendar/bank-calendar';
import { payDayOf, type EmployerPlan } from '../population/employers';
import type { Dice } from '../random/dice';
import type { ChurnWindow, Churner } from './plan-churners';
import type { JourneyPlan, JourneyStep, JourneyStepKind, MaturingHolding } from './journey-plan';

export interface JourneyContext {
  readonly calendar: BranchCalendar;
  readonly window: ChurnWindow;
  readonly employer: EmployerPlan | null;
  /** Employer-moved journeys: the first month without the employer's batch. */
  readonly movedMonth: number;
  readonly exitBank: string;
  readonly hasRm: boolean;
}

const HOUR = 3600;

/**
 * Lays a churn journey out in time. Every journey ends the same way: the customer redeems what
 * products they still hold, then on `lostDay` moves all but a small residual to `exitBank`.
 * What comes before differs (DOMAIN.md §4): a rates enquiry, complaints and a detractor score, a
 * product that matures, months of drain, or a salary that stops arriving.
 */
export const scheduleJourney = (c: Churner, ctx: JourneyContext, dice: Dice): JourneyPlan => {
  const { calendar, window } = ctx;
  const earliest = calendar.startDay + 31;
  const steps: JourneyStep[] = [];
  const step = (
    day: DayNumber,
    kind: JourneyStepKind,
    fromHour: number,
    toHour: number,
    share = 0,
  ) => steps.push({ day, kind, second: dice.int(fromHour * HOUR, toHour * HOUR - 1), share });
  let lostDay = dice.int(window.fromDay, window.toDay);
  let startDay = lostDay;
  let payrollStopsDay: DayNumber | null = null;
  let precursorFromDay: DayNumber | null = null;
  let maturing: MaturingHolding | null = null;
  switch (c.kind) {
    case 'salary-redirected':
    case 'employer-moved-payroll': {
      const employer = ctx.employer as EmployerPlan;
      const first = Math.max(
        1,
        monthIndexOf(window.fromDay, calendar.startYear, calendar.startMonth),
      );
      const month =
        c.kind === 'employer-moved-payroll'
          ? ctx.movedMonth
          : dice.int(Math.min(first, calendar.months - 1), calendar.months - 1);
      payrollStopsDay = payDayOf(employer, calendar.month(month));
      if (c.kind === 'salary-redirected' && month >= 3)
        precursorFromDay = payDayOf(employer, calendar.month(month - 2));
      startDay = precursorFromDay ?? payrollStopsDay;
      const delay = c.kind === 'salary-redirected' ? dice.int(3, 20) : dice.int(5, 45);
      lostDay = Math.min(calendar.endDay - 1, payrollStopsDay + delay);
      break;
    }
    case 'gradual-drain': {
      // Drains take 40–70% away over the months, evenly in proportion; the exit takes the rest.
      startDay = Math.max(earliest, lostDay - dice.int(90, 240));
      const days: DayNumber[] = [];
      for (let day = startDay; day < lostDay - 7; day += dice.int(25, 35)) days.push(day);
      const share = 1 - Math.pow(1 - dice.between(0.4, 0.7), 1 / Math.max(1, days.length));
      for (const day of days) step(day, 'drain', 9, 21, share);
      break;
    }
    case 'maturity-exit': {
      const maturesDay = Math.max(earliest + 30, lostDay - dice.int(0, 5));
      lostDay = Math.max(lostDay, maturesDay);
      startDay = maturesDay;
      const termMonths = Math.max(1, Math.round((maturesDay - calendar.startDay) / 30.44));
      const principalMinor =
        Math.round((c.levelBefore * dice.between(0.6, 0.85)) / 100_000) * 100_000;
      maturing = { principalMinor, maturesDay, termMonths };
      if (ctx.hasRm) step(maturesDay - dice.int(1, 3), 'maturity-reminder', 9, 17);
      break;
    }
    case 'rate-chasing-transfer':
      startDay = Math.max(earliest, lostDay - dice.int(14, 45));
      step(startDay, 'rates-enquiry', 9, 18);
      break;
    case 'dissatisfied-exit': {
      startDay = Math.max(earliest, lostDay - dice.int(30, 120));
      const gap = lostDay - startDay;
      step(startDay, 'complaint', 9, 18);
      if (gap > 2) step(startDay + dice.int(1, Math.min(20, gap - 1)), 'detractor-survey', 9, 21);
      if (gap > 10 && dice.chance(0.6)) step(startDay + dice.int(5, gap - 2), 'complaint', 9, 18);
      if (gap > 4 && dice.chance(0.5))
        step(startDay + dice.int(1, gap - 1), 'complaint-contact', 9, 18);
      const closeDay = lostDay + dice.int(1, 7);
      if (closeDay <= calendar.endDay) step(closeDay, 'close-savings', 10, 16);
      break;
    }
  }
  step(Math.max(startDay, lostDay - dice.int(0, 2)), 'redeem-all', 8, 11);
  step(lostDay, 'exit', 13, 20);
  return {
    kind: c.kind,
    tierBefore: c.tierBefore,
    levelBefore: c.levelBefore,
    residual: c.residual,
    startDay: Math.min(startDay, lostDay),
    lostDay,
    settleStopDay: c.kind === 'gradual-drain' ? Math.min(startDay, lostDay) : lostDay,
    exitBank: ctx.exitBank,
    payrollStopsDay,
    precursorFromDay,
    maturing,
    steps: steps.sort((a, b) => a.day - b.day || a.second - b.second),
  };
};
