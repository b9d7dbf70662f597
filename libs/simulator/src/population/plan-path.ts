import type { MinorUnits } from '@churn/domain-kernel';
import { ceilingOf, drawLevel, floorOf, bandOfLevel } from '../calibration/aum-ranges';
import type { SnapshotBand } from '../calibration/branch-quotas';
import { tierEntrantShare, type MidHighTier } from '../calibration/thesis-figures';
import type { JourneyPlan } from '../journeys/journey-plan';
import type { Dice } from '../random/dice';
import type { AumPath } from './aum-path';

const isTier = (band: SnapshotBand): band is MidHighTier =>
  band === 'wealth-management' || band === 'fortune' || band === 'private-banking';

/** Ordinary customers stay clear of the wealth-management floor until the snapshot. */
const ORDINARY_CEILING: MinorUnits = 19_400_000;

/**
 * A customer's month-end AUM targets. At the snapshot (the last month) they stand exactly in
 * their band. A year before, tier members either stood in the same tier or — entrants, in the
 * thesis's proportions (WM 38%, fortune 39%, PB 10%) — below it, which reproduces Table 3.1's
 * June 2022 counts together with the year's losses. A churner's path leads to the level they
 * hold until their journey takes over (`journeyMonth`, the month of its settle stop), inside
 * `tierBefore`.
 */
export const planPath = (
  band: SnapshotBand,
  journey: JourneyPlan | null,
  journeyMonth: number,
  months: number,
  dice: Dice,
): AumPath => {
  const last = months - 1;
  if (journey !== null) {
    const before = bandOfLevel(journey.levelBefore);
    const inTier = isTier(before);
    const low = inTier ? floorOf(before) * 1.08 : 0;
    const high = inTier ? ceilingOf(before) * 0.97 : ORDINARY_CEILING;
    const opening = journey.levelBefore * dice.between(inTier ? 0.85 : 0.6, inTier ? 1.15 : 1.4);
    return anchored(
      [
        [-1, opening],
        [journeyMonth - 1, journey.levelBefore],
      ],
      Math.max(0, journeyMonth - 12),
      low,
      high,
      inTier,
    );
  }
  const snapshot = drawLevel(band, dice);
  if (!isTier(band)) {
    const yearBefore = Math.min(ORDINARY_CEILING, snapshot * dice.between(0.8, 1.2));
    const opening = Math.min(ORDINARY_CEILING, yearBefore * dice.between(0.75, 1.1));
    return anchored(
      [
        [-1, opening],
        [last - 12, yearBefore],
        [last, snapshot],
      ],
      0,
      0,
      ORDINARY_CEILING,
      false,
    );
  }
  const [low, high] = [floorOf(band) * 1.03, ceilingOf(band) * 0.97];
  const entrant = months > 12 && dice.chance(tierEntrantShare(band));
  const yearBefore = entrant
    ? floorOf(band) * dice.between(0.6, 0.97)
    : Math.min(high, Math.max(low, snapshot * dice.between(0.85, 1.15)));
  const opening = yearBefore * dice.between(0.75, 1.1);
  return anchored(
    [
      [-1, opening],
      [last - 12, yearBefore],
      [last, snapshot],
    ],
    entrant ? months : last - 12,
    low,
    high,
    true,
  );
};

const anchored = (
  points: readonly (readonly [number, number])[],
  clampFrom: number,
  low: MinorUnits,
  high: MinorUnits,
  midHigh: boolean,
): AumPath => {
  const kept = points.filter(([m], i) => i === 0 || m > (points[i - 1]?.[0] ?? -1));
  return {
    months: kept.map(([m]) => m),
    levels: kept.map(([, level]) => Math.max(0, Math.round(level / 100) * 100)),
    clampFrom,
    low,
    high,
    noise: midHigh ? 0.03 : 0.05,
  };
};
