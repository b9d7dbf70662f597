import { yuan } from '@churn/domain-kernel';
import type { ComplaintSeverity } from '@churn/domain-facts';
import type { Tier } from '@churn/domain-customer';
import type { SignalCode } from '../signals/signal';

/**
 * The risk policy (ARCHITECTURE.md principle 8: config is data): every window, threshold and
 * weight the signals and the score use, under a version that every risk event records. It is
 * JSON-compatible so that the feature layer can read it from a YAML or JSON file and check it
 * with `validateRiskPolicy` before start-up. Amounts are fen, ratios basis points (1/100 of a
 * percent), scores points 0..100, windows bank days.
 */
export interface RiskPolicy {
  readonly version: string;
  readonly windows: RiskWindows;
  readonly thresholds: RiskThresholds;
  readonly weights: RiskWeights;
  /** Score from which each band starts (DOMAIN.md §5: early warning, then escalation). */
  readonly bands: { readonly watch: number; readonly warning: number; readonly critical: number };
  readonly hysteresis: {
    /** A band is left only when the score falls this many points below the band's threshold. */
    readonly clearMarginPoints: number;
    /** Days the score must stay below `watch − clearMarginPoints` before the risk clears. */
    readonly minDwellDays: number;
  };
}

export interface RiskWindows {
  /** Days after payday within which money sent to other banks counts as a payroll drain. */
  readonly payrollDrainDays: number;
  /** Earlier pay cycles that teach the customer's usual drain (the tide, DOMAIN.md §3). */
  readonly payrollDrainBaselineCycles: number;
  /** Days after payday the drain of that pay cycle stays a signal (until the next salary). */
  readonly payrollDrainActiveDays: number;
  /** AUM is compared as means over this many days, one pay cycle, so the tide averages out. */
  readonly aumMeanDays: number;
  readonly aumShortLookbackDays: number;
  readonly aumLongLookbackDays: number;
  /** The customer's value is their peak AUM over this many days (what the bank stands to lose). */
  readonly valueLookbackDays: number;
  readonly largeTransferDays: number;
  /** Days before the transfer window that teach the customer's usual largest transfer. */
  readonly largeTransferBaselineDays: number;
  /** Days after maturity within which the proceeds must be reinvested (到期未转存). */
  readonly maturityGraceDays: number;
  /** Days after the grace period during which an unreinvested maturity stays a signal. */
  readonly maturityActiveDays: number;
  readonly dormancyRecentDays: number;
  readonly complaintDays: number;
  readonly surveyDays: number;
  readonly employerTrailingBatches: number;
  readonly employerTrailingMonths: number;
}

export interface RiskThresholds {
  readonly payrollStopped: {
    readonly toleranceDays: number;
    readonly missesToBreak: number;
    /** After this many days without salary the series is history, not a live signal. */
    readonly staleAfterDays: number;
  };
  readonly payrollDrain: {
    readonly shareBasisPoints: number;
    readonly aboveUsualBasisPoints: number;
    readonly minBaselineCycles: number;
  };
  readonly aumDecline: {
    readonly shortDeclineBasisPoints: number;
    readonly longDeclineBasisPoints: number;
    readonly fullStrengthDeclineBasisPoints: number;
    readonly minDeclineMinor: number;
  };
  readonly tierDowngrade: { readonly marginBasisPoints: number };
  readonly largeOutboundTransfer: {
    readonly shareOfAumBasisPoints: number;
    readonly minAmountMinor: number;
    readonly aboveUsualBasisPoints: number;
  };
  readonly maturityNotRolledOver: {
    readonly minProceedsMinor: number;
    readonly reinvestedShareBasisPoints: number;
    readonly leftBankShareBasisPoints: number;
  };
  readonly dormancy: {
    readonly recentRateBasisPoints: number;
    readonly minExpectedActiveDays: number;
    readonly minBaselineDays: number;
  };
  readonly dissatisfaction: { readonly detractorMaxScore: number };
  readonly employer: {
    readonly headcountShrinkBasisPoints: number;
    readonly batchLateToleranceDays: number;
    readonly batchSettleDays: number;
    readonly minBatches: number;
    readonly retentionFallBasisPoints: number;
    readonly minRetentionMonths: number;
  };
}

