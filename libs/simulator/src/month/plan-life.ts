import type { CustomerLedger } from '../ledger/customer-ledger';
import type { ActList } from './act';
import type { MonthContext } from './month-context';

const HOUR = 3600;

/** The customer's life event (noise or look-alike) as acts of month `m`. */
export const planEvent = (l: CustomerLedger, ctx: MonthContext, acts: ActList): void => {
  const event = l.plan.event;
  if (event === null) return;
  const { month } = ctx;
  const m = month.index;
  const { dice } = l;
  switch (event.kind) {
    case 'house-purchase':
      if (event.monthIndex === m)
        acts.add(
          event.day - month.firstDay,
          dice.int(10 * HOUR, 15 * HOUR),
          'house',
          event.amountMinor,
          -event.amountMinor,
        );
      else if (m > event.monthIndex)
        acts.add(
          19,
          2 * HOUR + dice.int(0, 3_600),
          'mortgage',
          event.mortgageMinor,
          -event.mortgageMinor,
        );
      return;
    case 'own-account-round-trip':
      if (event.monthIndex !== m) return;
      acts.add(
        event.day - month.firstDay,
        dice.int(10 * HOUR, 20 * HOUR),
        'trip-out',
        event.amountMinor,
        0,
        null,
        event.bank,
      );
      acts.add(
        event.backDay - month.firstDay,
        dice.int(9 * HOUR, 18 * HOUR),
        'trip-back',
        0,
        0,
        null,
        event.bank,
      );
      return;
    case 'large-purchase':
      if (event.monthIndex === m)
        acts.add(
          event.day - month.firstDay,
          dice.int(10 * HOUR, 19 * HOUR),
          'large-purchase',
          event.amountMinor,
          -event.amountMinor,
        );
      return;
    case 'campaign':
      if (event.inMonth === m)
        acts.add(
          event.inDay - month.firstDay,
          dice.int(9 * HOUR, 17 * HOUR),
          'campaign-in',
          event.amountMinor,
          event.amountMinor,
          null,
          event.bank,
        );
      if (event.outMonth === m)
        acts.add(
          event.outDay - month.firstDay,
          dice.int(9 * HOUR, 17 * HOUR),
          'campaign-out',
          event.amountMinor,
          -event.amountMinor,
          null,
          event.bank,
        );
      return;
  }
};

/** The churn journey's steps that fall in this month. */
export const planJourneySteps = (l: CustomerLedger, ctx: MonthContext, acts: ActList): void => {
  const journey = l.plan.journey;
  if (journey === null) return;
  const { firstDay, length } = ctx.month;
  for (const step of journey.steps) {
    const d = step.day - firstDay;
    if (d >= 0 && d < length)
      acts.add(d, step.second, step.kind, 0, 0, null, journey.exitBank, step.share);
  }
};
