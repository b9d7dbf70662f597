import type { DomainEvent } from '@churn/domain-kernel';
import type { Segment, Tier } from '@churn/domain-customer';
import type { SignalCode } from '@churn/domain-risk';
import type { FrozenEscalation } from '../policy/alerting-policy';
import type { AlertHolder } from '../staff/staff-directory';
import type {
  AlertLevel,
  AlertOutcome,
  AlertSeverity,
  ContactChannel,
  NotificationChannel,
  NotificationPurpose,
  OutcomeReason,
  ServiceItem,
  SlaKind,
} from './alert-vocabulary';

/**
 * The events of an `alert-<alertId>` stream (issue 5 §1). Every event names the alert and, where a
 * person acted, who (`by`, a staff id; `system` for the engine and the escalation timers).
 * `occurredAt` is the time the command was decided: the injected clock, never the domain's own.
 */

/** One signal as the alert keeps it: enough to explain the alert without reading the risk event. */
export interface AlertSignal {
  readonly code: SignalCode;
  readonly strengthBasisPoints: number;
  readonly explanation: string;
  readonly evidenceEventIds: readonly string[];
}

/** The customer as the bank knew them when the risk was assessed. */
export interface AlertCustomer {
  readonly customerId: string;
  readonly tier: Tier;
  /** The tier of the customer's peak AUM over the value lookback (what the bank stands to lose). */
  readonly valueTier: Tier;
  readonly aumMinor: number;
  readonly peakAumMinor: number;
  readonly segment: Segment | null;
  readonly relationshipManagerId: string | null;
  readonly teamId: string | null;
  readonly branchId: string | null;
}

/** The risk event that caused an alert event: its store id, score, band and policy version. */
export interface RiskCause {
  readonly riskEventId: string;
  readonly riskEventType: 'ChurnRiskRaised' | 'ChurnRiskChanged' | 'ChurnRiskCleared';
  readonly score: number;
  readonly riskPolicyVersion: string;
  readonly assessedOn: string;
}

export type RetentionAlertRaised = DomainEvent<
  'RetentionAlertRaised',
  {
    readonly alertId: string;
    readonly customer: AlertCustomer;
    readonly severity: AlertSeverity;
    readonly cause: RiskCause;
    readonly signals: readonly AlertSignal[];
    readonly level: AlertLevel;
    readonly holder: AlertHolder;
    /** Why the holder is not the customer's RM, when it is not (no RM, RM absent → delegate). */
    readonly holderNote: string | null;
    /** Staff told at once besides the holder (fortune: supervisor; private banking: branch head). */
    readonly informed: readonly string[];
    readonly suggestedActions: readonly ServiceItem[];
    readonly escalation: FrozenEscalation;
  }
>;

/** New risk for a customer whose alert is open: merged into it (one open alert per customer). */
export type RetentionAlertRiskMerged = DomainEvent<
  'RetentionAlertRiskMerged',
  {
    readonly alertId: string;
    readonly cause: RiskCause;
    readonly severity: AlertSeverity;
    readonly previousSeverity: AlertSeverity;
    /** Signals not on the alert before. */
    readonly addedSignals: readonly AlertSignal[];
    readonly customer: AlertCustomer;
  }
>;

/** The risk engine cleared the risk: the clocks stop, the case stays open until resolved. */
export type RetentionAlertRiskEased = DomainEvent<
  'RetentionAlertRiskEased',
  { readonly alertId: string; readonly cause: RiskCause }
>;

export type RetentionAlertAcknowledged = DomainEvent<
  'RetentionAlertAcknowledged',
  { readonly alertId: string; readonly by: string; readonly level: AlertLevel }
>;

export type RetentionContactLogged = DomainEvent<
  'RetentionContactLogged',
  {
    readonly alertId: string;
    readonly by: string;
    readonly level: AlertLevel;
    readonly channel: ContactChannel;
    readonly summary: string;
    readonly nextStep: string;
    /** When the next step is due, if one was agreed. */
    readonly nextStepDueAt: string | null;
  }
>;

export type RetentionAlertSnoozed = DomainEvent<
  'RetentionAlertSnoozed',
  { readonly alertId: string; readonly by: string; readonly until: string; readonly reason: string }
>;

export type RetentionAlertReassigned = DomainEvent<
  'RetentionAlertReassigned',
  {
    readonly alertId: string;
    readonly by: string;
    readonly from: AlertHolder;
    readonly to: AlertHolder;
    readonly reason: string;
  }
>;

export type RetentionAlertEscalated = DomainEvent<
  'RetentionAlertEscalated',
  {
    readonly alertId: string;
    readonly fromLevel: AlertLevel;
    readonly toLevel: AlertLevel;
    readonly from: AlertHolder;
    readonly to: AlertHolder;
    readonly holderNote: string | null;
    /** `sla`: a clock ran out (`rule` names it, `dueAt` when it was due); `manual`: a person. */
    readonly trigger:
      | { readonly kind: 'sla'; readonly rule: SlaRuleId; readonly dueAt: string }
      | { readonly kind: 'manual'; readonly by: string; readonly reason: string };
  }
