import type {
  AlertLevel,
  AlertOutcome,
  AlertSeverity,
  ContactChannel,
  RetentionAlertEvent,
  RetentionAlertEventType,
} from '@churn/domain-alert';
import type { RecordedEvent } from '@churn/event-store';
import type { OutgoingMessage } from '@churn/messaging';

/** Headers of a feed message: consumers drop a redelivery by `event-id`. */
export const AlertFeedHeaders = {
  eventId: 'event-id',
  eventType: 'event-type',
  alertId: 'alert-id',
} as const;

/**
 * Which alert events a CRM hears of: the case's lifecycle. The engine's own bookkeeping (who was
 * notified over which channel, a raise held back by noise control) stays in the store. A Record,
 * so the compiler asks about every new event type.
 */
const ON_THE_FEED: Readonly<Record<RetentionAlertEventType, boolean>> = {
  RetentionAlertRaised: true,
  RetentionAlertRiskMerged: true,
  RetentionAlertRiskEased: true,
  RetentionAlertAcknowledged: true,
  RetentionContactLogged: true,
  RetentionAlertSnoozed: true,
  RetentionAlertReassigned: true,
  RetentionAlertEscalated: true,
  RetentionAlertSlaBreached: true,
  RetentionAlertResolved: true,
  RetentionAlertReopened: true,
  RetentionAlertRaiseSuppressed: false,
  AlertNotificationRequested: false,
  AlertNotificationAttempted: false,
  AlertNotificationUndeliverable: false,
};

export const isOnTheFeed = (type: string): boolean =>
  Object.hasOwn(ON_THE_FEED, type) && ON_THE_FEED[type as RetentionAlertEventType];

/** A holder as the CRM sees it: ids only, never names or addresses. */
export type FeedHolder =
  | { readonly kind: 'staff'; readonly staffId: string }
  | { readonly kind: 'team-queue'; readonly teamId: string };

/**
 * One message of `retention.alerts.v1`. Free text written by staff (contact summaries, next
 * steps, snooze, reassignment and escalation reasons, a resolution's `reasonText`) is left out:
 * it may quote the customer, and a CRM needs the codes, not the notes.
 */
export interface AlertFeedPayload {
  readonly eventId: string;
  readonly alertId: string;
  readonly customerId: string;
  readonly type: string;
  readonly occurredAt: string;
  readonly severity?: AlertSeverity;
  readonly level?: AlertLevel;
  readonly holder?: FeedHolder;
  readonly outcome?: AlertOutcome;
  /** A code: the resolution's reason, or the SLA rule (`rm/acknowledge`) or `manual` of an escalation. */
  readonly reason?: string;
  /** The alerting policy the raise froze (its SLAs and channels). */
  readonly policyVersion?: string;
  /** How a contact was made (`RetentionContactLogged`). */
  readonly channel?: ContactChannel;
}

type Details = Omit<AlertFeedPayload, 'eventId' | 'alertId' | 'customerId' | 'type' | 'occurredAt'>;

/** What each lifecycle event adds to the payload; `{}` for the bookkeeping ones (never sent). */
const detailsOf = (event: RetentionAlertEvent): Details => {
  switch (event.type) {
    case 'RetentionAlertRaised': {
      const { severity, level, holder, escalation } = event.data;
      return { severity, level, holder, policyVersion: escalation.policyVersion };
    }
    case 'RetentionAlertRiskMerged':
      return { severity: event.data.severity };
    case 'RetentionAlertAcknowledged':
      return { level: event.data.level };
    case 'RetentionContactLogged':
      return { level: event.data.level, channel: event.data.channel };
    case 'RetentionAlertReassigned':
      return { holder: event.data.to };
    case 'RetentionAlertEscalated': {
      const { toLevel, to, trigger } = event.data;
      return {
        level: toLevel,
        holder: to,
        reason: trigger.kind === 'sla' ? trigger.rule : 'manual',
      };
    }
    case 'RetentionAlertSlaBreached':
      return { reason: event.data.rule };
    case 'RetentionAlertResolved':
      return { level: event.data.level, outcome: event.data.outcome, reason: event.data.reason };
    case 'RetentionAlertReopened': {
      const { severity, level, holder } = event.data;
      return { severity, level, holder };
    }
    case 'RetentionAlertRiskEased':
    case 'RetentionAlertSnoozed':
    case 'RetentionAlertRaiseSuppressed':
    case 'AlertNotificationRequested':
    case 'AlertNotificationAttempted':
    case 'AlertNotificationUndeliverable':
      return {};
    default: {
      const unhandled: never = event;
      return unhandled;
    }
  }
};

/** The message for one stored lifecycle event: keyed by customer, so a customer's stay in order. */
export const toFeedMessage = (
  recorded: RecordedEvent,
  event: RetentionAlertEvent,
  customerId: string,
): OutgoingMessage => {
  const payload: AlertFeedPayload = {
    eventId: recorded.id,
    alertId: event.data.alertId,
    customerId,
    type: event.type,
    occurredAt: event.data.occurredAt,
    ...detailsOf(event),
  };
  return {
    key: customerId,
    value: JSON.stringify(payload),
    headers: {
      [AlertFeedHeaders.eventId]: recorded.id,
      [AlertFeedHeaders.eventType]: event.type,
      [AlertFeedHeaders.alertId]: event.data.alertId,
    },
  };
};
