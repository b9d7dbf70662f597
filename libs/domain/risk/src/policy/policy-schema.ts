import { AUM_HISTORY_DAYS } from '@churn/domain-customer';
import { PAYROLL_BATCHES_KEPT } from '@churn/domain-employer';
import {
  ACTIVITY_DAYS_KEPT,
  OUTFLOW_DAYS_KEPT,
  PRODUCT_DAYS_KEPT,
  RELATIONSHIP_DAYS_KEPT,
} from '../evidence/risk-evidence';
import { RETENTION_MONTHS_KEPT } from '../employer/employer-retention-history';
import type { RiskPolicy } from './risk-policy';

/** An integer rule: `min..max` inclusive. (`rule` marks a leaf: no policy key is named so.) */
export interface IntegerRule {
  readonly rule: 'integer';
  readonly min: number;
  readonly max: number;
}

/** A name that is safe inside derived event-id names (no `|`), e.g. `2026-11-1`. */
export interface VersionRule {
  readonly rule: 'version';
}

/** The rule tree of a policy shape: every leaf of `T` gets a rule, checked by the compiler. */
export type PolicySchema<T> = T extends number
  ? IntegerRule
  : T extends string
    ? VersionRule
    : { readonly [K in keyof T]-?: PolicySchema<T[K]> };

const BASIS_POINTS: IntegerRule = { rule: 'integer', min: 0, max: 10_000 };
const WEIGHT: IntegerRule = { rule: 'integer', min: 0, max: 10_000 };
const VALUE_WEIGHT: IntegerRule = { rule: 'integer', min: 0, max: 50_000 };
const AMOUNT: IntegerRule = { rule: 'integer', min: 0, max: Number.MAX_SAFE_INTEGER };
const SCORE: IntegerRule = { rule: 'integer', min: 0, max: 100 };
const range = (min: number, max: number): IntegerRule => ({ rule: 'integer', min, max });
/** BG/NBD parameters in millionths: up to 10⁶ (b of a population that hardly drops out is large). */
const MODEL_PARAMETER: IntegerRule = { rule: 'integer', min: 0, max: 1_000_000_000_000 };
const ACTIVITY_MODEL = {
  rMillionths: MODEL_PARAMETER,
  alphaMillionths: MODEL_PARAMETER,
  aMillionths: MODEL_PARAMETER,
  bMillionths: MODEL_PARAMETER,
};

/**
 * Every key of the risk policy with its range. Windows stay within what the folds keep
 * (evidence horizons, the 400-day AUM history, the employer's last 24 batches), so a policy that
 * passes never asks a question the state cannot answer.
 */
