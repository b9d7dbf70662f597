import type { DayNumber, MinorUnits } from '@churn/domain-kernel';
import { tierOf, type CustomerState, type Tier } from '@churn/domain-customer';
import type { RiskPolicy } from '../policy/risk-policy';
import { aumPeak } from '../signals/aum-windows';
import { SIGNAL_CODES, type Signal, type SignalCode } from '../signals/signal';

export const RISK_BANDS = ['none', 'watch', 'warning', 'critical'] as const;
export type RiskBand = (typeof RISK_BANDS)[number];

export interface Contribution {
  readonly code: SignalCode;
  readonly weightBasisPoints: number;
  readonly strengthBasisPoints: number;
  /** weight × strength: what this signal alone would make of the combined risk. */
  readonly termBasisPoints: number;
}

export interface CustomerValue {
  /** Peak AUM over `valueLookbackDays`: what the bank stands to lose, not what is left. */
  readonly peakAumMinor: MinorUnits;
  readonly tier: Tier;
  readonly weightBasisPoints: number;
}

export interface RiskScore {
  /** 0..100. */
  readonly score: number;
  readonly band: RiskBand;
  /** 1 − Π(1 − wᵢ·sᵢ), in basis points, before the value weight. */
  readonly combinedBasisPoints: number;
  readonly value: CustomerValue;
  readonly contributions: readonly Contribution[];
}

/**
 * The value weight (DOMAIN.md §5.4: effort follows value, the 80/20 rule; §2: private banking and
 * fortune first). The tier of the customer's peak AUM over the lookback: a private-banking client
 * who has just moved everything out is still weighed as private banking.
 */
export const customerValueOf = (
  customer: CustomerState,
  asOfDay: DayNumber,
  policy: RiskPolicy,
): CustomerValue => {
  const from = asOfDay - policy.windows.valueLookbackDays + 1;
  const peakAumMinor = Math.max(customer.aumMinor, aumPeak(customer.aumHistory, from, asOfDay));
  const tier = tierOf(peakAumMinor);
  return { peakAumMinor, tier, weightBasisPoints: policy.weights.valueByTier[tier] };
};

/** The band a score falls in, without hysteresis (see `decideRisk` for that). */
export const bandOf = (score: number, bands: RiskPolicy['bands']): RiskBand =>
  score >= bands.critical
    ? 'critical'
    : score >= bands.warning
      ? 'warning'
      : score >= bands.watch
        ? 'watch'
        : 'none';

/**
 * The risk score, in integers so that a replay records the same number:
 *
 *   termᵢ    = ⌊wᵢ · sᵢ / 10⁴⌋                       weight and strength in basis points
 *   combined = 10⁴ − ∏ᵢ (10⁴ − termᵢ) / 10⁴          (noisy-OR, floored at each step, in
 *                                                     the fixed order of SIGNAL_CODES)
 *   scaled   = min(10⁴, ⌊combined · v / 10⁴⌋)        v: the value weight of the tier
 *   score    = ⌊(scaled + 50) / 100⌋                  0..100, rounded half up
 *
 * Independent signals reinforce each other without ever exceeding certainty; no single weak
 * signal makes a customer critical; and the same evidence weighs more for a private-banking
 * client (v = 1.5) than for an ordinary one (v = 0.7).
 */
export const scoreOf = (
  signals: readonly Signal[],
  value: CustomerValue,
  policy: RiskPolicy,
): RiskScore => {
  const contributions = contributionsOf(signals, policy);
  let unlikely = 10_000;
  for (const { termBasisPoints } of contributions)
    unlikely = Math.floor((unlikely * (10_000 - termBasisPoints)) / 10_000);
  const combinedBasisPoints = 10_000 - unlikely;
  const scaled = Math.floor((combinedBasisPoints * value.weightBasisPoints) / 10_000);
  const score = Math.floor((Math.min(10_000, scaled) + 50) / 100);
  return { score, band: bandOf(score, policy.bands), combinedBasisPoints, value, contributions };
};

/** Each signal's weight × strength, in the fixed order of `SIGNAL_CODES`. */
const contributionsOf = (signals: readonly Signal[], policy: RiskPolicy): Contribution[] =>
  SIGNAL_CODES.flatMap((code) => {
    const signal = signals.find((s) => s.code === code);
    if (signal === undefined) return [];
    const weightBasisPoints = policy.weights.signals[code];
    const { strengthBasisPoints } = signal;
    const termBasisPoints = Math.floor((weightBasisPoints * strengthBasisPoints) / 10_000);
    return [{ code, weightBasisPoints, strengthBasisPoints, termBasisPoints }];
  });
