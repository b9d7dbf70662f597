import type { ActivitySummary } from './activity-summary';
import type { ActivityModelParams } from './activity-model';
import { bgNbdConditionalExpectedRepeats, bgNbdProbabilityAlive } from './bgnbd';
import {
  modifiedBgNbdConditionalExpectedRepeats,
  modifiedBgNbdProbabilityAlive,
} from './modified-bgnbd';

/** A fitted model: which likelihood the params came from decides which formulas apply. */
export interface ActivityModel {
  readonly kind: 'bg-nbd' | 'modified-bg-nbd';
  readonly params: ActivityModelParams;
}

/**
 * Evidence about one customer's activity, for the risk rules to weigh. Not a verdict: there
 * are no thresholds here, and DOMAIN.md §9 asks that any such score beat "days since last
 * customer-initiated activity" on held-out history before it is trusted.
 */
export interface ActivityEvidence {
  /**
   * P(still active at the calibration end). Under the plain BG/NBD it is 1 for every customer
   * without a repeat, however long silent — prefer the modified model for ranking.
   */
  readonly pAlive: number;
  /** Expected activity days in the next `t` units (the unit the model was fitted in). */
  readonly expectedNext: (t: number) => number;
}

export const activityEvidence = (
  model: ActivityModel,
  summary: ActivitySummary,
): ActivityEvidence =>
  model.kind === 'bg-nbd'
    ? {
        pAlive: bgNbdProbabilityAlive(model.params, summary),
        expectedNext: (t) => bgNbdConditionalExpectedRepeats(model.params, summary, t),
      }
    : {
        pAlive: modifiedBgNbdProbabilityAlive(model.params, summary),
        expectedNext: (t) => modifiedBgNbdConditionalExpectedRepeats(model.params, summary, t),
      };
