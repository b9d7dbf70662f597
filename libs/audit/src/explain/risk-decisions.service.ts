import type { StaffPrincipal } from '@churn/alerting';
import type { Signal } from '@churn/domain-risk';
import { EVENT_STORE, type OpenedEventStore } from '@churn/event-store';
import { customerStream } from '@churn/ingestion';
import { Inject, Injectable } from '@nestjs/common';
import { AuditAccessLog } from '../access/audit-access-log';
import { RISK_POLICIES } from '../access/audit-ports';
import { AuditScope } from '../access/audit-scope';
import { isoOf, momentEndMs, momentStartMs } from '../access/moments';
import { RISK_EVENT_TYPES } from '../as-of/audit-fold';
import type { RiskPolicyRegistry } from '../rerun/risk-policy-registry';
import { riskPolicyView } from './alert-explanation';

/** "Why didn't an alert fire?" — said once, next to the list. */
export const RISK_DECISIONS_NOTE =
  'The risk engine records an event only when its decision changes: a risk raised, its band or ' +
  'signals changed, easing started or ended, the risk cleared. A day without an event is a day ' +
  'whose assessment (if any) changed nothing; an alert needs a risk event whose band reaches the ' +
  "customer tier's minimum severity. The thresholds of each policy version are listed.";

/**
 * The risk events of a customer in a business-time window, with scores, bands and signals, and
 * the thresholds of the policies that decided them (issue 6 §1: why did, or didn't, an alert fire).
 */
@Injectable()
export class RiskDecisionsService {
  constructor(
    @Inject(EVENT_STORE) private readonly opened: OpenedEventStore,
    @Inject(AuditScope) private readonly scope: AuditScope,
    @Inject(AuditAccessLog) private readonly accessLog: AuditAccessLog,
    @Inject(RISK_POLICIES) private readonly policies: RiskPolicyRegistry,
  ) {}

  async decisions(
    staff: StaffPrincipal,
    route: string,
    customerId: string,
    from?: string,
    to?: string,
  ) {
    const history = await this.scope.customer(staff, customerId);
    const events = await this.opened.store.loadStream(customerStream(customerId), {
      toRevision: history.head.lastRevision,
      ...(from === undefined ? {} : { fromTime: isoOf(momentStartMs(from)) }),
      ...(to === undefined ? {} : { toTime: isoOf(momentEndMs(to) + 1) }),
    });
    const decisions = events
      .filter((e) => RISK_EVENT_TYPES.has(e.type))
      .map((e) => {
        const d = e.data as Record<string, unknown> & { signals: readonly Signal[] };
        return {
          eventId: e.id,
          type: e.type,
          revision: e.revision,
          position: e.position,
          occurredAt: e.metadata.occurredAt,
          causationId: e.metadata.causationId ?? null,
          sequence: d['sequence'],
          assessedOn: d['assessedOn'],
          score: d['score'],
          band: d['band'],
          previousScore: d['previousScore'] ?? null,
          previousBand: d['previousBand'] ?? null,
          reasons: d['reasons'] ?? null,
          easingSince: d['easingSince'] ?? null,
          policyVersion: d['policyVersion'] as string,
          signals: d.signals.map((s) => ({
            code: s.code,
            strengthBasisPoints: s.strengthBasisPoints,
            measures: s.measures,
            explanation: s.explanation,
            evidenceEventIds: s.evidenceEventIds,
          })),
        };
      });
    const versions = [...new Set(decisions.map((d) => d.policyVersion))];
    await this.accessLog.record(staff, {
      route,
      customerIds: [customerId],
      alertIds: [],
      query: { from, to },
    });
    return {
      customerId,
      from: from ?? null,
      to: to ?? null,
      decisions,
      policies: versions.map((v) => riskPolicyView(this.policies, v)),
      note: RISK_DECISIONS_NOTE,
    };
  }
}
