import { retentionOf } from '@churn/domain-employer';
import type { MinorUnits } from '@churn/domain-kernel';
import type { BranchAnalyticsModel } from './branch-analytics.model';
import { monthText } from './months';
import { headerOf, type MonthWindow, type ViewHeader } from './tier-views';

/** Thesis Table 3.4's columns: paid, employees, retained, retention rate (basis points). */
export interface RetentionFigures {
  readonly headcount: number;
  readonly disbursedMinor: MinorUnits;
  /** Disbursed minus what the employees sent to other banks; negative at employer I. */
  readonly retainedMinor: MinorUnits;
  /** Null when nothing was disbursed. */
  readonly retentionBasisPoints: number | null;
}

export interface RetentionMonth extends RetentionFigures {
  readonly month: string;
}

export interface EmployerRetentionRow extends RetentionFigures {
  readonly employerId: string;
  /** The employer's name where the process was told it (names are not facts). */
  readonly name: string | null;
  /** The risk engine's `EmployerPayrollAtRisk` assessments in the window and their reasons. */
  readonly payrollAtRisk: { readonly assessments: number; readonly reasons: readonly string[] };
  readonly trend: readonly RetentionMonth[];
}

export interface EmployerRetentionView extends ViewHeader {
  /** All employers together, as the thesis's "overall 18.54%" (headcount: summed). */
  readonly branch: RetentionFigures & { readonly employers: number };
  /** Largest payroll first, as Table 3.4 lists them. */
  readonly employers: readonly EmployerRetentionRow[];
}

const figures = (
  headcount: number,
  disbursedMinor: MinorUnits,
  outflowMinor: MinorUnits,
): RetentionFigures => {
  const retention = retentionOf(disbursedMinor, outflowMinor);
  return {
    headcount,
    disbursedMinor,
    retainedMinor: retention.retainedMinor,
    retentionBasisPoints: retention.basisPoints,
  };
};

/**
 * Per-employer payroll retention over the window, with its monthly trend. Rates are the domain's
 * `retentionOf` (exact integers, basis points rounded half away from zero). Employers with no
 * salary and no outflow in the window are left out; `limit` keeps the largest.
 */
export const employerRetentionView = (
  model: BranchAnalyticsModel,
  window: MonthWindow,
  names: ReadonlyMap<string, string>,
  limit: number,
): EmployerRetentionView => {
  const rows: EmployerRetentionRow[] = [];
  let [headcount, disbursed, outflow] = [0, 0, 0];
  for (const employerId of model.employers.employerIds()) {
    const w = model.employers.window(employerId, window.from, window.to);
    if (w === undefined || (w.disbursedMinor === 0 && w.outflowMinor === 0)) continue;
    headcount += w.headcount;
    disbursed += w.disbursedMinor;
    outflow += w.outflowMinor;
    rows.push({
      employerId,
      name: names.get(employerId) ?? null,
      ...figures(w.headcount, w.disbursedMinor, w.outflowMinor),
      payrollAtRisk: {
        assessments: w.atRisk.length,
        reasons: [...new Set(w.atRisk.flatMap((a) => a.codes))].sort(),
      },
      trend: w.months.map((m) => ({
        month: monthText(m.month),
        ...figures(m.headcount, m.disbursedMinor, m.outflowMinor),
      })),
    });
  }
  rows.sort(
    (a, b) => b.disbursedMinor - a.disbursedMinor || a.employerId.localeCompare(b.employerId),
  );
  return {
    ...headerOf(model, window),
    branch: { employers: rows.length, ...figures(headcount, disbursed, outflow) },
    employers: rows.slice(0, limit),
  };
};
