import { yuan } from '@churn/domain-kernel';
import type { Tier } from '@churn/domain-customer';
import type { RaisedBand } from '@churn/domain-risk';
import { CHURN_RISK_SCHEMA_VERSION } from '@churn/domain-risk';
import type { EventStore, NewEvent } from '@churn/event-store';
import { uuidV5 } from '@churn/ingestion';
import { ALERTING_NAMESPACE } from '../store/alert-ids';

/** A customer as a risk event describes them; defaults: fortune tier, RM-1 of team T-1, segment A. */
export interface RiskCustomer {
  readonly customerId: string;
  readonly tier?: Tier;
  readonly valueTier?: Tier;
  readonly relationshipManagerId?: string | null;
  readonly teamId?: string | null;
}

export interface RiskEventSpec extends RiskCustomer {
  readonly type?: 'ChurnRiskRaised' | 'ChurnRiskChanged' | 'ChurnRiskCleared';
  /** The customer's n-th risk event (part of its id). */
  readonly sequence?: number;
  readonly band?: RaisedBand | 'none';
  readonly previousBand?: RaisedBand;
  readonly signals?: readonly string[];
  readonly assessedOn?: string;
}

const SCORES: Readonly<Record<RaisedBand | 'none', number>> = {
  none: 20,
  watch: 50,
  warning: 65,
  critical: 85,
};

const AUM: Readonly<Record<Tier, number>> = {
  ordinary: yuan(50_000),
  'wealth-management': yuan(500_000),
  fortune: yuan(3_000_000),
  'private-banking': yuan(8_000_000),
};

/**
 * A risk event as the risk engine appends it to `customer-<id>` (schema 2: with the assessed
 * customer and value), for tests and benchmarks of the bridge. Its id is derived from the
 * customer, the sequence and the type, so appending it twice stores it once.
 */
export const riskEvent = (
  spec: RiskEventSpec,
): { readonly stream: string; readonly event: NewEvent } => {
  const type = spec.type ?? 'ChurnRiskRaised';
  const band = spec.band ?? (type === 'ChurnRiskCleared' ? 'none' : 'critical');
  const sequence = spec.sequence ?? 1;
  const tier = spec.tier ?? 'fortune';
  const assessedOn = spec.assessedOn ?? '2026-11-30';
  const previous = spec.previousBand ?? 'critical';
  const data = {
    customerId: spec.customerId,
    sequence,
    score: SCORES[band],
    band,
    signals: (spec.signals ?? ['payroll-stopped']).map((code) => ({
      code,
      strengthBasisPoints: 8_000,
      evidenceEventIds: [`${spec.customerId}-${code}-evidence`],
      measures: [{ name: 'days-late', value: 9, threshold: 3, unit: 'days' }],
      explanation: `${code} for ${spec.customerId}`,
    })),
    policyVersion: '2026-11-2',
    assessedOn,
    customer: {
      tier,
      aumMinor: AUM[tier],
      segment: 'A',
      relationshipManagerId:
        spec.relationshipManagerId === undefined ? 'RM-1' : spec.relationshipManagerId,
      teamId: spec.teamId === undefined ? 'T-1' : spec.teamId,
      branchId: 'BR-T',
    },
    value: {
      peakAumMinor: AUM[spec.valueTier ?? tier],
      tier: spec.valueTier ?? tier,
      weightBasisPoints: 10_000,
    },
    occurredAt: `${assessedOn}T23:59:59.999+08:00`,
    ...(type === 'ChurnRiskRaised'
      ? {}
      : {
          previousScore: SCORES[previous],
          previousBand: previous,
          easingSince: type === 'ChurnRiskCleared' ? assessedOn : null,
        }),
    ...(type === 'ChurnRiskChanged' ? { reasons: ['band-raised'] } : {}),
  };
  return {
    stream: `customer-${spec.customerId}`,
    event: {
      id: uuidV5(ALERTING_NAMESPACE, `test-risk/${spec.customerId}/${sequence}/${type}`),
      type,
      data,
      metadata: { occurredAt: data.occurredAt, schemaVersion: CHURN_RISK_SCHEMA_VERSION },
    },
  };
};

/** Appends risk events in one tick (one commit on the embedded store); the last position. */
export const appendRiskEvents = async (
  store: EventStore,
  specs: readonly RiskEventSpec[],
): Promise<number> => {
  const results = await Promise.all(
    specs.map((spec) => {
      const { stream, event } = riskEvent(spec);
      return store.append(stream, [event], { expectedRevision: 'any' });
    }),
  );
  return results.reduce((max, r) => Math.max(max, r.position), 0);
};
