import type { AlertLevel } from './alert-vocabulary';
import type { SlaRuleId } from './alert-events';
import type { AlertState } from './alert-state';

/** One SLA clock of an open alert: when it runs out and where the alert goes then (null: top). */
export interface Deadline {
  readonly rule: SlaRuleId;
  readonly dueAt: string;
  readonly escalatesTo: AlertLevel | null;
}

/** STUB (signature fixed). The clocks still running, earliest first; none when resolved or eased. */
export const pendingDeadlines = (_state: AlertState): readonly Deadline[] => [];

export const nextDeadline = (state: AlertState): Deadline | null => pendingDeadlines(state)[0] ?? null;
