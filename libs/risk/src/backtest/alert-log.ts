import type { DayNumber } from '@churn/domain-kernel';
import { dayOfBankDate } from '@churn/domain-kernel';
import {
  customerValueOf,
  type ChurnRiskEvent,
  type EmployerPayrollAtRisk,
  type SignalCode,
} from '@churn/domain-risk';
import type { RiskOutput } from '../engine/engine-input';
import type { RiskEngine } from '../engine/risk-engine';

/** One alert as the backtest judges it: whom, when, and whose desk it lands on. */
export interface Alert {
  readonly customerId: string;
  readonly day: DayNumber;
  /** The tier of the customer's value (peak AUM over the policy's lookback) at the alert. */
  readonly tier: string;
  readonly rmId: string | null;
  /** The day the alert's episode ended (risk cleared, activity resumed), or null while open. */
  until: DayNumber | null;
}

export interface EmployerAlert {
  readonly employerId: string;
  readonly day: DayNumber;
  readonly codes: readonly string[];
}

/**
 * The engine's decisions as alerts. Overall, an alert is a ChurnRiskRaised (a new risk episode;
 * changes within an episode are not new alerts), open until the ChurnRiskCleared. Per signal, an
 * alert is the first event of an episode that names the signal: the raise, or the change that
 * added it, open as long as the episode.
 */
export class AlertLog {
  readonly raised: Alert[] = [];
  readonly bySignal = new Map<SignalCode, Alert[]>();
  readonly employers: EmployerAlert[] = [];
  private readonly episodes = new Map<string, { seen: Set<SignalCode>; alerts: Alert[] }>();

  constructor(private readonly engine: RiskEngine) {}

  record(outputs: readonly RiskOutput[]): void {
    for (const { event } of outputs) {
      if (event.type === 'EmployerPayrollAtRisk') {
        const d = event.data as EmployerPayrollAtRisk['data'];
        const codes = d.reasons.map((r) => r.code);
        this.employers.push({ employerId: d.employerId, day: dayOfBankDate(d.assessedOn), codes });
      } else this.recordRisk(event as unknown as ChurnRiskEvent);
    }
  }

  private recordRisk(event: ChurnRiskEvent): void {
    const { customerId } = event.data;
    const day = dayOfBankDate(event.data.assessedOn);
    if (event.type === 'ChurnRiskCleared') {
      for (const alert of this.episodes.get(customerId)?.alerts ?? []) alert.until = day;
      this.episodes.delete(customerId);
      return;
    }
    const alert = this.alertOf(customerId, day);
    if (event.type === 'ChurnRiskRaised') {
      this.raised.push(alert);
      this.episodes.set(customerId, { seen: new Set(), alerts: [alert] });
    }
    const episode = this.episodes.get(customerId) ?? { seen: new Set<SignalCode>(), alerts: [] };
    for (const { code } of event.data.signals) {
      if (episode.seen.has(code)) continue;
      episode.seen.add(code);
      const signalAlert = { ...alert };
      episode.alerts.push(signalAlert);
      const list = this.bySignal.get(code) ?? [];
      list.push(signalAlert);
      this.bySignal.set(code, list);
    }
    this.episodes.set(customerId, episode);
  }

  alertOf(customerId: string, day: DayNumber): Alert {
    const watch = this.engine.watchOf(customerId);
    const policy = this.engine.settings.policy;
    return {
      customerId,
      day,
      tier: watch === undefined ? 'ordinary' : customerValueOf(watch.customer, day, policy).tier,
      rmId: watch?.customer.relationshipManager?.rmId ?? null,
      until: null,
    };
  }
}
