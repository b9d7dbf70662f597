import type { MinorUnits } from '@churn/domain-kernel';
import type { EmployerState } from './employer-state';

/**
 * Asset retention (资产留存率, thesis Table 3.4): the share of disbursed salary still held at the
 * bank. retained = disbursed − debits to other banks by the employer's employees in the window;
 * it is negative when employees take out more than they are paid, as at employer I (−21.29%).
 * Money stays in exact integers; the rate is in basis points, rounded half away from zero.
 */
export interface Retention {
  readonly disbursedMinor: MinorUnits;
  readonly retainedMinor: MinorUnits;
  /** Null when nothing was disbursed: no ratio to speak of. */
  readonly basisPoints: number | null;
}

export const retentionOf = (disbursedMinor: MinorUnits, outflowMinor: MinorUnits): Retention => {
  const retainedMinor = disbursedMinor - outflowMinor;
  if (disbursedMinor <= 0) return { disbursedMinor, retainedMinor, basisPoints: null };
  const ratio = (retainedMinor * 10_000) / disbursedMinor;
  return {
    disbursedMinor,
    retainedMinor,
    basisPoints: Math.sign(ratio) * Math.round(Math.abs(ratio)),
  };
};

export const retentionRate = (state: EmployerState): Retention =>
  retentionOf(state.disbursedMinor, state.outflowMinor);

/** Branch-wide retention over several employers (Table 3.4's top ten: 18.54% overall). */
export const combinedRetention = (states: readonly EmployerState[]): Retention =>
  retentionOf(
    states.reduce((sum, s) => sum + s.disbursedMinor, 0),
    states.reduce((sum, s) => sum + s.outflowMinor, 0),
  );

/** A rate for display only, e.g. 20.53 for 2,053 basis points. */
export const retentionPercent = (retention: Retention): number | null =>
  retention.basisPoints === null ? null : retention.basisPoints / 100;
