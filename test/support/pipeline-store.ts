// The store as the services left it, read through the store's own reader (SqliteEventStore on
// the same file, read only): the facts ingestion stored, the risk events the engine wrote, and
// every alert stream folded with the domain's `evolveAlert`.
import { BANK_FACT_TYPES } from '@churn/domain-facts';
import {
  evolveAlert,
  initialAlertState,
  type AlertState,
  type RaisedAlert,
  type RetentionAlertEvent,
} from '@churn/domain-alert';
import type { RecordedEvent } from '@churn/event-store';
import { riskRowOf, type AlertRow, type RiskRow } from './backtest-prediction';
import { readAllEvents } from './store-reader';

const FACT_TYPES = new Set<string>(BANK_FACT_TYPES);
const RISK_TYPES = new Set(['ChurnRiskRaised', 'ChurnRiskChanged', 'ChurnRiskCleared']);

export interface StoredPipeline {
  readonly events: readonly RecordedEvent[];
  readonly facts: readonly RecordedEvent[];
  /** ChurnRisk* in the order the engine appended them. */
  readonly risk: readonly RiskRow[];
  readonly riskEvents: readonly RecordedEvent[];
  readonly employerAlerts: number;
  /** Every alert stream that holds a raise, folded. */
  readonly alerts: readonly RaisedAlert[];
  /** Each customer's alert as raised (RetentionAlertRaised): the risk it was raised on. */
  readonly raised: ReadonlyMap<string, AlertRow>;
  /** Customers with more than one alert stream (one open alert per customer: must be none). */
  readonly customersWithTwoAlerts: readonly string[];
  readonly alertEvents: number;
  /** Every event id stored more than once. */
  readonly duplicateIds: readonly string[];
}

export async function readPipelineStore(path: string): Promise<StoredPipeline> {
  const events = await readAllEvents(path);
  const facts = events.filter((e) => FACT_TYPES.has(e.type));
  const riskEvents = events.filter((e) => RISK_TYPES.has(e.type));
  const states = new Map<string, AlertState>();
  let alertEvents = 0;
  for (const e of events) {
    if (!e.stream.startsWith('alert-')) continue;
    alertEvents += 1;
    const event = { type: e.type, schemaVersion: 1, data: e.data } as RetentionAlertEvent;
    states.set(e.stream, evolveAlert(states.get(e.stream) ?? initialAlertState(), event));
  }
  const alerts = [...states.values()].filter((s): s is RaisedAlert => s.status !== 'none');
  const raised = new Map<string, AlertRow>();
  const twice: string[] = [];
  for (const e of events) {
    if (e.type !== 'RetentionAlertRaised') continue;
    const d = e.data as {
      customer: { customerId: string; valueTier: AlertRow['valueTier'] };
      severity: string;
      cause: { assessedOn: string };
    };
    if (raised.has(d.customer.customerId)) twice.push(d.customer.customerId);
    else
      raised.set(d.customer.customerId, {
        customerId: d.customer.customerId,
        assessedOn: d.cause.assessedOn,
        severity: d.severity,
        valueTier: d.customer.valueTier,
      });
  }
  const seen = new Set<string>();
  const duplicateIds = events.filter((e) => seen.size === seen.add(e.id).size).map((e) => e.id);
  return {
    events,
    facts,
    risk: riskEvents.map((e) => riskRowOf(e.type, e.data)),
    riskEvents,
    employerAlerts: events.filter((e) => e.type === 'EmployerPayrollAtRisk').length,
    alerts,
    raised,
    customersWithTwoAlerts: twice,
    alertEvents,
    duplicateIds,
  };
}
