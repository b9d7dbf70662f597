// What the backtest predicts for a history and a policy, and the same summary of what a running
// system wrote, so that the two can be compared row by row.
//
// The replay is libs/risk's backtest replay (`replayBacktest`, libs/risk/src/backtest): the
// facts, decoded from the feed exactly as `npm run backtest` decodes them (message n is offset n
// of partition 0), handed to a fresh RiskEngine in feed order. `replayBacktest` itself is not
// exported from @churn/risk (and a relative import across projects breaks the module-boundary
// lint), so its loop is repeated here: `engine.handle(fact)` in order, the outputs kept.
import { decodeMessage, type FactMessage } from '@churn/ingestion';
import { RiskEngine, type LoadedRiskPolicy, type RecordedInput } from '@churn/risk';
import { severityRank, type AlertingPolicy, type AlertSeverity } from '@churn/domain-alert';
import type { Tier } from '@churn/domain-customer';

const FAR_FUTURE = new Date('2999-01-01T00:00:00Z');

const RISK_TYPES = new Set(['ChurnRiskRaised', 'ChurnRiskChanged', 'ChurnRiskCleared']);

/** A risk event as both sides can read it: whose, which, when (business day), how bad, why. */
export interface RiskRow {
  readonly customerId: string;
  readonly type: string;
  readonly assessedOn: string;
  readonly band: string;
  readonly score: number;
  readonly valueTier: Tier;
  readonly signals: readonly string[];
}

/** An alert as the alerting policy makes one from risk: one per customer, open from its raise. */
export interface AlertRow {
  readonly customerId: string;
  /** The business day of the risk event that raised it. */
  readonly assessedOn: string;
  readonly severity: string;
  readonly valueTier: Tier;
}

interface RiskData {
  readonly customerId: string;
  readonly assessedOn: string;
  readonly band: string;
  readonly score: number;
  readonly value: { readonly tier: Tier };
  readonly signals: readonly { readonly code: string }[];
}

export const riskRowOf = (type: string, data: unknown): RiskRow => {
  const d = data as RiskData;
  return {
    customerId: d.customerId,
    type,
    assessedOn: d.assessedOn,
    band: d.band,
    score: d.score,
    valueTier: d.value.tier,
    signals: d.signals.map((s) => s.code),
  };
};

/** The engine's outputs for `facts`, in order: what a risk engine appends for this history. */
export const replayRisk = (
  policy: LoadedRiskPolicy,
  facts: Iterable<RecordedInput>,
): { readonly rows: RiskRow[]; readonly facts: number; readonly customers: number } => {
  const engine = new RiskEngine(policy);
  const rows: RiskRow[] = [];
  let count = 0;
  for (const fact of facts) {
    count += 1;
    for (const { event } of engine.handle(fact))
      if (RISK_TYPES.has(event.type)) rows.push(riskRowOf(event.type, event.data));
  }
  return { rows, facts: count, customers: engine.customers };
};

/** The feed's facts as the backtest decodes them (`feedFacts`): message n is offset n of partition 0. */
export function* feedFacts(messages: readonly FactMessage[]): Generator<RecordedInput> {
  for (let offset = 0; offset < messages.length; offset++) {
    const m = messages[offset] as FactMessage;
    const decoded = decodeMessage(
      {
        topic: m.topic,
        partition: 0,
        offset: String(offset + 1),
        key: Buffer.from(m.key, 'utf8'),
        value: Buffer.from(JSON.stringify(m.value), 'utf8'),
        timestamp: '0',
      },
      { now: FAR_FUTURE },
    );
    if (decoded.kind !== 'facts') continue;
    for (const { stream, event } of decoded.appends) yield { ...event, stream };
  }
}

/** Each customer's first ChurnRiskRaised: the backtest's first alert of that customer. */
export const firstRaises = (rows: readonly RiskRow[]): Map<string, RiskRow> => {
  const first = new Map<string, RiskRow>();
  for (const row of rows)
    if (row.type === 'ChurnRiskRaised' && !first.has(row.customerId))
      first.set(row.customerId, row);
  return first;
};

/**
 * The alerts the alerting policy makes of these risk events when nobody works them (no RM
 * resolves anything in these tests): a customer's first risk event (raised or changed, not
 * cleared) whose band reaches the minimum severity of the customer's value tier raises the
 * alert (`alertActionFor`, @churn/domain-alert); every later one merges into it or eases it.
 * Risk below the tier's minimum raises nothing (policy `routing.<tier>.minimumSeverity`).
 */
export const alertsOf = (
  rows: readonly RiskRow[],
  policy: AlertingPolicy,
): { readonly alerts: Map<string, AlertRow>; readonly belowMinimum: Set<string> } => {
  const alerts = new Map<string, AlertRow>();
  const belowMinimum = new Set<string>();
  for (const row of rows) {
    if (row.type === 'ChurnRiskCleared' || alerts.has(row.customerId)) continue;
    const minimum = policy.routing[row.valueTier].minimumSeverity;
    if (severityRank(row.band as AlertSeverity) < severityRank(minimum)) {
      belowMinimum.add(row.customerId);
      continue;
    }
    alerts.set(row.customerId, {
      customerId: row.customerId,
      assessedOn: row.assessedOn,
      severity: row.band,
      valueTier: row.valueTier,
    });
  }
  for (const customer of alerts.keys()) belowMinimum.delete(customer);
  return { alerts, belowMinimum };
};

/** Each customer's risk events, one line each (type, day, band, score, signals), for comparing. */
export const perCustomer = (rows: readonly RiskRow[]): Map<string, string> => {
  const map = new Map<string, string>();
  for (const r of rows)
    map.set(
      r.customerId,
      `${map.get(r.customerId) ?? ''}${r.type} ${r.assessedOn} ${r.band} ${r.score} ${r.signals.join('+')}\n`,
    );
  return map;
};

/** `customer: left | right` for every key where the two maps disagree. */
export const differences = <T>(
  left: ReadonlyMap<string, T>,
  right: ReadonlyMap<string, T>,
  show: (row: T | undefined) => string,
): string[] =>
  [...new Set([...left.keys(), ...right.keys()])]
    .sort()
    .filter((key) => show(left.get(key)) !== show(right.get(key)))
    .map((key) => `${key}: ${show(left.get(key))} | ${show(right.get(key))}`);
