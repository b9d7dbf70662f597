import { UnknownEventTypeError, type NewEvent, type RecordedEvent } from '@churn/event-store';
import type { RetentionAlertEvent, RetentionAlertEventType } from '@churn/domain-alert';
import { alertEventId } from './alert-ids';

/** Every type an alert stream holds; a Record so the compiler says when the union grows. */
const ALERT_EVENT_TYPES: Readonly<Record<RetentionAlertEventType, true>> = {
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
  RetentionAlertRaiseSuppressed: true,
  AlertNotificationRequested: true,
  AlertNotificationAttempted: true,
  AlertNotificationUndeliverable: true,
};

export const isAlertEventType = (type: string): type is RetentionAlertEventType =>
  Object.hasOwn(ALERT_EVENT_TYPES, type);

/**
 * A recorded alert event back as the domain's event. A type this build does not know stops the
 * reader (`UnknownEventTypeError`): a fold that skips a fact of an alert would be wrong.
 */
export const decodeAlertEvent = (recorded: RecordedEvent): RetentionAlertEvent => {
  if (!isAlertEventType(recorded.type))
    throw new UnknownEventTypeError(recorded.type, recorded.stream, recorded.revision);
  return {
    type: recorded.type,
    schemaVersion: recorded.metadata.schemaVersion,
    data: recorded.data,
  } as RetentionAlertEvent;
};

/** Where an event came from, recorded in its metadata. */
export interface EventContext {
  readonly causationId?: string;
  readonly correlationId?: string;
}

/** The execution of one command: tells its own events from another writer's identical ones. */
export interface Written extends EventContext {
  readonly commandId: string;
}

/** Decided events as appended at `firstRevision`: ids derived from the revision, business time from the event. */
export const toNewEvents = (
  alertId: string,
  firstRevision: number,
  events: readonly RetentionAlertEvent[],
  context: Written,
): NewEvent[] =>
  events.map((event, i) => ({
    id: alertEventId(alertId, firstRevision + i),
    type: event.type,
    data: event.data,
    metadata: {
      occurredAt: event.data.occurredAt,
      schemaVersion: event.schemaVersion,
      commandId: context.commandId,
      ...(context.causationId === undefined ? {} : { causationId: context.causationId }),
      ...(context.correlationId === undefined ? {} : { correlationId: context.correlationId }),
    },
  }));

/**
 * Whether the store holds these very events, written by this command, and not another writer's
 * under the same ids (ids derive from the revision, so two writers at one revision share them,
 * and the store takes the second batch for a retry of the first). Even an identical decision
 * (the same rule fired by two timers at the same instant) is the other writer's, not ours.
 */
export const writtenByUs = (
  recorded: readonly RecordedEvent[],
  appended: readonly NewEvent[],
): boolean =>
  recorded.length === appended.length &&
  recorded.every((r, i) => r.metadata['commandId'] === appended[i]?.metadata['commandId']);
