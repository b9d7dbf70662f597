import { bandOfLevel } from '../calibration/aum-ranges';
import { scaleOf, snapshotQuotas, type BandCounts } from '../calibration/branch-quotas';
import { WITHOUT_RM_SHARE } from '../calibration/thesis-figures';
import { monthIndexOf } from '../calendar/bank-calendar';
import { OTHER_BANKS, type ChurnLabel, type LookAlikeLabel } from '../journeys/journey-plan';
import { selectChurners, type ChurnWindow } from '../journeys/plan-churners';
import { scheduleJourney } from '../journeys/schedule-journey';
import { planLifeEvents } from '../noise/plan-life-events';
import { assignBands } from '../population/assign-bands';
import { assignEmployments } from '../population/assign-employments';
import { compensateLeavers } from '../population/compensate-leavers';
import { isSilent, pathTarget } from '../population/aum-path';
import type { CustomerPlan } from '../population/customer-plan';
import { employersOf } from '../population/employer-setup';
import type { EmployerPlan } from '../population/employers';
import { planHabits } from '../population/plan-habits';
import { planPath } from '../population/plan-path';
import { drawProfile } from '../population/profile';
import { Dice, seedFor } from '../random/dice';
import { churnLabels, lookAlikeLabels, payrollMoveOf, type PayrollMove } from './branch-labels';
import {
  branchCalendar,
  resolveOptions,
  type BranchCalendar,
  type ResolvedOptions,
  type SimulationOptions,
} from './simulation-options';

/** The whole branch as planned: who everyone is, and what will happen to whom. No facts yet. */
export interface BranchPlan {
  readonly options: ResolvedOptions;
  readonly calendar: BranchCalendar;
  readonly quotas: BandCounts;
  readonly employers: readonly EmployerPlan[];
  readonly customers: readonly CustomerPlan[];
  readonly labels: readonly ChurnLabel[];
  readonly lookAlikes: readonly LookAlikeLabel[];
  readonly payrollMove: PayrollMove | null;
  /** Relationship managers RM-001… (40 in a full-size branch). */
  readonly rms: number;
}

/** Journeys end between six months in (some history first) and two days before the snapshot. */
const churnWindow = (calendar: BranchCalendar): ChurnWindow => {
  const span = calendar.endDay - calendar.startDay;
  if (calendar.months < 3)
    return { fromDay: calendar.startDay, toDay: calendar.startDay, years: 0 };
  const fromDay = calendar.startDay + Math.min(183, Math.floor(span / 4));
  const toDay = calendar.endDay - 2;
  return { fromDay, toDay, years: (toDay - fromDay + 1) / 365.25 };
};

const isMidHigh = (band: string): boolean =>
  band === 'wealth-management' || band === 'fortune' || band === 'private-banking';

/** Plans the branch (DOMAIN.md calibration); `simulateBranch` turns the plan into facts. */
export const planBranch = (options: SimulationOptions): BranchPlan => {
  const resolved = resolveOptions(options);
  const { seed, customers: size } = resolved;
  const calendar = branchCalendar(resolved.months, options.startDate);
  const dice = new Dice(seedFor(seed, 0, 0));
  const employers = employersOf(resolved.employers, size, dice);
  const hired = assignEmployments(employers, size, dice);
  const quotas = snapshotQuotas(size);
  const window = churnWindow(calendar);
  const selection = selectChurners(hired, employers, quotas, resolved.churnRate, window, dice);
  const churners = new Map(selection.churners.map((c) => [c.index, c]));
  const employments = compensateLeavers(hired, churners, window.years);
  const bands = assignBands(quotas, employments, churners, dice);
  const firstMoveMonth = Math.max(
    1,
    monthIndexOf(window.fromDay, calendar.startYear, calendar.startMonth),
  );
  const movedMonth = dice.int(Math.min(firstMoveMonth, calendar.months - 2), calendar.months - 2);
  const movedBank = dice.pick(OTHER_BANKS);
  const rms = Math.max(2, Math.round(40 * scaleOf(size)));
  const drafts = employments.map((employment, index) => {
    const own = new Dice(seedFor(seed, 2, index));
    const churner = churners.get(index) ?? null;
    const band = bands[index] ?? 'zero';
    const livesIn = churner === null ? band : bandOfLevel(churner.levelBefore);
    const rm = isMidHigh(livesIn) && own.chance(1 - WITHOUT_RM_SHARE) ? own.int(1, rms) : null;
    const journey =
      churner === null
        ? null
        : scheduleJourney(
            churner,
            {
              calendar,
              window,
              employer: employment?.employer ?? null,
              movedMonth,
              exitBank:
                churner.kind === 'employer-moved-payroll' ? movedBank : own.pick(OTHER_BANKS),
              hasRm: rm !== null,
            },
            own,
          );
    const journeyMonth =
      journey === null
        ? calendar.months
        : monthIndexOf(journey.settleStopDay, calendar.startYear, calendar.startMonth);
    const path = planPath(band, journey, journeyMonth, calendar.months, own);
    const habits = planHabits(livesIn, employment, own);
    const profile = drawProfile(employment, calendar.startYear, own);
    const customerId = `C${String(index + 1).padStart(6, '0')}`;
    return {
      index,
      customerId,
      currentAccountId: `${customerId}-CUR`,
      savingsAccountId: `${customerId}-SAV`,
      seed: seedFor(seed, 3, index),
      ...profile,
      teamId: rm === null ? `T-RETAIL-${1 + (index % 3)}` : `T-WEALTH-${1 + (rm % 4)}`,
      rmId: rm === null ? null : `RM-${String(rm).padStart(3, '0')}`,
      employment,
      band,
      path,
      silent: isSilent(path),
      ...habits,
      productShare: journey?.kind === 'maturity-exit' ? 0 : habits.productShare,
      journey,
      event: null,
    } satisfies CustomerPlan;
  });
  const events = planLifeEvents(
    drafts.map((d) => ({
      index: d.index,
      band: d.band,
      churner: d.journey !== null,
      employee: d.employment !== null,
      topTenEmployee: d.employment?.employer.topTen === true,
      liquidAt: (m: number) => pathTarget(d.path, m, d.seed) * (1 - d.productShare),
    })),
    calendar,
    resolved.lookAlikeRate,
    scaleOf(size),
    dice,
  );
  const planned = drafts.map((d) => ({ ...d, event: events.get(d.index) ?? null }));
  return {
    options: resolved,
    calendar,
    quotas,
    employers,
    customers: planned,
    labels: churnLabels(planned),
    lookAlikes: lookAlikeLabels(planned),
    payrollMove: payrollMoveOf(selection.movedEmployer, movedMonth, calendar),
    rms,
  };
};
