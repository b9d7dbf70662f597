import type { DayNumber, MinorUnits } from '@churn/domain-kernel';
import {
  FORTUNE_FROM,
  PRIVATE_BANKING_FROM,
  TIERS,
  tierOf,
  WEALTH_MANAGEMENT_FROM,
  type CustomerState,
  type Tier,
} from '@churn/domain-customer';
import type { RiskEvidence } from '../evidence/risk-evidence';
import type { DowngradableTier, RiskPolicy } from '../policy/risk-policy';
import { largestOutflowIds } from './aum-decline.signal';
import { aumMean } from './aum-windows';
import { dateText, yuanText } from './explain';
import { basisPoints, clampStrength, evidenceIds, measure, type Signal } from './signal';

const TIER_FLOOR: Readonly<Record<DowngradableTier, MinorUnits>> = {
  'wealth-management': WEALTH_MANAGEMENT_FROM,
  fortune: FORTUNE_FROM,
  'private-banking': PRIVATE_BANKING_FROM,
};

const rank = (tier: Tier): number => TIERS.indexOf(tier);

/**
 * Tier downgrade (DOMAIN.md §1–2: in one year 1,247 wealth-management and 271 fortune customers
 * dropped out of their tier, and 12 of 57 private-banking clients left). The tier of the mean AUM
 * over the last `aumMeanDays` against the highest tier of the means that ended 30 and 90 days
 * earlier (the tide averages out over a pay cycle). A customer hovering at a tier's floor does
 * not fire: the mean must be `marginBasisPoints` below the former tier's floor. Strength is the
 * former tier's weight, plus 2,000 basis points for each further tier dropped.
 */
export const tierDowngrade = (
  customer: CustomerState,
  evidence: RiskEvidence,
  asOfDay: DayNumber,
  policy: RiskPolicy,
): Signal | null => {
  const { aumMeanDays, aumShortLookbackDays, aumLongLookbackDays } = policy.windows;
  const history = customer.aumHistory;
  const nowMinor = aumMean(history, asOfDay, aumMeanDays);
  const former = [aumShortLookbackDays, aumLongLookbackDays]
    .map((lookback) => ({
      lookback,
      meanMinor: aumMean(history, asOfDay - lookback, aumMeanDays) ?? 0,
    }))
    .reduce((a, b) => (b.meanMinor > a.meanMinor ? b : a));
  const formerTier = tierOf(former.meanMinor);
  if (nowMinor === undefined || formerTier === 'ordinary') return null;
  const floorMinor = TIER_FLOOR[formerTier];
  const belowFloor = basisPoints(floorMinor - nowMinor, floorMinor);
  if (belowFloor < policy.thresholds.tierDowngrade.marginBasisPoints) return null;
  const downgrade = {
    ...former,
    formerTier,
    tier: tierOf(nowMinor),
    nowMinor,
    floorMinor,
    belowFloor,
  };
  return downgradeSignal(downgrade, evidence, asOfDay, policy);
};

interface Downgrade {
  readonly lookback: number;
  readonly meanMinor: MinorUnits;
  readonly formerTier: DowngradableTier;
  readonly tier: Tier;
  readonly nowMinor: MinorUnits;
  readonly floorMinor: MinorUnits;
  readonly belowFloor: number;
}

const downgradeSignal = (
  d: Downgrade,
  evidence: RiskEvidence,
  asOfDay: DayNumber,
  policy: RiskPolicy,
): Signal => {
  const { aumMeanDays } = policy.windows;
  const dropped = rank(d.formerTier) - rank(d.tier);
  const since = asOfDay - d.lookback - aumMeanDays + 1;
  return {
    code: 'tier-downgrade',
    strengthBasisPoints: clampStrength(
      policy.weights.tierDowngradeByFormerTier[d.formerTier] + 2_000 * (dropped - 1),
    ),
    evidenceEventIds: evidenceIds(largestOutflowIds(evidence, since, asOfDay)),
    measures: [
      measure(
        'below-former-tier-floor',
        d.belowFloor,
        policy.thresholds.tierDowngrade.marginBasisPoints,
        'basis-points',
      ),
      measure('tiers-dropped', dropped, 1, 'count'),
    ],
    explanation:
      `Dropped from ${d.formerTier} to ${d.tier}: average AUM ${yuanText(d.nowMinor)} over the ` +
      `last ${aumMeanDays} days against ${yuanText(d.meanMinor)} over the ${aumMeanDays} days to ` +
      `${dateText(asOfDay - d.lookback)} (${d.formerTier} from ${yuanText(d.floorMinor)})`,
  };
};
