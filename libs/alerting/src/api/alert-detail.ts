import type {
  AlertNotificationAttempted,
  AlertSignal,
  NotificationState,
  RaisedAlert,
  Resolution,
  RiskCause,
  SlaRuleId,
} from '@churn/domain-alert';
import type { RecordedEvent } from '@churn/event-store';
import { alertItem, type AlertItem } from './alert-view';

/**
 * One alert in full (ARCHITECTURE.md principle 6, explain every alert): its signals with their
 * evidence, the risk assessments behind it, every event of its stream, and every notification
 * with each delivery attempt, so "who was told, how, and did it arrive" needs no log search.
 */
export interface AlertHistoryEntry {
  readonly revision: number;
  readonly type: string;
  readonly recordedAt: string;
  readonly occurredAt: string;
  readonly data: unknown;
}

export interface NotificationAttemptView {
  readonly attempt: number;
  readonly channel: AlertNotificationAttempted['data']['channel'];
  readonly outcome: 'delivered' | 'failed';
  readonly failure: string | null;
  readonly at: string;
}

export interface NotificationView extends Omit<NotificationState, 'attempts' | 'failures'> {
  readonly attempts: readonly NotificationAttemptView[];
}

export interface AlertDetail extends Omit<AlertItem, 'signals'> {
  readonly revision: number | null;
  readonly signals: readonly AlertSignal[];
  readonly causes: readonly RiskCause[];
  readonly informed: readonly string[];
  readonly levelSince: string;
  readonly firstAcknowledgedAt: string | null;
  readonly firstContactedAt: string | null;
  readonly contacts: number;
  readonly escalations: number;
  readonly firedRules: readonly SlaRuleId[];
  readonly breaches: readonly SlaRuleId[];
  readonly reopenings: number;
  readonly resolution: Resolution | null;
  readonly history: readonly AlertHistoryEntry[];
  readonly notifications: readonly NotificationView[];
}

export const alertDetail = (
  alert: RaisedAlert,
  priority: number,
  events: readonly RecordedEvent[],
  now: string,
): AlertDetail => ({
  ...alertItem(alert, priority, now),
  revision: events[events.length - 1]?.revision ?? null,
  signals: alert.signals,
  causes: alert.causes,
  informed: alert.informed,
  levelSince: alert.levelSince,
  firstAcknowledgedAt: alert.firstAcknowledgedAt,
  firstContactedAt: alert.firstContactedAt,
  contacts: alert.contacts,
  escalations: alert.escalations,
  firedRules: alert.firedRules,
  breaches: alert.breaches,
  reopenings: alert.reopenings,
  resolution: alert.resolution,
  history: events.map((e) => ({
    revision: e.revision,
    type: e.type,
    recordedAt: e.recordedAt,
    occurredAt: e.metadata.occurredAt,
    data: e.data,
  })),
  notifications: alert.notifications.map(({ attempts: _count, failures: _failures, ...n }) => ({
    ...n,
    attempts: attemptsOf(events, n.notificationId),
  })),
});

const attemptsOf = (
  events: readonly RecordedEvent[],
  notificationId: string,
): NotificationAttemptView[] =>
  events
    .filter((e) => e.type === 'AlertNotificationAttempted')
    .map((e) => ({ data: e.data as AlertNotificationAttempted['data'], at: e.metadata.occurredAt }))
    .filter(({ data }) => data.notificationId === notificationId)
    .map(({ data, at }) => ({
      attempt: data.attempt,
      channel: data.channel,
      outcome: data.outcome,
      failure: data.failure,
      at,
    }));
