import type { DayNumber } from '@churn/domain-kernel';
import type { Alert } from './alert-log';
import type { BranchLabels, LostCustomer } from './labels-file';

/**
 * How alerts are judged against the ground truth, the same for the engine and the baseline:
 * - alerts are judged when raised on [start + warmup, end − horizon]: signals need history,
 *   and an alert needs its whole horizon inside the feed to be judged at all;
 * - a true alert is one raised for a lost customer on [lostOn − horizon, lostOn − 1]: it came
 *   true within the horizon; one raised on or after lostOn is late, not true;
 * - lost customers are judged when lostOn is on [start + warmup + horizon, end]; a customer is
 *   warned when an alert raised before lostOn was still open on some day of
 *   [lostOn − horizon, lostOn − 1] (an RM warned four months ahead whose alert still stands
 *   was warned); warning days: lostOn − the day the earliest such alert was raised.
 */
export interface Rules {
  readonly warmupDays: number;
  readonly horizonDays: number;
}

export interface Scores {
  readonly alerts: number;
  readonly truePositives: number;
  readonly late: number;
  readonly precision: number | null;
  readonly judgedLost: number;
  readonly warned: number;
  readonly recall: number | null;
  readonly f1: number | null;
  readonly medianWarningDays: number | null;
}

export interface Scope {
  readonly alert?: (alert: Alert) => boolean;
  readonly lost?: (lost: LostCustomer) => boolean;
}

const ratio = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);

const median = (values: readonly number[]): number | null => {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? null)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
};

const isTrue = (alert: Alert, lost: LostCustomer | undefined, rules: Rules): boolean =>
  lost !== undefined && alert.day >= lost.lostOn - rules.horizonDays && alert.day < lost.lostOn;

export const isWarning = (alert: Alert, lost: LostCustomer | undefined, rules: Rules): boolean =>
  lost !== undefined &&
  alert.day < lost.lostOn &&
  (alert.until === null || alert.until >= lost.lostOn - rules.horizonDays);

const isLate = (alert: Alert, lost: LostCustomer | undefined, rules: Rules): boolean =>
  lost !== undefined && alert.day >= lost.lostOn && alert.day <= lost.lostOn + rules.horizonDays;

export const alertWindow = (
  labels: BranchLabels,
  rules: Rules,
): readonly [DayNumber, DayNumber] => [
  labels.startDay + rules.warmupDays,
  labels.endDay - rules.horizonDays,
];

export const evaluate = (
  alerts: readonly Alert[],
  labels: BranchLabels,
  rules: Rules,
  scope: Scope = {},
): Scores => {
  const [from, to] = alertWindow(labels, rules);
  const judged = alerts.filter((a) => a.day >= from && a.day <= to && (scope.alert?.(a) ?? true));
  const truePositives = judged.filter((a) => isTrue(a, labels.lost.get(a.customerId), rules));
  const late = judged.filter((a) => isLate(a, labels.lost.get(a.customerId), rules)).length;
  const firstWarning = new Map<string, DayNumber>();
  for (const alert of alerts) {
    const lost = labels.lost.get(alert.customerId);
    if (!isWarning(alert, lost, rules)) continue;
    const first = firstWarning.get(alert.customerId);
    if (first === undefined || alert.day < first) firstWarning.set(alert.customerId, alert.day);
  }
  const lostFrom = from + rules.horizonDays;
  const judgedLost = [...labels.lost.values()].filter(
    (l) => l.lostOn >= lostFrom && l.lostOn <= labels.endDay && (scope.lost?.(l) ?? true),
  );
  const warnedDays = judgedLost.flatMap((l) => {
    const first = firstWarning.get(l.customerId);
    return first === undefined ? [] : [l.lostOn - first];
  });
  const precision = ratio(truePositives.length, judged.length);
  const recall = ratio(warnedDays.length, judgedLost.length);
  const f1 =
    precision === null || recall === null || precision + recall === 0
      ? null
      : (2 * precision * recall) / (precision + recall);
  return {
    alerts: judged.length,
    truePositives: truePositives.length,
    late,
    precision,
    judgedLost: judgedLost.length,
    warned: warnedDays.length,
    recall,
    f1,
    medianWarningDays: median(warnedDays),
  };
};

/** Judged alerts per relationship manager per week of the judged window. */
export const alertsPerRmWeek = (
  scores: Scores,
  labels: BranchLabels,
  rules: Rules,
  managers: number,
): number | null => {
  const [from, to] = alertWindow(labels, rules);
  const weeks = (to - from + 1) / 7;
  return managers === 0 || weeks <= 0 ? null : scores.alerts / managers / weeks;
};
