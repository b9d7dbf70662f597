import { SNAPSHOT_BANDS, type BandCounts, type SnapshotBand } from '../calibration/branch-quotas';
import type { Churner } from '../journeys/plan-churners';
import type { Dice } from '../random/dice';
import type { Employment } from './employment';

/**
 * A customer's propensity to hold money here: payroll customers hold more the more they earn,
 * others spread widely. Only the order matters: it decides who gets which snapshot place.
 */
const wealthScore = (employment: Employment | null, dice: Dice): number =>
  employment === null
    ? 1.6 * dice.normal()
    : 0.9 * Math.log(employment.salaryMinor / 500_000) + 1.2 * dice.normal() + 0.8;

/**
 * Hands out the snapshot places: churners stand in the low band of what they left behind; the
 * rest are ranked by wealth and given the places of the thesis's counts from the richest down,
 * so the tier and band counts at the snapshot are the quotas exactly.
 */
export const assignBands = (
  quotas: BandCounts,
  employments: readonly (Employment | null)[],
  churners: ReadonlyMap<number, Churner>,
  dice: Dice,
): SnapshotBand[] => {
  const left: Record<SnapshotBand, number> = { ...quotas };
  for (const churner of churners.values()) left[churner.residualBand] -= 1;
  let deficit = 0;
  for (const band of SNAPSHOT_BANDS) {
    if (left[band] < 0) deficit -= left[band];
    left[band] = Math.max(0, left[band]);
  }
  // Churners beyond a small branch's low bands are taken from the next bands up.
  for (const band of ['under-100', '100-to-1k', '1k-to-10k', 'zero'] as const) {
    const taken = Math.min(deficit, left[band]);
    left[band] -= taken;
    deficit -= taken;
  }
  const ranked = employments
    .map((employment, index) => ({ index, score: wealthScore(employment, dice) }))
    .filter(({ index }) => !churners.has(index))
    .sort((a, b) => b.score - a.score || a.index - b.index);
  const bands: SnapshotBand[] = employments.map((_, i) => churners.get(i)?.residualBand ?? 'zero');
  let next = 0;
  for (const band of SNAPSHOT_BANDS) {
    for (let n = 0; n < left[band] && next < ranked.length; n++)
      bands[(ranked[next++] as { index: number }).index] = band;
  }
  return bands;
};
