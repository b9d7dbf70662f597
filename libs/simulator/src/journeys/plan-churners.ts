import type { DayNumber, MinorUnits } from '@churn/domain-kernel';
import { tierOf, type Tier } from '@churn/domain-customer';
import { bandRange, ceilingOf, drawLevel, floorOf } from '../calibration/aum-ranges';
import type { BandCounts, SnapshotBand } from '../calibration/branch-quotas';
import {
  MID_HIGH_TIERS,
  SNAPSHOT_TIER_COUNTS,
  THESIS_CHURN_RATE,
  YEAR_BEFORE_TIER_COUNTS,
  tierLossRate,
  type MidHighTier,
} from '../calibration/thesis-figures';
import type { EmployerPlan } from '../population/employers';
import type { Employment } from '../population/employment';
import type { Dice } from '../random/dice';
import type { ChurnJourney } from './journey-plan';

/** A customer chosen to be lost, before the journey's dates are laid out. */
export interface Churner {
  readonly index: number;
  readonly kind: ChurnJourney;
  readonly tierBefore: Tier;
  readonly levelBefore: MinorUnits;
  readonly residualBand: SnapshotBand;
  readonly residual: MinorUnits;
}

export interface ChurnWindow {
  readonly fromDay: DayNumber;
  readonly toDay: DayNumber;
  readonly years: number;
}

export interface ChurnSelection {
  readonly churners: readonly Churner[];
  /** The employer that moves its whole payroll to another bank, if any. */
  readonly movedEmployer: EmployerPlan | null;
}

/** How each tier's lost customers leave when no payroll is involved (yield-chasing leads at the top). */
const KINDS: readonly ChurnJourney[] = [
  'rate-chasing-transfer',
  'maturity-exit',
  'gradual-drain',
  'dissatisfied-exit',
];
const KIND_WEIGHTS: Readonly<Record<MidHighTier, readonly number[]>> = {
  'private-banking': [35, 25, 25, 15],
  fortune: [30, 25, 25, 20],
  'wealth-management': [20, 25, 30, 25],
};
/** Ordinary payroll customers who redirect their salary elsewhere, a year (1.5%). */
const SALARY_REDIRECTS_PER_YEAR = 0.015;

const residualOf = (levelBefore: MinorUnits, dice: Dice): [SnapshotBand, MinorUnits] => {
  const band = dice.weighted<SnapshotBand>(['zero', 'under-100', '100-to-1k'], [55, 30, 15]);
  const residual = drawLevel(band, dice);
  return residual <= levelBefore / 5 ? [band, residual] : ['zero', 0];
};

/** A pre-journey level inside the tier, 10% clear of its bounds: a month's spending cannot cross them. */
const tierLevel = (tier: MidHighTier, dice: Dice): MinorUnits =>
  Math.min(ceilingOf(tier) * 0.9, Math.max(floorOf(tier) * 1.1, drawLevel(tier, dice)));

const churner = (index: number, kind: ChurnJourney, level: MinorUnits, dice: Dice): Churner => {
  const levelBefore = Math.round(level / 100) * 100;
  const [residualBand, residual] = residualOf(levelBefore, dice);
  return { index, kind, tierBefore: tierOf(levelBefore), levelBefore, residualBand, residual };
};

/** An ordinary employee's savings before leaving: one and a half to five months of salary. */
const employeeLevel = (employment: Employment, dice: Dice): MinorUnits =>
  Math.min(bandRange('50k-to-200k')[1], employment.salaryMinor * dice.between(1.5, 5));

/**
 * Who is lost, and how: per tier the thesis's yearly losses (scaled by `churnRate` and the
 * window's length) taken from customers outside the top-ten payrolls, so that Table 3.4's
 * retention stays the thesis's; 1.5% of payroll customers a year redirect their salary; one
 * smaller employer moves its whole payroll. From 200 customers on, every journey occurs.
 */
export const selectChurners = (
  employments: readonly (Employment | null)[],
  employers: readonly EmployerPlan[],
  quotas: BandCounts,
  churnRate: number,
  window: ChurnWindow,
  dice: Dice,
): ChurnSelection => {
  if (churnRate <= 0 || window.years <= 0) return { churners: [], movedEmployer: null };
  const everyJourney = employments.length >= 200;
  const scale = churnRate / THESIS_CHURN_RATE;
  const movable = employers.filter((e) => !e.topTen && e.headcount >= 3);
  const movedEmployer = movable.length > 0 ? dice.pick(movable) : null;
  const chosen = new Map<number, Churner>();
  employments.forEach((employment, index) => {
    if (employment !== null && employment.employer === movedEmployer)
      chosen.set(
        index,
        churner(index, 'employer-moved-payroll', employeeLevel(employment, dice), dice),
      );
  });
  const candidates = shuffled(
    employments.flatMap((e, i) =>
      e === null || (!e.employer.topTen && e.employer !== movedEmployer) ? [i] : [],
    ),
    dice,
  );
  // The thesis's yearly losses, in proportion to the tier's size here (at least 3 per tier).
  const counts = MID_HIGH_TIERS.map((tier) => {
    const atRisk = (quotas[tier] * YEAR_BEFORE_TIER_COUNTS[tier]) / SNAPSHOT_TIER_COUNTS[tier];
    return Math.max(
      everyJourney ? 1 : 0,
      Math.round(tierLossRate(tier) * scale * atRisk * window.years),
    );
  });
  // Four mid/high-end customers at least, so that each non-payroll journey occurs.
  if (everyJourney) counts[2] = Math.max(counts[2] ?? 0, 4 - (counts[0] ?? 0) - (counts[1] ?? 0));
  let forced = everyJourney ? 0 : KINDS.length;
  MID_HIGH_TIERS.forEach((tier, t) => {
    for (let n = 0; n < (counts[t] ?? 0) && candidates.length > 0; n++) {
      const index = candidates.pop() as number;
      const kind =
        forced < KINDS.length
          ? (KINDS[forced++] as ChurnJourney)
          : employments[index] !== null && dice.chance(0.4)
            ? 'salary-redirected'
            : dice.weighted(KINDS, KIND_WEIGHTS[tier]);
      chosen.set(index, churner(index, kind, tierLevel(tier, dice), dice));
    }
  });
  const payroll = shuffled(
    employments.flatMap((e, i) =>
      e !== null && !chosen.has(i) && e.employer !== movedEmployer ? [i] : [],
    ),
    dice,
  );
  const redirects = Math.round(SALARY_REDIRECTS_PER_YEAR * scale * payroll.length * window.years);
  const needsRedirect =
    everyJourney && ![...chosen.values()].some((c) => c.kind === 'salary-redirected');
  for (let n = 0; n < Math.max(redirects, needsRedirect ? 1 : 0) && payroll.length > 0; n++) {
    const index = payroll.pop() as number;
    const employment = employments[index] as Employment;
    chosen.set(index, churner(index, 'salary-redirected', employeeLevel(employment, dice), dice));
  }
  return { churners: [...chosen.values()].sort((a, b) => a.index - b.index), movedEmployer };
};

const shuffled = (items: number[], dice: Dice): number[] => {
  for (let i = items.length - 1; i > 0; i--) {
    const j = dice.int(0, i);
    [items[i], items[j]] = [items[j] as number, items[i] as number];
  }
  return items;
};
