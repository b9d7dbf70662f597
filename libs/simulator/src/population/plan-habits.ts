import type { MinorUnits } from '@churn/domain-kernel';
import type { SnapshotBand } from '../calibration/branch-quotas';
import type { Dice } from '../random/dice';
import type { Employment } from './employment';

export interface Habits {
  readonly spendPerMonthMinor: MinorUnits;
  readonly spendCount: number;
  readonly productShare: number;
}

/**
 * Everyday spending by band, [acts a month, yuan a month]: zero-balance customers are dormant
 * (81.5% of accounts had no balance in June 2023, DOMAIN.md §4), the richer spend more often.
 */
const SPENDING: Readonly<Record<SnapshotBand, readonly [number, number]>> = {
  zero: [0, 0],
  'under-100': [0.3, 30],
  '100-to-1k': [1.5, 300],
  '1k-to-10k': [4, 2_000],
  '10k-to-50k': [6, 4_000],
  '50k-to-200k': [8, 6_000],
  'wealth-management': [10, 8_000],
  fortune: [12, 15_000],
  'private-banking': [12, 30_000],
};

/** [chance of high product acceptance (Table 5.1), least share, most share of AUM in products]. */
const PRODUCTS: Readonly<Partial<Record<SnapshotBand, readonly [number, number, number]>>> = {
  '10k-to-50k': [0.15, 0.2, 0.5],
  '50k-to-200k': [0.35, 0.3, 0.7],
  'wealth-management': [0.6, 0.3, 0.8],
  fortune: [0.6, 0.3, 0.8],
  'private-banking': [0.6, 0.3, 0.8],
};

/**
 * How a customer lives with their money: the band they live in (a churner's is the one before
 * the journey), and for payroll customers card spending of 15–45% of salary on top.
 */
export const planHabits = (
  band: SnapshotBand,
  employment: Employment | null,
  dice: Dice,
): Habits => {
  const [count, perMonth] = SPENDING[band];
  let spendCount = count * dice.between(0.5, 1.5);
  let spendPerMonthMinor = Math.round(perMonth * 100 * dice.between(0.5, 1.5));
  if (employment !== null) {
    spendCount += dice.between(5, 12);
    spendPerMonthMinor = Math.max(
      spendPerMonthMinor,
      Math.round(employment.salaryMinor * dice.between(0.15, 0.45)),
    );
  }
  const products = PRODUCTS[band];
  const productShare =
    products !== undefined && dice.chance(products[0]) ? dice.between(products[1], products[2]) : 0;
  return { spendPerMonthMinor, spendCount, productShare };
};
