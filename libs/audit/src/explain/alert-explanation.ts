import type {
  AlertNotificationAttempted,
  RaisedAlert,
  RetentionAlertEscalated,
  RiskCause,
} from '@churn/domain-alert';
import type { Signal } from '@churn/domain-risk';
import type { RecordedEvent } from '@churn/event-store';
import { storedEventItem, type StoredEventItem } from '../history/stored-event';
import type { RiskPolicyRegistry } from '../rerun/risk-policy-registry';
import type { RawMessage } from './raw-messages';

export interface EvidenceView extends Partial<StoredEventItem> {
  readonly eventId: string;
  readonly found: boolean;
  readonly raw: RawMessage | null;
}

type Data = Record<string, unknown>;
const dataOf = (e: RecordedEvent): Data => e.data as Data;

/** The risk policy behind a version: its bands and hysteresis, when the registry knows it. */
export const riskPolicyView = (registry: RiskPolicyRegistry, version: string) => {
  const known = registry.find(version);
  return known === undefined
    ? { version, known: false as const }
    : {
        version,
        known: true as const,
        file: known.file,
        bands: known.loaded.policy.bands,
        hysteresis: known.loaded.policy.hysteresis,
      };
};

/** A signal with what was compared and the stored events (and source messages) behind it. */
const signalView = (signal: Signal, evidence: (eventId: string) => EvidenceView) => ({
  code: signal.code,
  strengthBasisPoints: signal.strengthBasisPoints,
  explanation: signal.explanation,
  measures: signal.measures.map((m) => ({ ...m })),
  evidence: signal.evidenceEventIds.map(evidence),
});

/** Each risk event merged into the alert, found in the customer's stream by its id. */
export const causeView = (
  cause: RiskCause,
  riskEvent: RecordedEvent | undefined,
  alert: RaisedAlert,
  evidence: (eventId: string) => EvidenceView,
) => {
  const d = riskEvent === undefined ? undefined : dataOf(riskEvent);
  const signals = (d?.['signals'] as readonly Signal[] | undefined) ?? null;
  return {
    ...cause,
    found: riskEvent !== undefined,
    band: (d?.['band'] as string | undefined) ?? null,
    occurredAt: riskEvent?.metadata.occurredAt ?? null,
    causationId: riskEvent?.metadata.causationId ?? null,
    signals:
      signals === null
        ? alert.signals.map((s) => ({
            ...s,
            measures: [],
            evidence: s.evidenceEventIds.map(evidence),
          }))
        : signals.map((s) => signalView(s, evidence)),
  };
};

/** Who was told, when, by which channel: every attempt of every notification. */
export const notificationsView = (alert: RaisedAlert, events: readonly RecordedEvent[]) =>
  alert.notifications.map(({ attempts: _count, failures: _failures, ...n }) => ({
    ...n,
    attempts: events
      .filter((e) => e.type === 'AlertNotificationAttempted')
      .filter(
        (e) => (e.data as AlertNotificationAttempted['data']).notificationId === n.notificationId,
      )
      .map((e) => {
        const a = e.data as AlertNotificationAttempted['data'];
        return {
          attempt: a.attempt,
          channel: a.channel,
          outcome: a.outcome,
          failure: a.failure,
          at: e.metadata.occurredAt,
        };
      }),
  }));

/** Every escalation: by an SLA clock (which rule, when due, when fired) or by a person. */
export const escalationsView = (events: readonly RecordedEvent[]) =>
  events
    .filter((e) => e.type === 'RetentionAlertEscalated')
    .map((e) => {
      const d = e.data as RetentionAlertEscalated['data'];
      return {
        at: e.metadata.occurredAt,
        fromLevel: d.fromLevel,
        toLevel: d.toLevel,
        from: d.from,
        to: d.to,
        trigger:
          d.trigger.kind === 'sla'
            ? {
                kind: 'sla' as const,
                rule: d.trigger.rule,
                dueAt: d.trigger.dueAt,
                firedAt: e.metadata.occurredAt,
              }
            : d.trigger,
      };
    });

export const breachesView = (events: readonly RecordedEvent[]) =>
  events
    .filter((e) => e.type === 'RetentionAlertSlaBreached')
    .map((e) => ({
      rule: dataOf(e)['rule'],
      dueAt: dataOf(e)['dueAt'],
      at: e.metadata.occurredAt,
    }));

const ACTIONS: Readonly<Record<string, string>> = {
  RetentionAlertAcknowledged: 'acknowledge',
  RetentionContactLogged: 'contact',
  RetentionAlertSnoozed: 'snooze',
  RetentionAlertReassigned: 'reassign',
  RetentionAlertResolved: 'resolve',
  RetentionAlertReopened: 'reopen',
};

/** Every act of staff (and the reopen by new risk), with who and when and what they gave. */
export const actionsView = (events: readonly RecordedEvent[]) =>
  events.flatMap((e) => {
    const action = ACTIONS[e.type];
    if (action === undefined) return [];
    const { alertId: _alertId, by, ...details } = dataOf(e);
    return [
      {
        action,
        by: (by as string | undefined) ?? 'system',
        at: e.metadata.occurredAt,
        revision: e.revision,
        details,
      },
    ];
  });

export const alertSummary = (alert: RaisedAlert) => ({
  alertId: alert.alertId,
  status: alert.status,
  customer: alert.customer,
  tier: alert.customer.tier,
  severity: alert.severity,
  level: alert.level,
  holder: alert.holder,
  holderNote: alert.holderNote,
  informed: alert.informed,
  suggestedActions: alert.suggestedActions,
  raisedAt: alert.raisedAt,
  levelSince: alert.levelSince,
  firstAcknowledgedAt: alert.firstAcknowledgedAt,
  firstContactedAt: alert.firstContactedAt,
  escalations: alert.escalations,
  reopenings: alert.reopenings,
  resolution: alert.resolution,
});

export const evidenceFrom =
  (byId: ReadonlyMap<string, RecordedEvent>, raw: ReadonlyMap<string, RawMessage>) =>
  (eventId: string): EvidenceView => {
    const event = byId.get(eventId);
    if (event === undefined) return { eventId, found: false, raw: null };
    const source = event.metadata.source;
    return {
      ...storedEventItem(event),
      found: true,
      raw: source === undefined ? null : (raw.get(coordinatesKey(source)) ?? null),
    };
  };

export const coordinatesKey = (s: { topic: string; partition: number; offset: string }): string =>
  `${s.topic}/${s.partition}@${s.offset}`;
