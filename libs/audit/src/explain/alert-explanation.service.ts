import type { StaffPrincipal } from '@churn/alerting';
import { alertStream } from '@churn/domain-alert';
import type { Signal } from '@churn/domain-risk';
import { EVENT_STORE, type OpenedEventStore, type SourceCoordinates } from '@churn/event-store';
import { customerStream } from '@churn/ingestion';
import { Inject, Injectable } from '@nestjs/common';
import { AuditAccessLog } from '../access/audit-access-log';
import { RISK_POLICIES } from '../access/audit-ports';
import { AuditScope } from '../access/audit-scope';
import type { RiskPolicyRegistry } from '../rerun/risk-policy-registry';
import {
  actionsView,
  alertSummary,
  breachesView,
  causeView,
  coordinatesKey,
  escalationsView,
  evidenceFrom,
  notificationsView,
  riskPolicyView,
} from './alert-explanation';
import { foldAlert } from './alert-index';
import { notFetched, RAW_MESSAGES, type RawMessage, type RawMessageReader } from './raw-messages';

/** Source messages fetched per explanation at most; the rest are named by their coordinates. */
export const RAW_MESSAGES_PER_EXPLANATION = 48;
const FETCHES_IN_FLIGHT = 4;

/**
 * Why an alert fired, who was told and what they did (issue 6 §1, alert explanation): signals →
 * thresholds compared → evidence events → the raw source messages; the policy versions used;
 * every notification attempt, escalation and action, from the alert's own stream.
 */
@Injectable()
export class AlertExplanationService {
  constructor(
    @Inject(EVENT_STORE) private readonly opened: OpenedEventStore,
    @Inject(AuditScope) private readonly scope: AuditScope,
    @Inject(AuditAccessLog) private readonly accessLog: AuditAccessLog,
    @Inject(RISK_POLICIES) private readonly policies: RiskPolicyRegistry,
    @Inject(RAW_MESSAGES) private readonly rawMessages: RawMessageReader,
  ) {}

  async explain(staff: StaffPrincipal, route: string, alertId: string) {
    const events = await this.opened.store.loadStream(alertStream(alertId));
    const { state: alert } = foldAlert(events);
    if (alert.status === 'none' || !this.scope.canSeeAlert(staff, alert))
      throw this.scope.alertNotFound(alertId);
    const { customerId } = alert.customer;
    const stored = await this.opened.store.loadStream(customerStream(customerId));
    const byId = new Map(stored.map((e) => [e.id, e]));
    const riskEvents = alert.causes.map((c) => byId.get(c.riskEventId));
    const evidenceIds = new Set([
      ...alert.signals.flatMap((s) => s.evidenceEventIds),
      ...riskEvents.flatMap((e) =>
        ((e?.data as { signals?: readonly Signal[] } | undefined)?.signals ?? []).flatMap(
          (s) => s.evidenceEventIds,
        ),
      ),
    ]);
    const sources = [...evidenceIds].flatMap((id) => {
      const source = byId.get(id)?.metadata.source;
      return source === undefined ? [] : [source];
    });
    const evidence = evidenceFrom(byId, await this.fetchRaw(sources));
    const explanation = {
      alert: alertSummary(alert),
      policies: {
        alerting: {
          version: alert.escalation.policyVersion,
          tier: alert.escalation.tier,
          sla: alert.escalation.sla[alert.severity],
          channels: alert.escalation.channels,
        },
        risk: [...new Set(alert.causes.map((c) => c.riskPolicyVersion))].map((v) =>
          riskPolicyView(this.policies, v),
        ),
      },
      causes: alert.causes.map((cause, i) => causeView(cause, riskEvents[i], alert, evidence)),
      notifications: notificationsView(alert, events),
      escalations: escalationsView(events),
      breaches: breachesView(events),
      actions: actionsView(events),
      history: events.map((e) => ({
        revision: e.revision,
        position: e.position,
        type: e.type,
        occurredAt: e.metadata.occurredAt,
        recordedAt: e.recordedAt,
      })),
    };
    await this.accessLog.record(staff, {
      route,
      customerIds: [customerId],
      alertIds: [alertId],
      query: {},
    });
    return explanation;
  }

  /** Each source message once, a few at a time, at most `RAW_MESSAGES_PER_EXPLANATION`. */
  private async fetchRaw(sources: readonly SourceCoordinates[]): Promise<Map<string, RawMessage>> {
    const unique = [...new Map(sources.map((s) => [coordinatesKey(s), s])).values()];
    const fetched = new Map<string, RawMessage>();
    const queue = unique.slice(0, RAW_MESSAGES_PER_EXPLANATION);
    for (const source of unique.slice(RAW_MESSAGES_PER_EXPLANATION))
      fetched.set(
        coordinatesKey(source),
        notFetched(source, `more than ${RAW_MESSAGES_PER_EXPLANATION} source messages`),
      );
    const worker = async () => {
      for (let s = queue.shift(); s !== undefined; s = queue.shift())
        fetched.set(coordinatesKey(s), await this.rawMessages.read(s));
    };
    await Promise.all(Array.from({ length: FETCHES_IN_FLIGHT }, worker));
    return fetched;
  }
}
