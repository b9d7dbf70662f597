import type { CustomerLedger } from '../ledger/customer-ledger';
import { eventExtra } from '../noise/life-event';
import { pathTarget } from '../population/aum-path';
import type { ActList } from './act';
import type { MonthContext } from './month-context';
import { planEvent, planJourneySteps } from './plan-life';
import { planProducts } from './plan-products';
import { planRelationship } from './plan-relationship';
import { planInterest, planPayroll, planSpending } from './plan-routine';

const HOUR = 3600;
/** Settling amounts under 100 yuan wait for a later month (the last month settles exactly). */
const SMALL = 10_000;

/**
 * A customer's acts for one month, in time order, into `acts`. Outside a churn journey the month
 * ends with the customer's AUM on its target (their path, plus money held for a later purchase
 * or from the campaign, minus festival spending). Income from elsewhere arrives on some day of
 * the month — enough to cover the month's shortfall and never to let a payment bounce — and a
 * settling transfer after the salary (or from the 9th) takes away whatever is left above the
 * target. From a churn journey's settle stop nothing settles: the journey decides.
 */
export const planMonth = (l: CustomerLedger, ctx: MonthContext, acts: ActList): void => {
  acts.clear();
  const { plan } = l;
  const { month } = ctx;
  const journey = plan.journey;
  const lastDay = month.firstDay + month.length - 1;
  const lost = journey !== null && journey.lostDay < month.firstDay;
  const onJourney = journey !== null && journey.startDay <= lastDay;
  const settling = journey === null || journey.settleStopDay > lastDay;
  const payDay = planPayroll(l, ctx, acts);
  planJourneySteps(l, ctx, acts);
  if (lost) return acts.sort();
  const festival = planSpending(l, ctx, acts);
  planInterest(l, ctx, acts);
  planProducts(l, ctx, acts, onJourney);
  planRelationship(l, ctx, acts);
  planEvent(l, ctx, acts);
  if (acts.length > 0) acts.add(24, 21 * HOUR + l.dice.int(0, 3_000), 'sweep');
  acts.sort();
  if (settling && (acts.length > 0 || l.aumMinor !== 0 || !plan.silent)) {
    const index = month.index;
    // Festival spending shows as a dip of up to a tenth of the target; a churner's level is kept.
    const level = pathTarget(plan.path, index, plan.seed) + eventExtra(plan.event, index);
    const festivalDip = ctx.isLast || journey !== null ? 0 : Math.min(festival, level / 10);
    const target = Math.max(0, Math.round(level - festivalDip));
    planSettling(l, ctx, acts, target, payDay);
  } else if (!settling && journey !== null && journey.lostDay > month.firstDay) {
    planSettling(
      l,
      ctx,
      acts,
      -1,
      payDay,
      Math.min(month.length, journey.lostDay - month.firstDay),
    );
  }
};

/**
 * Income early, settle late. With `target` −1 (a journey before its exit) only the income, before
 * day `incomeBefore`: the customer's everyday money nets out, so AUM falls by what the journey
 * moves away and no settle refills it.
 */
const planSettling = (
  l: CustomerLedger,
  ctx: MonthContext,
  acts: ActList,
  target: number,
  payDay: number,
  incomeBefore = ctx.month.length,
): void => {
  const { dice } = l;
  const length = ctx.month.length;
  const start = l.aumMinor + l.pendingReturnMinor;
  // Income lands on any day (on a journey first thing, so AUM cannot sag before the exit), but
  // never after a day on which a payment would otherwise bounce.
  let incomeDay = target < 0 ? 0 : Math.min(dice.int(0, length - 1), incomeBefore - 1);
  let run = start;
  let planned = 0;
  let lowest = start;
  for (let i = 0; i < acts.length; i++) {
    const a = acts.at(i);
    run += a.aumDelta;
    planned += a.aumDelta;
    if (run < lowest) lowest = run;
    if (run < 0 && a.day < incomeDay) incomeDay = a.day;
  }
  const gap = target < 0 ? -planned : target - (start + planned);
  const income = Math.max(0, gap, -lowest);
  if (income >= SMALL || (income > 0 && (ctx.isLast || lowest < 0)))
    acts.add(incomeDay, dice.int(7 * HOUR, 8 * HOUR - 1), 'income', income, income);
  if (target >= 0 && (gap - income <= -SMALL || ctx.isLast)) {
    const from = Math.min(length - 1, payDay >= 0 ? payDay + 3 : 8);
    acts.add(dice.int(from, length - 1), dice.int(8 * HOUR, 22 * HOUR), 'settle', target);
  }
  acts.sort();
  let after = 0;
  for (let i = acts.length - 1; i >= 0; i--) {
    const a = acts.at(i);
    if (a.kind === 'settle') {
      a.extra = after;
      break;
    }
    after += a.aumDelta;
  }
};
