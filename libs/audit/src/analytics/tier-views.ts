import { TIERS, type Tier } from '@churn/domain-customer';
import { bankDate } from '@churn/domain-kernel';
import type { BranchAnalyticsModel } from './branch-analytics.model';
import type { TierCounts } from './customer-tiers';
import { monthEndDate, monthText, type MonthIndex } from './months';

/** Tiers as JSON keys: `wealth-management` → `wealthManagement`. */
export const TIER_KEYS = {
  ordinary: 'ordinary',
  'wealth-management': 'wealthManagement',
  fortune: 'fortune',
  'private-banking': 'privateBanking',
} as const satisfies Record<Tier, string>;
export type TierKey = (typeof TIER_KEYS)[Tier];
export type PerTier = Record<TierKey, number>;

/** Inclusive whole bank months. */
export interface MonthWindow {
  readonly from: MonthIndex;
  readonly to: MonthIndex;
}

/** What every branch view says about itself: the window and how far the model has read. */
export interface ViewHeader {
  readonly from: string;
  readonly to: string;
  /** The latest bank day a fact was booked on (null on an empty store). */
  readonly asOf: string | null;
  /** Global store position the answer is folded up to. */
  readonly position: number;
}

export const perTier = (counts: TierCounts): PerTier => ({
  ordinary: counts[0],
  wealthManagement: counts[1],
  fortune: counts[2],
  privateBanking: counts[3],
});

export const headerOf = (model: BranchAnalyticsModel, window: MonthWindow): ViewHeader => ({
  from: monthText(window.from),
  to: monthText(window.to),
  asOf: model.tiers.latestDay === null ? null : bankDate(model.tiers.latestDay),
  position: model.position,
});

export interface TierCountRow extends PerTier {
  /** `YYYY-MM`. */
  readonly month: string;
  /** The month-end the tiers are taken at, `YYYY-MM-DD`. */
  readonly monthEnd: string;
  readonly total: number;
}

export interface TierCountsView extends ViewHeader {
  readonly rows: readonly TierCountRow[];
}

/** Thesis Table 3.1: customers per tier at each month-end (a month in progress: as of now). */
export const tierCountsView = (
  model: BranchAnalyticsModel,
  window: MonthWindow,
): TierCountsView => ({
  ...headerOf(model, window),
  rows: model.tiers.countsByMonth(window.from, window.to).map((counts, i) => ({
    month: monthText(window.from + i),
    monthEnd: monthEndDate(window.from + i),
    ...perTier(counts),
    total: counts[0] + counts[1] + counts[2] + counts[3],
  })),
});

export interface TierMigrationView extends ViewHeader {
  /** Row and column order of `matrix`. */
  readonly tiers: readonly TierKey[];
  /** `matrix[i][j]`: customers in tier i at the end of `from` and in tier j at the end of `to`. */
  readonly matrix: readonly (readonly number[])[];
  /** Customers at the end of `from` (every row of the matrix summed). */
  readonly customersAtFrom: number;
  readonly customersAtTo: number;
  /** Customers whose first fact came after `from`, by their tier at the end of `to`. */
  readonly joined: PerTier;
  readonly stayed: number;
  readonly movedUp: number;
  readonly movedDown: number;
}

export const tierMigrationView = (
  model: BranchAnalyticsModel,
  window: MonthWindow,
): TierMigrationView => {
  const { matrix, joined } = model.tiers.migration(window.from, window.to);
  let stayed = 0;
  let movedUp = 0;
  let movedDown = 0;
  let customersAtFrom = 0;
  matrix.forEach((row, i) =>
    row.forEach((n, j) => {
      customersAtFrom += n;
      if (i === j) stayed += n;
      else if (j > i) movedUp += n;
      else movedDown += n;
    }),
  );
  const joinedTotal = joined[0] + joined[1] + joined[2] + joined[3];
  return {
    ...headerOf(model, window),
    tiers: TIERS.map((t) => TIER_KEYS[t]),
    matrix,
    customersAtFrom,
    customersAtTo: customersAtFrom + joinedTotal,
    joined: perTier(joined),
    stayed,
    movedUp,
    movedDown,
  };
};
