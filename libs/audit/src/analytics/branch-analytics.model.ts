import { decodeAlertEvent } from '@churn/alerting';
import { ALERT_STREAM_PREFIX } from '@churn/domain-alert';
import { BANK_FACT_TYPES, type BankFact } from '@churn/domain-facts';
import { UnknownEventTypeError, type RecordedEvent } from '@churn/event-store';
import { AlertOutcomes } from './alert-outcomes';
import { CustomerTiers } from './customer-tiers';
import { EmployerPayrolls } from './employer-payrolls';

export const CUSTOMER_STREAM_PREFIX = 'customer-';
export const EMPLOYER_STREAM_PREFIX = 'employer-';
/** The streams the branch analytics fold, in one pass over the store. */
export const BRANCH_ANALYTICS_PREFIXES = [
  CUSTOMER_STREAM_PREFIX,
  EMPLOYER_STREAM_PREFIX,
  ALERT_STREAM_PREFIX,
] as const;

const FACT_TYPES: ReadonlySet<string> = new Set(BANK_FACT_TYPES);

/** Events folded and events passed over, by kind: nothing is dropped without being counted. */
export interface FoldCounts {
  events: number;
  facts: number;
  alertEvents: number;
  employerEvents: number;
  /** Risk assessments in customer streams and other types the analytics do not read. */
  otherEvents: number;
  /** Alert event types this build does not know: the alert figures may be wrong, says health. */
  unknownAlertEvents: number;
}

/**
 * The branch analytics read model: customer streams (facts → month-end tiers, payroll by
 * employer), employer streams (payroll at risk) and alert streams (funnel, outcomes, SLA), all
 * folded from one ordered pass over the store. Rebuilt from the store at any time; the same
 * events in the same order give the same answers.
 */
export class BranchAnalyticsModel {
  readonly tiers = new CustomerTiers();
  readonly employers = new EmployerPayrolls();
  readonly alerts = new AlertOutcomes();
  readonly counts: FoldCounts = {
    events: 0,
    facts: 0,
    alertEvents: 0,
    employerEvents: 0,
    otherEvents: 0,
    unknownAlertEvents: 0,
  };
  /** Global position of the last event folded; 0 before any. */
  position = 0;

  evolve(recorded: RecordedEvent): void {
    const stream = recorded.stream;
    this.counts.events++;
    if (stream.startsWith(CUSTOMER_STREAM_PREFIX)) this.customerEvent(recorded);
    else if (stream.startsWith(ALERT_STREAM_PREFIX)) this.alertEvent(recorded);
    else if (
      stream.startsWith(EMPLOYER_STREAM_PREFIX) &&
      this.employers.foldEmployerEvent(recorded.type, recorded.data)
    )
      this.counts.employerEvents++;
    else this.counts.otherEvents++;
    this.position = recorded.position;
  }

  private customerEvent(recorded: RecordedEvent): void {
    const { type, data } = recorded;
    if (!FACT_TYPES.has(type) || typeof data !== 'object' || data === null) {
      this.counts.otherEvents++;
      return;
    }
    const fact = { type, schemaVersion: recorded.metadata.schemaVersion ?? 1, data } as BankFact;
    this.tiers.fold(fact);
    this.employers.fold(fact);
    this.counts.facts++;
  }

  private alertEvent(recorded: RecordedEvent): void {
    try {
      const event = decodeAlertEvent(recorded);
      this.alerts.fold(recorded.stream.slice(ALERT_STREAM_PREFIX.length), event);
      this.counts.alertEvents++;
    } catch (error) {
      if (!(error instanceof UnknownEventTypeError)) throw error;
      this.counts.unknownAlertEvents++;
    }
  }
}