export type DowngradableTier = Exclude<Tier, 'ordinary'>;

export interface RiskWeights {
  /** How much each signal counts towards the score, at full strength. */
  readonly signals: Readonly<Record<SignalCode, number>>;
  /** Effort follows value (DOMAIN.md §5.4, the 80/20 rule): 10,000 is neutral. */
  readonly valueByTier: Readonly<Record<Tier, number>>;
  /** How telling an AUM decline is in the tier the customer was in (thesis: above all fortune and private banking). */
  readonly aumDeclineByTier: Readonly<Record<Tier, number>>;
  readonly tierDowngradeByFormerTier: Readonly<Record<DowngradableTier, number>>;
  readonly complaintBySeverity: Readonly<Record<ComplaintSeverity, number>>;
}

/**
 * The default policy. Numbers from the thesis where it gives them (detractor 0–6; tiers at
 * 200k/1M/6M; payroll in the first half of the month, drained in the second), otherwise chosen
 * to be conservative and documented next to the signal that uses them.
 */
export const DEFAULT_RISK_POLICY: RiskPolicy = {
  version: '2026-11-1',
  windows: {
    payrollDrainDays: 10,
    payrollDrainBaselineCycles: 6,
    payrollDrainActiveDays: 35,
    aumMeanDays: 30,
    aumShortLookbackDays: 30,
    aumLongLookbackDays: 90,
    valueLookbackDays: 90,
    largeTransferDays: 7,
    largeTransferBaselineDays: 180,
    maturityGraceDays: 7,
    maturityActiveDays: 60,
    dormancyRecentDays: 60,
    complaintDays: 90,
    surveyDays: 180,
    employerTrailingBatches: 6,
    employerTrailingMonths: 6,
  },
  thresholds: {
    payrollStopped: { toleranceDays: 7, missesToBreak: 2, staleAfterDays: 365 },
    payrollDrain: { shareBasisPoints: 5_000, aboveUsualBasisPoints: 3_000, minBaselineCycles: 3 },
    aumDecline: {
      shortDeclineBasisPoints: 2_000,
      longDeclineBasisPoints: 3_000,
      fullStrengthDeclineBasisPoints: 6_000,
      minDeclineMinor: yuan(10_000),
    },
    tierDowngrade: { marginBasisPoints: 500 },
    largeOutboundTransfer: {
      shareOfAumBasisPoints: 3_000,
      minAmountMinor: yuan(50_000),
      aboveUsualBasisPoints: 15_000,
    },
    maturityNotRolledOver: {
      minProceedsMinor: yuan(10_000),
      reinvestedShareBasisPoints: 8_000,
      leftBankShareBasisPoints: 5_000,
    },
    dormancy: { recentRateBasisPoints: 2_000, minExpectedActiveDays: 6, minBaselineDays: 120 },
    dissatisfaction: { detractorMaxScore: 6 },
    employer: {
      headcountShrinkBasisPoints: 2_000,
      batchLateToleranceDays: 5,
      batchSettleDays: 1,
      minBatches: 3,
      retentionFallBasisPoints: 1_000,
      minRetentionMonths: 3,
    },
  },
  weights: {
    signals: {
      'payroll-stopped': 6_000,
      'payroll-drain': 4_500,
      'aum-decline': 5_000,
      'tier-downgrade': 4_000,
      'large-outbound-transfer': 5_000,
      'maturity-not-rolled-over': 3_500,
      dormancy: 4_000,
      dissatisfaction: 3_000,
    },
    valueByTier: {
      ordinary: 7_000,
      'wealth-management': 10_000,
      fortune: 12_500,
      'private-banking': 15_000,
    },
    aumDeclineByTier: {
      ordinary: 6_000,
      'wealth-management': 8_000,
      fortune: 10_000,
      'private-banking': 10_000,
    },
    tierDowngradeByFormerTier: {
      'wealth-management': 6_000,
      fortune: 8_000,
      'private-banking': 10_000,
    },
    complaintBySeverity: { low: 4_000, medium: 6_000, high: 8_000 },
  },
  bands: { watch: 35, warning: 55, critical: 75 },
  hysteresis: { clearMarginPoints: 10, minDwellDays: 7 },
};
