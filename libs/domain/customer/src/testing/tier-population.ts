import { yuan, type MinorUnits } from '@churn/domain-kernel';
import type { BankFact } from '@churn/domain-facts';
import { FORTUNE_FROM, PRIVATE_BANKING_FROM, WEALTH_MANAGEMENT_FROM, type Tier } from '../tier';
import { at, fact, onboarded, posted } from './fact-builders';
import { mulberry32, type Prng } from './prng';

export type TierCounts = Readonly<Record<Tier, number>>;

/** AUM ranges drawn from, [from, to): the largest private-banking client holds 50 million. */
const RANGES: Readonly<Record<Tier, readonly [MinorUnits, MinorUnits]>> = {
  ordinary: [0, WEALTH_MANAGEMENT_FROM],
  'wealth-management': [WEALTH_MANAGEMENT_FROM, FORTUNE_FROM],
  fortune: [FORTUNE_FROM, PRIVATE_BANKING_FROM],
  'private-banking': [PRIVATE_BANKING_FROM, yuan(50_000_000)],
};

/**
 * A branch population with exactly `counts` customers per tier on `asOfDate` (thesis Table 3.1
 * gives the monthly counts). Each customer gets a short history — onboarding, salary or a deposit,
 * money moved to another bank, sometimes a product bought — whose closing AUM is drawn uniformly
 * within the tier. The first customer of each tier sits exactly on the tier's lower bound and the
 * second one fen below the next tier's, so the boundaries are exercised too.
 */
export const generateTierPopulation = (
  counts: TierCounts,
  seed: number,
  asOfDate: string,
): BankFact[][] => {
  const rng = mulberry32(seed);
  const population: BankFact[][] = [];
  for (const [tier, count] of Object.entries(counts) as [Tier, number][]) {
    const [from, to] = RANGES[tier];
    for (let i = 0; i < count; i++) {
      const aum = i === 0 ? from : i === 1 ? to - 1 : rng.int(from, to - 1);
      population.push(historyClosingAt(`${tier}-${i}`, aum, rng, asOfDate));
    }
  }
  return population;
};

const historyClosingAt = (
  customerId: string,
  aumMinor: MinorUnits,
  rng: Prng,
  asOfDate: string,
): BankFact[] => {
  const [current, savings] = [`${customerId}-cur`, `${customerId}-sav`];
  const outflow = rng.int(1, 5) * yuan(1_000);
  const product = aumMinor >= yuan(50_000) && rng.chance(0.5) ? Math.floor(aumMinor / 2) : 0;
  const history: BankFact[] = [
    onboarded(customerId, at('2020-03-02')),
    fact('AccountOpened', {
      customerId,
      accountId: current,
      kind: 'current',
      currency: 'CNY',
      occurredAt: at('2020-03-02'),
    }),
    fact('AccountOpened', {
      customerId,
      accountId: savings,
      kind: 'savings',
      currency: 'CNY',
      occurredAt: at('2020-03-02'),
    }),
    posted(customerId, current, aumMinor + outflow, at(asOfDate, '09:00:00'), { channel: 'batch' }),
    posted(customerId, current, -outflow, at(asOfDate, '18:00:00'), {
      otherBank: true,
      counterpartyBank: 'CMB',
    }),
  ];
  if (product > 0) {
    history.push(
      posted(customerId, current, -product, at(asOfDate, '19:00:00')),
      posted(customerId, savings, product, at(asOfDate, '19:00:00')),
      fact('ProductPurchased', {
        customerId,
        holdingId: `${customerId}-h1`,
        productId: 'wm-1y',
        productKind: 'wealth-product',
        fundedFromAccountId: savings,
        principalMinor: product,
        currency: 'CNY',
        maturesOn: null,
        occurredAt: at(asOfDate, '20:00:00'),
      }),
    );
  }
  return history;
};