export const RISK_POLICY_SCHEMA: PolicySchema<RiskPolicy> = {
  version: { rule: 'version' },
  windows: {
    payrollDrainDays: range(1, 20),
    payrollDrainBaselineCycles: range(1, 6),
    payrollDrainActiveDays: range(1, 62),
    aumMeanDays: range(1, 62),
    aumShortLookbackDays: range(1, AUM_HISTORY_DAYS),
    aumLongLookbackDays: range(1, AUM_HISTORY_DAYS),
    valueLookbackDays: range(1, AUM_HISTORY_DAYS),
    largeTransferDays: range(1, 31),
    largeTransferBaselineDays: range(0, OUTFLOW_DAYS_KEPT),
    maturityGraceDays: range(0, PRODUCT_DAYS_KEPT),
    maturityActiveDays: range(1, PRODUCT_DAYS_KEPT),
    dormancyRecentDays: range(7, ACTIVITY_DAYS_KEPT),
    complaintDays: range(1, RELATIONSHIP_DAYS_KEPT),
    surveyDays: range(1, RELATIONSHIP_DAYS_KEPT),
    leavingIntentDays: range(1, RELATIONSHIP_DAYS_KEPT),
    maturityNoticeDays: range(0, 366),
    employerTrailingBatches: range(1, PAYROLL_BATCHES_KEPT - 1),
    employerTrailingMonths: range(1, RETENTION_MONTHS_KEPT - 1),
  },
  thresholds: {
    payrollStopped: {
      toleranceDays: range(0, 62),
      missesToBreak: range(1, 12),
      staleAfterDays: range(1, 400),
    },
    payrollDrain: {
      shareBasisPoints: BASIS_POINTS,
      aboveUsualBasisPoints: BASIS_POINTS,
      minBaselineCycles: range(1, 6),
    },
    aumDecline: {
      shortDeclineBasisPoints: { rule: 'integer', min: 1, max: 10_000 },
      longDeclineBasisPoints: { rule: 'integer', min: 1, max: 10_000 },
      fullStrengthDeclineBasisPoints: { rule: 'integer', min: 1, max: 10_000 },
      minDeclineMinor: AMOUNT,
      minSentElsewhereBasisPoints: { rule: 'integer', min: 0, max: 1_000_000 },
    },
    tierDowngrade: { marginBasisPoints: BASIS_POINTS },
    largeOutboundTransfer: {
      shareOfAumBasisPoints: { rule: 'integer', min: 1, max: 10_000 },
      minAmountMinor: AMOUNT,
      aboveUsualBasisPoints: { rule: 'integer', min: 0, max: 1_000_000 },
    },
    maturityNotRolledOver: {
      minProceedsMinor: AMOUNT,
      reinvestedShareBasisPoints: { rule: 'integer', min: 1, max: 10_000 },
      leftBankShareBasisPoints: { rule: 'integer', min: 1, max: 10_000 },
      idleMaxStrengthBasisPoints: BASIS_POINTS,
      leftFullAtAumShareBasisPoints: BASIS_POINTS,
    },
    dormancy: {
      recentRateBasisPoints: { rule: 'integer', min: 0, max: 9_999 },
      minExpectedActiveDays: range(1, ACTIVITY_DAYS_KEPT),
      minBaselineDays: range(1, 3_650),
    },
    dissatisfaction: { detractorMaxScore: { rule: 'integer', min: 0, max: 9 } },
    earlyWarning: { goneAtOrBelowPeakBasisPoints: BASIS_POINTS },
    employer: {
      headcountShrinkBasisPoints: { rule: 'integer', min: 1, max: 10_000 },
      batchLateToleranceDays: range(0, 62),
      batchSettleDays: range(0, 31),
      minBatches: range(2, PAYROLL_BATCHES_KEPT),
      retentionFallBasisPoints: { rule: 'integer', min: 1, max: 1_000_000 },
      minRetentionMonths: range(1, RETENTION_MONTHS_KEPT - 1),
    },
  },
  weights: {
    signals: {
      'payroll-stopped': WEIGHT,
      'payroll-drain': WEIGHT,
      'aum-decline': WEIGHT,
      'tier-downgrade': WEIGHT,
      'large-outbound-transfer': WEIGHT,
      'maturity-not-rolled-over': WEIGHT,
      dormancy: WEIGHT,
      dissatisfaction: WEIGHT,
    },
    valueByTier: {
      ordinary: VALUE_WEIGHT,
      'wealth-management': VALUE_WEIGHT,
      fortune: VALUE_WEIGHT,
      'private-banking': VALUE_WEIGHT,
    },
    aumDeclineByTier: {
      ordinary: WEIGHT,
      'wealth-management': WEIGHT,
      fortune: WEIGHT,
      'private-banking': WEIGHT,
    },
    tierDowngradeByFormerTier: {
      'wealth-management': WEIGHT,
      fortune: WEIGHT,
      'private-banking': WEIGHT,
    },
    complaintBySeverity: { low: WEIGHT, medium: WEIGHT, high: WEIGHT },
    detractor: WEIGHT,
    leavingIntent: { elsewhere: WEIGHT, 'not-renewing': WEIGHT },
  },
  bands: { watch: { rule: 'integer', min: 1, max: 100 }, warning: SCORE, critical: SCORE },
  activityModel: {
    ordinary: ACTIVITY_MODEL,
    'wealth-management': ACTIVITY_MODEL,
    fortune: ACTIVITY_MODEL,
    'private-banking': ACTIVITY_MODEL,
  },
  hysteresis: { clearMarginPoints: range(0, 99), minDwellDays: range(0, 365) },
};
