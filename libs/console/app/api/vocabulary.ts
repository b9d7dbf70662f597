/**
 * The closed vocabularies the console offers in its forms, as the domain defines them
 * (libs/domain/alert/src/decider/alert-vocabulary.ts, libs/domain/customer). A unit test
 * (vocabulary.spec.ts) checks these copies against the domain's lists, so they cannot drift.
 */
export const TIERS = ['ordinary', 'wealth-management', 'fortune', 'private-banking'] as const;
export const ALERT_SEVERITIES = ['watch', 'warning', 'critical'] as const;
export const ALERT_LEVELS = ['rm', 'supervisor', 'branch-head'] as const;
export const ALERT_OUTCOMES = ['retained', 'lost', 'exited-deliberately', 'false-alarm'] as const;
export const OUTCOME_REASONS = [
  'rate',
  'service',
  'product-performance',
  'relocation',
  'payroll-moved-by-employer',
  'deceased',
  'other',
] as const;
export const CONTACT_CHANNELS = [
  'phone',
  'visit',
  'branch-meeting',
  'wechat',
  'sms',
  'email',
] as const;
export const INBOX_STATUSES = ['open', 'resolved', 'all'] as const;
export const SIGNAL_CODES = [
  'payroll-stopped',
  'payroll-drain',
  'aum-decline',
  'tier-downgrade',
  'large-outbound-transfer',
  'maturity-not-rolled-over',
  'dormancy',
  'dissatisfaction',
] as const;
export const SERVICE_ITEMS = [1, 2, 3, 4, 5, 6, 7, 8, 9] as const;
export const STAFF_ROLES = ['rm', 'supervisor', 'branch-head', 'auditor', 'operator'] as const;
export const MARKER_KINDS = [
  'payroll',
  'maturity',
  'complaint',
  'risk',
  'alert',
  'contact',
  'purchase',
] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

/**
 * The demo branch's staff (deploy/directory/branch-staff.yaml), for the demo login page only:
 * one click signs in as that person. Production has no demo login and never shows this.
 */
export const DEMO_STAFF: Readonly<Record<(typeof STAFF_ROLES)[number], readonly string[]>> = {
  rm: Array.from({ length: 40 }, (_, i) => `RM-${String(i + 1).padStart(3, '0')}`),
  supervisor: ['SUP-W1', 'SUP-W2', 'SUP-W3', 'SUP-W4', 'SUP-R1', 'SUP-R2', 'SUP-R3'],
  'branch-head': ['BH-001'],
  auditor: ['AUD-001'],
  operator: ['OPS-001'],
};
