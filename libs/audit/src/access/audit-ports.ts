import type { Clock } from '@churn/alerting';

/**
 * Wall-clock time of the audit API: when an access is recorded, and whose delegate is absent
 * now (alert scope). The alerting engine's CLOCK where the process has one, else real time.
 * Business time never comes from here: every as-of answer is computed from the events.
 */
export const AUDIT_CLOCK = Symbol('AUDIT_CLOCK');
export type AuditClock = Clock;

/** The risk policy versions the audit API knows (`RiskPolicyRegistry`). */
export const RISK_POLICIES = Symbol('RISK_POLICIES');
