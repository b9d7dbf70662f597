import { ORDINARY_BANDS, type OrdinaryBand } from '@churn/domain-customer';
import {
  MID_HIGH_TIERS,
  ORDINARY_BAND_SHARES,
  SNAPSHOT_TIER_COUNTS,
  THESIS_CUSTOMERS,
  type MidHighTier,
} from './thesis-figures';

/** Where a customer stands at the snapshot: an ordinary balance band or a mid/high-end tier. */
export type SnapshotBand = OrdinaryBand | MidHighTier;

/** From the richest down: the order in which snapshot places are handed out. */
export const SNAPSHOT_BANDS: readonly SnapshotBand[] = [
  ...MID_HIGH_TIERS,
  ...[...ORDINARY_BANDS].reverse(),
];

export type BandCounts = Readonly<Record<SnapshotBand, number>>;

/** The branch's size relative to the thesis's 213,500 customers. */
export const scaleOf = (customers: number): number => customers / THESIS_CUSTOMERS;

/**
 * How many customers stand in each band at the snapshot: the thesis's tier counts scaled to the
 * branch size (at least three of each tier from 200 customers on, so that small branches still
 * exercise every tier), and the rest split over the ordinary bands by the thesis's shares with
 * the largest-remainder method, so the counts add up to `customers` exactly.
 */
export const snapshotQuotas = (customers: number): BandCounts => {
  const scale = scaleOf(customers);
  const least = customers >= 200 ? 3 : 0;
  const counts = {} as Record<SnapshotBand, number>;
  let midHigh = 0;
  for (const tier of MID_HIGH_TIERS) {
    counts[tier] = Math.max(least, Math.round(SNAPSHOT_TIER_COUNTS[tier] * scale));
    midHigh += counts[tier];
  }
  const ordinary = Math.max(0, customers - midHigh);
  const shares = ORDINARY_BANDS.map((band) => ORDINARY_BAND_SHARES[band]);
  const total = shares.reduce((a, b) => a + b, 0);
  const exact = shares.map((share) => (ordinary * share) / total);
  const whole = exact.map(Math.floor);
  let left = ordinary - whole.reduce((a, b) => a + b, 0);
  const byRemainder = exact
    .map((x, i) => [x - Math.floor(x), i] as const)
    .sort((a, b) => b[0] - a[0] || a[1] - b[1]);
  for (const [, i] of byRemainder) {
    if (left-- <= 0) break;
    whole[i] = (whole[i] ?? 0) + 1;
  }
  ORDINARY_BANDS.forEach((band, i) => (counts[band] = whole[i] ?? 0));
  return counts;
};
