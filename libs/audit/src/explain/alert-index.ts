import { decodeAlertEvent } from '@churn/alerting';
import {
  ALERT_STREAM_PREFIX,
  evolveAlert,
  initialAlertState,
  type AlertState,
  type RaisedAlert,
} from '@churn/domain-alert';
import type { EventStore, RecordedEvent } from '@churn/event-store';

/** An alert stream's events folded with the domain's `evolveAlert`; unknown types are counted. */
export const foldAlert = (
  events: readonly RecordedEvent[],
  from: AlertState = initialAlertState(),
): { readonly state: AlertState; readonly unknown: number } => {
  let state = from;
  let unknown = 0;
  for (const event of events) {
    try {
      state = evolveAlert(state, decodeAlertEvent(event));
    } catch {
      unknown += 1; // a type this build does not know: shown in the history, not folded
    }
  }
  return { state, unknown };
};

/**
 * Every alert ever raised, and each customer's alerts (one open at a time, many over ten years),
 * folded from the `alert-` streams with the alert domain's own fold: a projection rebuilt from
 * the store at every start, whether or not the alerting engine runs in the process.
 *
 * It catches up on demand (`refresh`), at most every `refreshEveryMs`, rather than following a
 * live subscription: a prefix subscription is woken by every append, the audit API's own access
 * records included, and reads again every event after the last alert event at each wake.
 */
export class AlertIndex {
  private readonly alerts = new Map<string, AlertState>();
  private readonly byCustomer = new Map<string, string[]>();
  private refreshing: Promise<void> | null = null;
  private refreshedAt = Number.NEGATIVE_INFINITY;
  private raised = 0;
  position = 0;
  unknownEvents = 0;

  constructor(
    private readonly store: EventStore,
    private readonly refreshEveryMs = 100,
  ) {}

  /** Alerts raised (streams holding only suppressed raises are not counted). */
  get size(): number {
    return this.raised;
  }

  /** Folds what the alert streams gained since the last refresh (now, with `force`). */
  refresh(force = false): Promise<void> {
    if (this.refreshing !== null) return this.refreshing;
    if (!force && performance.now() - this.refreshedAt < this.refreshEveryMs)
      return Promise.resolve();
    const run = this.catchUp().finally(() => {
      this.refreshing = null;
      this.refreshedAt = performance.now();
    });
    this.refreshing = run;
    return run;
  }

  get(alertId: string): RaisedAlert | undefined {
    const state = this.alerts.get(alertId);
    return state === undefined || state.status === 'none' ? undefined : state;
  }

  /** The customer's alerts, the first raised first. */
  ofCustomer(customerId: string): RaisedAlert[] {
    return (this.byCustomer.get(customerId) ?? []).flatMap((id) => this.get(id) ?? []);
  }

  private async catchUp(): Promise<void> {
    for await (const event of this.store.readAll({
      fromPosition: this.position === 0 ? 'start' : this.position,
      streamPrefixes: [ALERT_STREAM_PREFIX],
    })) {
      const alertId = event.stream.slice(ALERT_STREAM_PREFIX.length);
      const before = this.alerts.get(alertId) ?? initialAlertState();
      const { state, unknown } = foldAlert([event], before);
      this.unknownEvents += unknown;
      this.alerts.set(alertId, state);
      if (before.status === 'none' && state.status !== 'none')
        this.index(state.customer.customerId, alertId);
      this.position = event.position;
    }
  }

  private index(customerId: string, alertId: string): void {
    const alerts = this.byCustomer.get(customerId);
    if (alerts === undefined) this.byCustomer.set(customerId, [alertId]);
    else if (!alerts.includes(alertId)) alerts.push(alertId);
    else return;
    this.raised += 1;
  }
}
