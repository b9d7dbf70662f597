/**
 * A churn signal (DOMAIN.md §4): one reason to think a customer may be leaving, with the numbers
 * that were compared against the policy's thresholds and the ids of the events that caused it
 * (ARCHITECTURE.md principle 6: explain every alert). Everything recorded is an integer, so a
 * replay writes the same bytes (principle 4).
 */
export const SIGNAL_CODES = [
  'payroll-stopped',
  'payroll-drain',
  'aum-decline',
  'tier-downgrade',
  'large-outbound-transfer',
  'maturity-not-rolled-over',
  'dormancy',
  'dissatisfaction',
] as const;
export type SignalCode = (typeof SIGNAL_CODES)[number];

export type MeasureUnit = 'days' | 'basis-points' | 'fen' | 'count' | 'score';

/** One number compared against one threshold; `value` crossed `threshold` in the signal's sense. */
export interface Measure {
  readonly name: string;
  readonly value: number;
  readonly threshold: number;
  readonly unit: MeasureUnit;
}

export interface Signal {
  readonly code: SignalCode;
  /** How strongly the signal speaks, in basis points: 0 (not at all) to 10,000 (certain). */
  readonly strengthBasisPoints: number;
  /** Ids of the stored events that caused the signal, in the order the bank saw them. */
  readonly evidenceEventIds: readonly string[];
  readonly measures: readonly Measure[];
  /** Plain English in the bank's words, for the relationship manager. */
  readonly explanation: string;
}

/** A measure in one line: `measure('days-late', 8, 7, 'days')`. */
export const measure = (
  name: string,
  value: number,
  threshold: number,
  unit: MeasureUnit,
): Measure => ({ name, value, threshold, unit });

export const FULL_STRENGTH = 10_000;

/** Clamps to 0..10,000 and rounds to an integer. */
export const clampStrength = (basisPoints: number): number =>
  Math.min(FULL_STRENGTH, Math.max(0, Math.round(basisPoints)));

/**
 * The strength of a measure that crossed its threshold: half strength at the threshold, rising
 * linearly to full strength at `full` and staying there. One shape for every signal, so that a
 * customer just over a threshold weighs less than one far beyond it (and hovers less, see the
 * hysteresis in `decideRisk`).
 */
export const rampStrength = (value: number, threshold: number, full: number): number => {
  if (value < threshold) return 0;
  if (full <= threshold) return FULL_STRENGTH;
  return clampStrength(5_000 + (5_000 * (value - threshold)) / (full - threshold));
};

/**
 * `part / whole` in basis points, rounded half away from zero. Floats are deterministic in JS
 * (IEEE 754, same on every machine); only the rounded integer is compared or recorded.
 */
export const basisPoints = (part: number, whole: number): number => {
  if (whole === 0) return 0;
  const ratio = (part / whole) * 10_000;
  return Math.sign(ratio) * Math.round(Math.abs(ratio));
};

/** Evidence ids are bounded so that one risk event stays small, however long the history. */
export const EVIDENCE_IDS_PER_SIGNAL = 24;

/**
 * Distinct ids in the order given, at most `EVIDENCE_IDS_PER_SIGNAL`: callers list the decisive
 * events first (the salary before the transfers that drained it).
 */
export const evidenceIds = (ids: readonly string[]): readonly string[] =>
  [...new Set(ids)].slice(0, EVIDENCE_IDS_PER_SIGNAL);

/** The lower median (always a value that occurred), or undefined for none. */
export const lowerMedian = (values: readonly number[]): number | undefined =>
  [...values].sort((a, b) => a - b)[(values.length - 1) >> 1];

/** The upper median (always a value that occurred), or undefined for none. */
export const upperMedian = (values: readonly number[]): number | undefined =>
  [...values].sort((a, b) => a - b)[values.length >> 1];
