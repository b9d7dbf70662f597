import { dayOfBankDate, type Decider } from '@churn/domain-kernel';
import type { Assessment } from '../assessment/assess-customer';
import { bandOf, RISK_BANDS, type RiskBand } from '../score/score';
import {
  CHURN_RISK_SCHEMA_VERSION,
  type ChurnRiskChanged,
  type ChurnRiskCleared,
  type ChurnRiskEvent,
  type ChurnRiskRaised,
  type RaisedBand,
  type RiskChangeReason,
} from './risk-events';
import { evolveRisk, initialRisk, type RiskState } from './risk-state';

type Raised = Extract<RiskState, { status: 'raised' }>;

const rank = (band: RiskBand): number => RISK_BANDS.indexOf(band);

/**
 * The band of a raised risk, with hysteresis: a band is entered as soon as the score reaches its
 * threshold, and left only when the score falls `clearMarginPoints` below it, so a customer
 * hovering at a threshold does not flap. A raised risk never falls below `watch`: only a clear
 * ends it.
 */
export const bandWithHysteresis = (assessment: Assessment, current: RaisedBand): RaisedBand => {
  const { bands, hysteresis } = assessment.bandPolicy;
  const raw = bandOf(assessment.score, bands);
  if (raw !== 'none' && rank(raw) >= rank(current)) return raw;
  const lowered = bandOf(assessment.score + hysteresis.clearMarginPoints, bands);
  if (rank(lowered) >= rank(current)) return current;
  return lowered === 'none' ? 'watch' : lowered;
};

/** Below `watch − clearMarginPoints`: the level under which a raised risk starts to ease. */
export const isBelowClearLevel = (assessment: Assessment): boolean =>
  assessment.score + assessment.bandPolicy.hysteresis.clearMarginPoints <
  assessment.bandPolicy.bands.watch;

/**
 * The risk decider (ARCHITECTURE.md: risk-engine → ChurnRiskRaised / Changed / Cleared).
 * - Raise when the score reaches `watch`, unless the money has already gone (`moneyGone`): an
 *   early warning raised after the loss only repeats what the RM learns too late today.
 * - Change when the band (with hysteresis) changes, when a signal not recorded before appears
 *   (new information for the relationship manager; a signal that disappears is recorded with the
 *   next band change), or when easing starts or ends.
 * - Easing starts when the score falls below `watch − clearMarginPoints`; it ends only when the
 *   score reaches `watch` again (a Schmitt trigger: hovering at the clear level neither resets
 *   nor flaps). Clear when the score is below the clear level and easing has lasted
 *   `minDwellDays`. Easing is recorded (ChurnRiskChanged) so that the dwell survives a restart.
 */
export const decideRisk = (assessment: Assessment, state: RiskState): readonly ChurnRiskEvent[] => {
  if (state.status === 'clear')
    return assessment.score >= assessment.bandPolicy.bands.watch && !assessment.moneyGone
      ? [raised(assessment, state.sequence + 1)]
      : [];
  const low = isBelowClearLevel(assessment);
  const easingSince = low
    ? (state.easingSince ?? assessment.assessedOn)
    : assessment.band === 'none'
      ? state.easingSince
      : null;
  const { minDwellDays } = assessment.bandPolicy.hysteresis;
  if (low && easingSince !== null && daysFrom(easingSince, assessment.assessedOn) >= minDwellDays)
    return [cleared(assessment, state, easingSince)];
  const band = bandWithHysteresis(assessment, state.band);
  const reasons = changeReasons(assessment, state, band, easingSince);
  return reasons.length === 0 ? [] : [changed(assessment, state, band, reasons, easingSince)];
};

const daysFrom = (fromDate: string, toDate: string): number =>
  dayOfBankDate(toDate) - dayOfBankDate(fromDate);

const changeReasons = (
  assessment: Assessment,
  state: Raised,
  band: RaisedBand,
  easingSince: string | null,
): RiskChangeReason[] => {
  const reasons: RiskChangeReason[] = [];
  if (rank(band) > rank(state.band)) reasons.push('band-raised');
  if (rank(band) < rank(state.band)) reasons.push('band-lowered');
  if (assessment.signals.some((s) => !state.signalCodes.includes(s.code)))
    reasons.push('signals-added');
  if (state.easingSince === null && easingSince !== null) reasons.push('easing-started');
  if (state.easingSince !== null && easingSince === null) reasons.push('easing-ended');
  return reasons;
};

const common = (assessment: Assessment, sequence: number) => ({
  customerId: assessment.customerId,
  sequence,
  score: assessment.score,
  signals: assessment.signals,
  policyVersion: assessment.policyVersion,
  assessedOn: assessment.assessedOn,
  customer: assessment.customer,
  value: assessment.value,
  occurredAt: assessment.occurredAt,
});

const raised = (assessment: Assessment, sequence: number): ChurnRiskRaised => ({
  type: 'ChurnRiskRaised',
  schemaVersion: CHURN_RISK_SCHEMA_VERSION,
  data: { ...common(assessment, sequence), band: bandWithHysteresis(assessment, 'watch') },
});

const changed = (
  assessment: Assessment,
  state: Raised,
  band: RaisedBand,
  reasons: readonly RiskChangeReason[],
  easingSince: string | null,
): ChurnRiskChanged => ({
  type: 'ChurnRiskChanged',
  schemaVersion: CHURN_RISK_SCHEMA_VERSION,
  data: {
    ...common(assessment, state.sequence + 1),
    band,
    previousScore: state.score,
    previousBand: state.band,
    reasons,
    easingSince,
  },
});

const cleared = (assessment: Assessment, state: Raised, easingSince: string): ChurnRiskCleared => ({
  type: 'ChurnRiskCleared',
  schemaVersion: CHURN_RISK_SCHEMA_VERSION,
  data: {
    ...common(assessment, state.sequence + 1),
    band: 'none',
    previousScore: state.score,
    previousBand: state.band,
    easingSince,
  },
});

/** The decider triple (fraktalio/fmodel, emmett): the assessment is the command. */
export const riskDecider: Decider<Assessment, ChurnRiskEvent, RiskState> = {
  decide: decideRisk,
  evolve: evolveRisk,
  initialState: initialRisk,
};