>;

/** A clock ran out at the top of the ladder: nowhere left to climb, recorded as a breach. */
export type RetentionAlertSlaBreached = DomainEvent<
  'RetentionAlertSlaBreached',
  { readonly alertId: string; readonly rule: SlaRuleId; readonly dueAt: string }
>;

export type RetentionAlertResolved = DomainEvent<
  'RetentionAlertResolved',
  {
    readonly alertId: string;
    readonly by: string;
    readonly level: AlertLevel;
    readonly outcome: AlertOutcome;
    readonly reason: OutcomeReason;
    /** Required when the reason is `other`. */
    readonly reasonText: string | null;
  }
>;

export type RetentionAlertReopened = DomainEvent<
  'RetentionAlertReopened',
  {
    readonly alertId: string;
    readonly cause: RiskCause;
    readonly severity: AlertSeverity;
    readonly signals: readonly AlertSignal[];
    readonly customer: AlertCustomer;
    readonly level: AlertLevel;
    readonly holder: AlertHolder;
    readonly holderNote: string | null;
  }
>;

/** A raise held back by noise control (throttled after a recent resolution): recorded, not sent. */
export type RetentionAlertRaiseSuppressed = DomainEvent<
  'RetentionAlertRaiseSuppressed',
  {
    readonly alertId: string;
    readonly cause: RiskCause;
    readonly severity: AlertSeverity;
    /** Only `throttled` is recorded; a raise below the tier's minimum opens no stream at all. */
    readonly why: 'throttled';
  }
>;

/** Somebody must be told (outbox): a dispatcher delivers it and records every attempt. */
export type AlertNotificationRequested = DomainEvent<
  'AlertNotificationRequested',
  {
    readonly alertId: string;
    /** Derived from the alert and the event that caused it: the idempotency key of every channel. */
    readonly notificationId: string;
    readonly recipientId: string;
    readonly purpose: NotificationPurpose;
    readonly severity: AlertSeverity;
    /** Tried in order; the first that delivers wins, a failure falls back to the next. */
    readonly channels: readonly NotificationChannel[];
  }
>;

export type AlertNotificationAttempted = DomainEvent<
  'AlertNotificationAttempted',
  {
    readonly alertId: string;
    readonly notificationId: string;
    readonly channel: NotificationChannel;
    readonly attempt: number;
    readonly outcome: 'delivered' | 'failed';
    /** Why it failed, in words an operator can act on; null when delivered. */
    readonly failure: string | null;
  }
>;

/** Every channel failed: visible on the alert and in the metrics. */
export type AlertNotificationUndeliverable = DomainEvent<
  'AlertNotificationUndeliverable',
  { readonly alertId: string; readonly notificationId: string; readonly attempts: number }
>;

export type RetentionAlertEvent =
  | RetentionAlertRaised
  | RetentionAlertRiskMerged
  | RetentionAlertRiskEased
  | RetentionAlertAcknowledged
  | RetentionContactLogged
  | RetentionAlertSnoozed
  | RetentionAlertReassigned
  | RetentionAlertEscalated
  | RetentionAlertSlaBreached
  | RetentionAlertResolved
  | RetentionAlertReopened
  | RetentionAlertRaiseSuppressed
  | AlertNotificationRequested
  | AlertNotificationAttempted
  | AlertNotificationUndeliverable;

export type RetentionAlertEventType = RetentionAlertEvent['type'];

/** Every event type of an alert stream (for subscriptions by type and exhaustive tests). */
export const RETENTION_ALERT_EVENT_TYPES = [
  'RetentionAlertRaised',
  'RetentionAlertRiskMerged',
  'RetentionAlertRiskEased',
  'RetentionAlertAcknowledged',
  'RetentionContactLogged',
  'RetentionAlertSnoozed',
  'RetentionAlertReassigned',
  'RetentionAlertEscalated',
  'RetentionAlertSlaBreached',
  'RetentionAlertResolved',
  'RetentionAlertReopened',
  'RetentionAlertRaiseSuppressed',
  'AlertNotificationRequested',
  'AlertNotificationAttempted',
  'AlertNotificationUndeliverable',
] as const satisfies readonly RetentionAlertEventType[];

/** The compiler refuses an event type missing from the list above. */
type MissingEventTypes = Exclude<
  RetentionAlertEventType,
  (typeof RETENTION_ALERT_EVENT_TYPES)[number]
>;
const _everyEventTypeListed: [MissingEventTypes] extends [never] ? true : never = true;

/** `<level>/<kind>`, e.g. `rm/acknowledge`: each rule fires at most once per alert. */
export type SlaRuleId = `${AlertLevel}/${SlaKind}`;

export const ALERT_SCHEMA_VERSION = 1;

/** The alert stream of an alert (ARCHITECTURE.md: `alert-<alertId>`). */
export const alertStream = (alertId: string): string => `alert-${alertId}`;
export const ALERT_STREAM_PREFIX = 'alert-';
