import type { DayNumber } from '@churn/domain-kernel';
import type { CustomerWatch } from '../engine/customer-watch';
import type { RiskEngine } from '../engine/risk-engine';
import { ReviewQueue } from '../engine/review-queue';
import type { Alert, AlertLog } from './alert-log';

/**
 * The plain baseline (DOMAIN.md §9: "days since last customer-initiated activity"; on real
 * retail data it is strong): an alert when a customer who was active at some point has had no
 * customer-initiated activity for `days` days — once per silence, re-armed by the next act.
 * Activity is the customer fold's own (counter, ATM, mobile, online, POS; buying or redeeming a
 * product), and the alert falls at the close of the `days`-th silent day, as the engine's would;
 * it stays open until the customer acts again.
 */
export class SilenceBaseline {
  readonly alerts: Alert[] = [];
  private readonly queue = new ReviewQueue<Readonly<CustomerWatch>>();
  private readonly lastActive = new Map<string, DayNumber>();
  private readonly open = new Map<string, Alert>();

  constructor(
    private readonly engine: RiskEngine,
    private readonly log: AlertLog,
    readonly days: number,
  ) {}

  /** After the engine folded a fact of `customerId`: a new act re-arms the silence alarm. */
  noted(customerId: string): void {
    const watch = this.engine.watchOf(customerId);
    const last = watch?.customer.activity.lastDay ?? null;
    if (watch === undefined || last === null || this.lastActive.get(customerId) === last) return;
    this.lastActive.set(customerId, last);
    const silence = this.open.get(customerId);
    if (silence !== undefined) silence.until = last;
    this.open.delete(customerId);
    this.queue.push(last + this.days, watch);
  }

  /** Every day up to `day` has closed: alerts for the silences that reached `days` by then. */
  closeThrough(day: DayNumber): void {
    for (let due = this.queue.popDue(day); due !== undefined; due = this.queue.popDue(day)) {
      const last = this.lastActive.get(due.item.customerId);
      if (last === undefined || last + this.days !== due.day) continue;
      const alert = this.log.alertOf(due.item.customerId, due.day);
      this.alerts.push(alert);
      this.open.set(due.item.customerId, alert);
    }
  }
}
