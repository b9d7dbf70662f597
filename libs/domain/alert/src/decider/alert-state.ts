import type { FrozenEscalation } from '../policy/alerting-policy';
import type { AlertHolder } from '../staff/staff-directory';
import type { AlertCustomer, AlertSignal, RiskCause, SlaRuleId } from './alert-events';
import type {
  AlertLevel,
  AlertOutcome,
  AlertSeverity,
  NotificationChannel,
  NotificationPurpose,
  OutcomeReason,
  ServiceItem,
} from './alert-vocabulary';

/** One notification as the alert stream tells it. */
export interface NotificationState {
  readonly notificationId: string;
  readonly recipientId: string;
  readonly purpose: NotificationPurpose;
  readonly severity: AlertSeverity;
  readonly channels: readonly NotificationChannel[];
  readonly requestedAt: string;
  readonly attempts: number;
  /** The channel that delivered it, or null. */
  readonly deliveredBy: NotificationChannel | null;
  readonly deliveredAt: string | null;
  readonly undeliverable: boolean;
  readonly failures: readonly { readonly channel: NotificationChannel; readonly failure: string }[];
}

export interface Resolution {
  readonly outcome: AlertOutcome;
  readonly reason: OutcomeReason;
  readonly reasonText: string | null;
  readonly by: string;
  readonly at: string;
}

/** A raised alert, open or resolved. */
export interface RaisedAlert {
  readonly status: 'open' | 'resolved';
  readonly alertId: string;
  readonly customer: AlertCustomer;
  readonly severity: AlertSeverity;
  readonly signals: readonly AlertSignal[];
  /** Every risk event merged into the alert, the first one first. */
  readonly causes: readonly RiskCause[];
  readonly level: AlertLevel;
  readonly holder: AlertHolder;
  readonly holderNote: string | null;
  readonly informed: readonly string[];
  readonly suggestedActions: readonly ServiceItem[];
  readonly escalation: FrozenEscalation;
  readonly raisedAt: string;
  /** When the current level (and its clocks) started: the raise, escalation, reassignment or reopening. */
  readonly levelSince: string;
  /** Acknowledged / contacted at the current level (reset when the level or holder changes). */
  readonly acknowledgedAt: string | null;
  readonly contactedAt: string | null;
  /** The first acknowledgement and contact ever (for time-to-acknowledge metrics). */
  readonly firstAcknowledgedAt: string | null;
  readonly firstContactedAt: string | null;
  readonly contacts: number;
  readonly snoozedUntil: string | null;
  /** The risk engine has cleared the risk: clocks stop, the case waits for its outcome. */
  readonly riskEased: boolean;
  /** SLA rules that have fired (escalated or breached): each fires at most once. */
  readonly firedRules: readonly SlaRuleId[];
  readonly breaches: readonly SlaRuleId[];
  readonly escalations: number;
  readonly resolution: Resolution | null;
  readonly reopenings: number;
  readonly notifications: readonly NotificationState[];
}

/** `none`: nothing raised on this stream yet (or only suppressed raises). */
export type AlertState = { readonly status: 'none'; readonly suppressed: number } | RaisedAlert;
