import type { DayNumber } from '@churn/domain-kernel';
import { tierOf, type Tier } from '@churn/domain-customer';
import {
  fitModifiedBgNbd,
  modifiedBgNbdProbabilityAlive,
  type ActivityModelFit,
  type ActivitySummary,
} from '@churn/domain-activity';
import type { RiskEngine } from '../engine/risk-engine';
import type { Alert, AlertLog } from './alert-log';

/** Customer-initiated activity as the customer fold counts it (DOMAIN.md §9). */
interface ActivityCounts {
  readonly firstDay: DayNumber | null;
  readonly lastDay: DayNumber | null;
  readonly repeatDays: number;
}

const DAYS_PER_WEEK = 7;

/** (x, t_x, T) in weeks as of the close of `asOfDay`, or undefined for a customer never active. */
export const activitySummaryOf = (
  activity: ActivityCounts,
  asOfDay: DayNumber,
): ActivitySummary | undefined => {
  const { firstDay, lastDay, repeatDays } = activity;
  if (firstDay === null || lastDay === null || firstDay > asOfDay) return undefined;
  return {
    x: repeatDays,
    tx: (lastDay - firstDay) / DAYS_PER_WEEK,
    T: (asOfDay - firstDay) / DAYS_PER_WEEK,
  };
};

/**
 * The modified BG/NBD (Batislam et al. 2007; DOMAIN.md §9) as an alarm, judged like the engine
 * and the silence baseline: fitted once per tier (the tier of the customer's AUM) on every
 * customer's activity up to the end of the warm-up — deterministic, the fit starts from the same
 * point and uses no random numbers — then each customer's P(alive) is computed weekly from
 * their activity so far; an alert falls on the first weekly review at which P(alive) is below
 * `threshold`, open until the customer acts again. DOMAIN.md §9: it must beat "days since last
 * customer-initiated activity" before it is trusted.
 */
export class ActivityModelBaseline {
  readonly alerts: Alert[] = [];
  readonly fits = new Map<Tier, ActivityModelFit>();
  private readonly customers = new Set<string>();
  private readonly open = new Map<string, Alert>();
  private readonly lastActive = new Map<string, DayNumber>();
  private nextReview: DayNumber | null = null;

  constructor(
    private readonly engine: RiskEngine,
    private readonly log: AlertLog,
    private readonly calibrationEnd: DayNumber,
    readonly threshold: number,
  ) {}

  noted(customerId: string): void {
    this.customers.add(customerId);
    const last = this.engine.watchOf(customerId)?.customer.activity.lastDay ?? null;
    if (last === null || this.lastActive.get(customerId) === last) return;
    this.lastActive.set(customerId, last);
    const alert = this.open.get(customerId);
    if (alert !== undefined) alert.until = last;
    this.open.delete(customerId);
  }

  /** Every day up to `day` has closed: fit at the calibration end, then review weekly. */
  closeThrough(day: DayNumber): void {
    if (this.nextReview === null) {
      if (day < this.calibrationEnd) return;
      this.fit(this.calibrationEnd);
      this.nextReview = this.calibrationEnd + DAYS_PER_WEEK;
    }
    while (this.nextReview <= day) {
      this.review(this.nextReview);
      this.nextReview += DAYS_PER_WEEK;
    }
  }

  private tierAndSummary(
    customerId: string,
    asOfDay: DayNumber,
  ): { tier: Tier; summary: ActivitySummary } | undefined {
    const customer = this.engine.watchOf(customerId)?.customer;
    if (customer === undefined) return undefined;
    const summary = activitySummaryOf(customer.activity, asOfDay);
    return summary === undefined ? undefined : { tier: tierOf(customer.aumMinor), summary };
  }

  private fit(asOfDay: DayNumber): void {
    const byTier = new Map<Tier, ActivitySummary[]>();
    for (const id of [...this.customers].sort()) {
      const found = this.tierAndSummary(id, asOfDay);
      if (found === undefined) continue;
      const list = byTier.get(found.tier) ?? [];
      list.push(found.summary);
      byTier.set(found.tier, list);
    }
    for (const [tier, summaries] of byTier) this.fits.set(tier, fitModifiedBgNbd(summaries));
  }

  private review(asOfDay: DayNumber): void {
    for (const id of this.customers) {
      if (this.open.has(id)) continue;
      const found = this.tierAndSummary(id, asOfDay);
      const fit = found === undefined ? undefined : this.fits.get(found.tier);
      if (found === undefined || fit === undefined || !fit.converged) continue;
      if (modifiedBgNbdProbabilityAlive(fit.params, found.summary) >= this.threshold) continue;
      const alert = this.log.alertOf(id, asOfDay);
      this.alerts.push(alert);
      this.open.set(id, alert);
    }
  }
}
