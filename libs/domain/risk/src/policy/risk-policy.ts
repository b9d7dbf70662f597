import { yuan } from '@churn/domain-kernel';
import type { ComplaintSeverity } from '@churn/domain-facts';
import type { Tier } from '@churn/domain-customer';
import type { LeavingIntent } from '../evidence/leaving-intent';
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
  /**
   * The modified BG/NBD per tier (DOMAIN.md §9), fitted on the branch's history in weeks and
   * written here in millionths, so that the evidence it gives is versioned with the policy.
   * Evidence in the dormancy signal's measures and explanation, not a signal: a tier whose
   * parameters are 0 has no model.
   */
  readonly activityModel: Readonly<Record<Tier, ActivityModelPolicy>>;
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
  /**
   * Days a contact in which the customer said they would move money or bank elsewhere stays a
   * signal (`LeavingIntent` 'elsewhere'; dissatisfaction).
   */
  readonly leavingIntentDays: number;
  /**
   * Days ahead of a product's maturity date within which a customer who said they will not renew
   * it (`LeavingIntent` 'not-renewing') is a signal: the bank knows every maturity date.
   */
  readonly maturityNoticeDays: number;
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
    /**
     * Money sent to other banks over the compared span, in basis points of the fall, at least
     * this much: a fall spent or kept inside the bank is not money leaving it. 0: off.
     */
    readonly minSentElsewhereBasisPoints: number;
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
    /**
     * The strongest an unreinvested maturity speaks while its money is still in the bank: most
     * proceeds paid to savings simply stay (the tide of products); 10,000 leaves it uncapped.
     */
    readonly idleMaxStrengthBasisPoints: number;
    /**
     * Once the proceeds left for other banks, the strength reaches full when the money that left
     * is this share of the AUM before (half at half of it, and so on); 0: full whatever the share.
     */
    readonly leftFullAtAumShareBasisPoints: number;
  };
  readonly dormancy: {
    readonly recentRateBasisPoints: number;
    readonly minExpectedActiveDays: number;
    readonly minBaselineDays: number;
  };
  readonly dissatisfaction: { readonly detractorMaxScore: number };
  /**
   * Early warning is for money still in the bank (DOMAIN.md §1: "RMs learn of a loss after the
   * money is gone"). No new risk is raised for a customer whose AUM has already fallen to at
   * most this share of their peak over `valueLookbackDays`; an open risk runs on. 0: off.
   */
  readonly earlyWarning: { readonly goneAtOrBelowPeakBasisPoints: number };
  readonly employer: {
    readonly headcountShrinkBasisPoints: number;
    readonly batchLateToleranceDays: number;
    readonly batchSettleDays: number;
    readonly minBatches: number;
    readonly retentionFallBasisPoints: number;
    readonly minRetentionMonths: number;
  };
}

/** BG/NBD parameters r, α, a, b times 1,000,000 (weeks); 0 anywhere: no model. */
export interface ActivityModelPolicy {
  readonly rMillionths: number;
  readonly alphaMillionths: number;
  readonly aMillionths: number;
  readonly bMillionths: number;
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
  /**
   * The strength of the most telling detractor answer (0 out of 10), the mildest (6) weighing
   * half of it: 37.43% of surveyed customers are detractors (thesis §3.3), so one answer alone
   * says little.
   */
  readonly detractor: number;
  /** The strength of what a customer told the bank about leaving (`leavingIntentOf`). */
  readonly leavingIntent: Readonly<Record<LeavingIntent, number>>;
}

const NO_ACTIVITY_MODEL: ActivityModelPolicy = {
  rMillionths: 0,
  alphaMillionths: 0,
  aMillionths: 0,
  bMillionths: 0,
};

/**
 * The default policy. Numbers from the thesis where it gives them (detractor 0–6; tiers at
 * 200k/1M/6M; payroll in the first half of the month, drained in the second), otherwise chosen
 * to be conservative and documented next to the signal that uses them. The keys added after
 * 2026-11-1 (stated leaving intent, the money-gone rule, where an AUM fall went, the caps on
 * idle and departed maturity proceeds) are off or neutral here, so that 2026-11-1 still decides
 * what it always decided; the deployed policy file turns them on under its own version.
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
    leavingIntentDays: 60,
    maturityNoticeDays: 30,
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
      minSentElsewhereBasisPoints: 0,
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
      idleMaxStrengthBasisPoints: 10_000,
      leftFullAtAumShareBasisPoints: 0,
    },
    dormancy: { recentRateBasisPoints: 2_000, minExpectedActiveDays: 6, minBaselineDays: 120 },
    dissatisfaction: { detractorMaxScore: 6 },
    earlyWarning: { goneAtOrBelowPeakBasisPoints: 0 },
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
    detractor: 10_000,
    leavingIntent: { elsewhere: 0, 'not-renewing': 0 },
  },
  bands: { watch: 35, warning: 55, critical: 75 },
  activityModel: {
    ordinary: NO_ACTIVITY_MODEL,
    'wealth-management': NO_ACTIVITY_MODEL,
    fortune: NO_ACTIVITY_MODEL,
    'private-banking': NO_ACTIVITY_MODEL,
  },
  hysteresis: { clearMarginPoints: 10, minDwellDays: 7 },
};
