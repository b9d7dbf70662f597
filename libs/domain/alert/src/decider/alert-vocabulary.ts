/**
 * The closed vocabularies of a retention alert (DOMAIN.md §5). Every list is `as const` so that
 * the type, the validation at the edge and the policy file check all read the same words.
 */

/** The escalation ladder, bottom to top (DOMAIN.md §5.2: RM → supervisor → branch head). */
export const ALERT_LEVELS = ['rm', 'supervisor', 'branch-head'] as const;
export type AlertLevel = (typeof ALERT_LEVELS)[number];

/** An alert's severity follows the risk band that raised it. */
export const ALERT_SEVERITIES = ['watch', 'warning', 'critical'] as const;
export type AlertSeverity = (typeof ALERT_SEVERITIES)[number];

export const ALERT_STATUSES = ['open', 'resolved'] as const;
export type AlertStatus = (typeof ALERT_STATUSES)[number];

/** How a case ended (DOMAIN.md §5.3, §5.5: a deliberate exit is an outcome, not a failure). */
export const ALERT_OUTCOMES = ['retained', 'lost', 'exited-deliberately', 'false-alarm'] as const;
export type AlertOutcome = (typeof ALERT_OUTCOMES)[number];

/** Why the customer left or stayed: the catalogue every closed case is analysed by. */
export const OUTCOME_REASONS = [
  'rate',
  'service',
  'product-performance',
  'relocation',
  'payroll-moved-by-employer',
  'deceased',
  'other',
] as const;
export type OutcomeReason = (typeof OUTCOME_REASONS)[number];

/** How a relationship manager reached the customer. */
export const CONTACT_CHANNELS = [
  'phone',
  'visit',
  'branch-meeting',
  'wechat',
  'sms',
  'email',
] as const;
export type ContactChannel = (typeof CONTACT_CHANNELS)[number];

/** Where a notification can go (issue 5 §4). `inbox` is the in-app inbox of the console. */
export const NOTIFICATION_CHANNELS = ['inbox', 'email', 'webhook', 'kafka'] as const;
export type NotificationChannel = (typeof NOTIFICATION_CHANNELS)[number];

/** Why somebody is being told. */
export const NOTIFICATION_PURPOSES = [
  'raised',
  'informed',
  'escalated',
  'reassigned',
  'severity-raised',
  'reopened',
] as const;
export type NotificationPurpose = (typeof NOTIFICATION_PURPOSES)[number];

/** Which SLA clock ran out: acknowledging is not enough, contact and resolution have clocks too. */
export const SLA_KINDS = ['acknowledge', 'contact', 'resolve'] as const;
export type SlaKind = (typeof SLA_KINDS)[number];

/** Service items of thesis Table 5.2, by number (DOMAIN.md §6). */
export const SERVICE_ITEMS = {
  1: 'priority queueing',
  2: 'SMS maturity reminders and greetings',
  3: 'holiday and birthday gifts',
  4: 'home or office visit',
  5: 'branch-head visit',
  6: 'mass-market events',
  7: 'wealth-tier events',
  8: 'fortune-tier events',
  9: 'private-club events',
} as const;
export type ServiceItem = keyof typeof SERVICE_ITEMS;
