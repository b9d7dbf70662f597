import type { ProductKind } from '@churn/domain-facts';
import { addMonthsToDay } from '../calendar/add-months';
import { eventExtra } from '../noise/life-event';
import { pathTarget } from '../population/aum-path';
import type { CustomerLedger } from './customer-ledger';
import type { FactWriter } from './fact-writer';
import { writePurchase } from './product-writer';
import { writeOnboarding } from './relationship-writer';

const KINDS: readonly ProductKind[] = [
  'time-deposit',
  'wealth-product',
  'fund',
  'bond',
  'insurance',
];
const KIND_WEIGHTS = [40, 30, 15, 10, 5];

/**
 * The customer as the stream first sees them, between midnight and six on the first day: the
 * branch's book loaded customer by customer — onboarding, accounts, RM, the balances brought
 * forward and the products already held, each maturing within its term (so maturities fall all
 * through the simulation). A maturity-exit customer's big holding is among them.
 */
export const openBook = (w: FactWriter, l: CustomerLedger): void => {
  const { plan, dice } = l;
  w.second = 60 + ((plan.index * 7) % 21_540);
  writeOnboarding(w, l);
  const opening = Math.max(0, pathTarget(plan.path, -1, plan.seed) + eventExtra(plan.event, -1));
  if (opening === 0) return;
  const maturing = plan.journey?.maturing ?? null;
  const journeyHolding =
    maturing === null
      ? 0
      : Math.min(maturing.principalMinor, Math.floor((opening * 0.9) / 100_000) * 100_000);
  const products =
    plan.productShare > 0 && opening >= 2_000_000
      ? Math.floor((opening * plan.productShare) / 100_000) * 100_000
      : 0;
  const liquid = opening - products - journeyHolding;
  const outgoings = plan.spendPerMonthMinor + (plan.employment?.salaryMinor ?? 0);
  const current = Math.min(liquid, Math.round(1.2 * outgoings));
  w.post(l, 'current', current, 'system', 'other', null);
  w.post(l, 'savings', opening - current, 'system', 'other', null);
  if (maturing !== null && journeyHolding > 0) {
    const kind = dice.pick(['time-deposit', 'wealth-product'] as const);
    writePurchase(w, l, kind, journeyHolding, maturing.termMonths, maturing.maturesDay, true);
  }
  let left = products;
  for (let part = dice.int(1, 3); part >= 1 && left > 0; part--) {
    const principal =
      part === 1 ? left : Math.floor((left * dice.between(0.3, 0.7)) / 100_000) * 100_000;
    left -= principal;
    const kind = dice.weighted(KINDS, KIND_WEIGHTS);
    const term =
      kind === 'fund'
        ? 0
        : kind === 'insurance'
          ? 60
          : kind === 'bond'
            ? 36
            : dice.pick([3, 6, 12, 24, 36]);
    const matures =
      kind === 'fund'
        ? null
        : w.day + dice.int(15, Math.max(15, addMonthsToDay(w.day, term) - w.day));
    writePurchase(w, l, kind, principal, term, matures);
  }
};
