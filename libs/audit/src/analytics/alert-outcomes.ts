import {
  evolveAlert,
  initialAlertState,
  type AlertOutcome,
  type AlertState,
  type OutcomeReason,
  type RaisedAlert,
  type RetentionAlertEvent,
} from '@churn/domain-alert';
import type { Tier } from '@churn/domain-customer';

/** One resolution of a case, as its `RetentionAlertResolved` recorded it. */
export interface ResolutionRecord {
  readonly alertId: string;
  readonly atMs: number;
  readonly outcome: AlertOutcome;
  readonly reason: OutcomeReason;
  /** The customer's value tier on the alert: what the bank stood to lose. */
  readonly tier: Tier;
}

/** Notification events only move `notifications`, which no branch figure reads. */
const NOT_KEPT: ReadonlySet<string> = new Set([
  'AlertNotificationRequested',
  'AlertNotificationAttempted',
  'AlertNotificationUndeliverable',
]);

/**
 * Every alert folded with the domain's `evolveAlert` (the funnel and the team SLA read its
 * state), and every resolution as it happened: a case resolved, reopened and resolved again is
 * two outcomes, each with the reason given at the time (DOMAIN.md §5.3: losses analysed by cause).
 */
export class AlertOutcomes {
  private readonly alerts = new Map<string, AlertState>();
  private readonly resolutionLog: ResolutionRecord[] = [];

  get size(): number {
    return this.alerts.size;
  }

  fold(alertId: string, event: RetentionAlertEvent): void {
    if (NOT_KEPT.has(event.type)) return;
    const after = evolveAlert(this.alerts.get(alertId) ?? initialAlertState(), event);
    this.alerts.set(alertId, after);
    if (event.type === 'RetentionAlertResolved' && after.status === 'resolved')
      this.resolutionLog.push({
        alertId,
        atMs: Date.parse(event.data.occurredAt),
        outcome: event.data.outcome,
        reason: event.data.reason,
        tier: after.customer.valueTier,
      });
  }

  /** Every raised alert (suppressed-only streams are not alerts). */
  *raised(): Iterable<RaisedAlert> {
    for (const state of this.alerts.values()) if (state.status !== 'none') yield state;
  }

  /** Resolutions at `fromMs <= at < toMs`. */
  resolutions(fromMs: number, toMs: number): ResolutionRecord[] {
    return this.resolutionLog.filter((r) => r.atMs >= fromMs && r.atMs < toMs);
  }
}
