import type { SignalCode } from '@churn/domain-risk';
import type { NotificationChannel, NotificationPurpose } from '../decider/alert-vocabulary';
import type { NotificationState, RaisedAlert } from '../decider/alert-state';
import { nextDeadline } from '../decider/deadlines';
import type { StaffMember } from '../staff/staff-directory';

/** What a channel sends: a subject line, plain text, and a JSON payload (webhook, Kafka). */
export interface NotificationContent {
  readonly subject: string;
  readonly text: string;
  readonly payload: Readonly<Record<string, unknown>>;
}

/** Each signal in the words an RM would use, with no amount or date of the customer in them. */
export const SIGNAL_WORDS: Readonly<Record<SignalCode, string>> = {
  'payroll-stopped': 'salary no longer arrives',
  'payroll-drain': 'salary moves to another bank soon after payday',
  'aum-decline': 'assets are falling',
  'tier-downgrade': 'assets dropped below the tier',
  'large-outbound-transfer': 'large transfers to other banks',
  'maturity-not-rolled-over': 'a maturing product was not renewed',
  dormancy: 'accounts have gone quiet',
  dissatisfaction: 'complaints or a poor survey answer',
};

const PURPOSE_WORDS: Readonly<Record<NotificationPurpose, string>> = {
  raised: 'New retention alert',
  informed: 'For your information: retention alert',
  escalated: 'Escalated to you: retention alert',
  reassigned: 'Reassigned to you: retention alert',
  'severity-raised': 'Severity raised: retention alert',
  reopened: 'Reopened: retention alert',
};

/**
 * A customer id with only its first two and last two characters shown, and always four stars
 * between (so the mask does not tell the id's length): `C0012345612` → `C0****12`. Ids of four
 * characters or fewer are masked whole.
 */
export const maskCustomerId = (customerId: string): string =>
  customerId.length <= 4 ? '****' : `${customerId.slice(0, 2)}****${customerId.slice(-2)}`;

/** Where the console shows the alert. */
export const alertLink = (alertId: string): string => `/alerts/${encodeURIComponent(alertId)}`;

/**
 * What a notification says on a channel, personal data cut to what the recipient needs there:
 * - `inbox`: the console, behind login and the bank's access control: the full customer id and the
 *   signals' own explanations (they may quote amounts).
 * - `email` and `webhook` leave the bank's systems (mail servers, a push gateway): the customer id
 *   masked, the value tier instead of any AUM, the reasons in fixed plain words, the next SLA due
 *   time and the link; the recipient opens the console for the rest.
 * - `kafka` (`retention.alerts.v1`, read by the bank's CRMs, which key on the customer): the full
 *   customer id, tiers, severity, signal codes and the due time, but no explanation text, no
 *   amounts and no staff names.
 */
export const notificationContent = (
  alert: RaisedAlert,
  notification: NotificationState,
  recipient: StaffMember | null,
  channel: NotificationChannel,
): NotificationContent => {
  const dueAt = nextDeadline(alert)?.dueAt ?? null;
  if (channel === 'kafka') return kafkaContent(alert, notification, dueAt);
  const full = channel === 'inbox';
  const customer = full ? alert.customer.customerId : maskCustomerId(alert.customer.customerId);
  const { valueTier } = alert.customer;
  const reasons = alert.signals.map((s) => (full ? s.explanation : SIGNAL_WORDS[s.code]));
  const subject = `[${notification.severity}] ${PURPOSE_WORDS[notification.purpose]}: ${valueTier} customer ${customer}`;
  const lines = [
    recipient ? `Dear ${recipient.name},` : 'Hello,',
    `${PURPOSE_WORDS[notification.purpose]} for ${valueTier} customer ${customer} (severity ${notification.severity}).`,
    ...(reasons.length > 0 ? ['Why:', ...reasons.map((r) => `- ${r}`)] : []),
    dueAt ? `Next deadline: ${dueAt}.` : 'No deadline is running.',
    `Open it: ${alertLink(alert.alertId)}`,
  ];
  return {
    subject,
    text: lines.join('\n'),
    payload: staffPayload(alert, notification, customer, reasons, dueAt),
  };
};

const staffPayload = (
  alert: RaisedAlert,
  notification: NotificationState,
  customer: string,
  reasons: readonly string[],
  dueAt: string | null,
): Readonly<Record<string, unknown>> => ({
  alertId: alert.alertId,
  notificationId: notification.notificationId,
  purpose: notification.purpose,
  severity: notification.severity,
  customer,
  valueTier: alert.customer.valueTier,
  level: alert.level,
  reasons,
  dueAt,
  link: alertLink(alert.alertId),
});

const kafkaContent = (
  alert: RaisedAlert,
  notification: NotificationState,
  dueAt: string | null,
): NotificationContent => {
  const { customerId, tier, valueTier, segment } = alert.customer;
  const payload = {
    alertId: alert.alertId,
    notificationId: notification.notificationId,
    purpose: notification.purpose,
    recipientId: notification.recipientId,
    severity: notification.severity,
    customerId,
    tier,
    valueTier,
    segment,
    level: alert.level,
    status: alert.status,
    signalCodes: alert.signals.map((s) => s.code),
    suggestedActions: alert.suggestedActions,
    dueAt,
    policyVersion: alert.escalation.policyVersion,
    link: alertLink(alert.alertId),
  };
  const subject = `${notification.purpose} ${alert.alertId}`;
  return { subject, text: JSON.stringify(payload), payload };
};
