import type { CustomerLedger } from '../ledger/customer-ledger';
import { termInterest } from '../ledger/product-writer';
import type { ActList } from './act';
import type { MonthContext } from './month-context';

const HOUR = 3600;
const MOST_HOLDINGS = 6;

/**
 * The month's product events. A maturing holding is rolled over (转存) by some — 40% of time
 * deposits, 25% of wealth products — and pays out to savings otherwise; a customer on a churn
 * journey rolls nothing over and buys nothing. Product holders buy with surplus savings half the
 * months, and sell a fund now and then (3% a month).
 */
export const planProducts = (
  l: CustomerLedger,
  ctx: MonthContext,
  acts: ActList,
  onJourney: boolean,
): void => {
  const { month } = ctx;
  const { dice } = l;
  const last = month.firstDay + month.length - 1;
  for (const holding of l.holdings) {
    if (
      holding.maturesDay === null ||
      holding.maturesDay < month.firstDay ||
      holding.maturesDay > last
    )
      continue;
    const rollChance =
      holding.kind === 'time-deposit' ? 0.4 : holding.kind === 'wealth-product' ? 0.25 : 0;
    const roll = !holding.journey && !onJourney && dice.chance(rollChance);
    const d = holding.maturesDay - month.firstDay;
    acts.add(
      d,
      300 + dice.int(0, 600),
      roll ? 'roll-over' : 'mature',
      0,
      termInterest(holding),
      holding,
    );
    if (l.plan.rmId !== null && !holding.journey && d >= 3 && dice.chance(0.5))
      acts.add(
        d - dice.int(1, 3),
        dice.int(9 * HOUR, 17 * HOUR),
        'contact',
        0,
        0,
        null,
        'maturity',
      );
  }
  if (onJourney || l.plan.productShare <= 0) return;
  if (l.holdings.length < MOST_HOLDINGS && dice.chance(0.5))
    acts.add(
      dice.int(Math.min(10, month.length - 1), month.length - 1),
      dice.int(9 * HOUR, 17 * HOUR),
      'buy',
    );
  const fund = l.holdings.find((h) => h.kind === 'fund');
  if (fund !== undefined && dice.chance(0.03)) {
    const proceeds = Math.round(fund.principalMinor * dice.between(0.9, 1.12));
    acts.add(
      dice.int(0, month.length - 1),
      dice.int(9 * HOUR, 15 * HOUR),
      'redeem-fund',
      proceeds,
      proceeds - fund.principalMinor,
      fund,
    );
  }
};
