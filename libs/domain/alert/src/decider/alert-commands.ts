import type { Command } from '@churn/domain-kernel';
import type { AlertingPolicy } from '../policy/alerting-policy';
import type { AlertHolder, StaffDirectory } from '../staff/staff-directory';
import type { AlertCustomer, AlertSignal, RiskCause, SlaRuleId } from './alert-events';
import type {
  AlertOutcome,
  AlertSeverity,
  ContactChannel,
  NotificationChannel,
  OutcomeReason,
} from './alert-vocabulary';

/**
 * Commands to an alert. Each carries `at`, the instant it is decided (the injected clock), and,
 * where a person acts, `actor`: who they are in the staff directory. The decider checks what the
 * actor may do (see `authorityOver`); the edge only authenticates.
 */
export interface Actor {
  readonly staffId: string;
}

/** What every command has. `directory` is the staff directory in force when it is decided. */
interface Decided {
  readonly at: string;
  readonly directory: StaffDirectory;
}

/** From the risk engine's events; `policy` is the routing policy in force now. */
export type RaiseAlert = Command<
  'RaiseAlert',
  Decided & {
    readonly alertId: string;
    readonly customer: AlertCustomer;
    readonly severity: AlertSeverity;
    readonly cause: RiskCause;
    readonly signals: readonly AlertSignal[];
    readonly policy: AlertingPolicy;
    /** When the customer's previous alert was resolved, and its severity (for throttling). */
    readonly previousResolution: {
      readonly resolvedAt: string;
      readonly severity: AlertSeverity;
    } | null;
  }
>;

export type MergeRisk = Command<
  'MergeRisk',
  Decided & {
    readonly cause: RiskCause;
    readonly severity: AlertSeverity;
    readonly signals: readonly AlertSignal[];
    readonly customer: AlertCustomer;
  }
>;

/** Risk raised again for a customer whose alert was resolved within `reopenWithinDays`. */
export type ReopenAlert = Command<
  'ReopenAlert',
  Decided & {
    readonly cause: RiskCause;
    readonly severity: AlertSeverity;
    readonly signals: readonly AlertSignal[];
    readonly customer: AlertCustomer;
  }
>;

export type EaseRisk = Command<'EaseRisk', Decided & { readonly cause: RiskCause }>;

export type AcknowledgeAlert = Command<'AcknowledgeAlert', Decided & { readonly actor: Actor }>;

export type LogContact = Command<
  'LogContact',
  Decided & {
    readonly actor: Actor;
    readonly channel: ContactChannel;
    readonly summary: string;
    readonly nextStep: string;
    readonly nextStepDueAt: string | null;
  }
>;

export type SnoozeAlert = Command<
  'SnoozeAlert',
  Decided & { readonly actor: Actor; readonly until: string; readonly reason: string }
>;

export type ReassignAlert = Command<
  'ReassignAlert',
  Decided & { readonly actor: Actor; readonly to: AlertHolder; readonly reason: string }
>;

/** A person sends the alert up one level (it exceeds their authority, DOMAIN.md §5.2). */
export type EscalateAlert = Command<
  'EscalateAlert',
  Decided & { readonly actor: Actor; readonly reason: string }
>;

/** The timer: the clock `rule` ran out at `dueAt` (checked against the alert's own deadlines). */
export type EscalateOverdue = Command<
  'EscalateOverdue',
  Decided & { readonly rule: SlaRuleId; readonly dueAt: string }
>;

export type ResolveAlert = Command<
  'ResolveAlert',
  Decided & {
    readonly actor: Actor;
    readonly outcome: AlertOutcome;
    readonly reason: OutcomeReason;
    readonly reasonText: string | null;
  }
>;

export type RecordNotificationAttempt = Command<
  'RecordNotificationAttempt',
  {
    readonly at: string;
    readonly notificationId: string;
    readonly channel: NotificationChannel;
    readonly outcome: 'delivered' | 'failed';
    readonly failure: string | null;
  }
>;

export type AlertCommand =
  | RaiseAlert
  | MergeRisk
  | ReopenAlert
  | EaseRisk
  | AcknowledgeAlert
  | LogContact
  | SnoozeAlert
  | ReassignAlert
  | EscalateAlert
  | EscalateOverdue
  | ResolveAlert
  | RecordNotificationAttempt;
