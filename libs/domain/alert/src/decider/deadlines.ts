import { addBusinessMinutes } from '../calendar/business-calendar';
import { ALERT_LEVELS, type AlertLevel, type SlaKind } from './alert-vocabulary';
import type { SlaRuleId } from './alert-events';
import type { AlertState, RaisedAlert } from './alert-state';

/** One SLA clock of an open alert: when it runs out and where the alert goes then (null: top). */
export interface Deadline {
  readonly rule: SlaRuleId;
  readonly dueAt: string;
  readonly escalatesTo: AlertLevel | null;
}

/** The level above, or null at the top of the ladder (DOMAIN.md §5.2: RM → supervisor → head). */
export const levelAbove = (level: AlertLevel): AlertLevel | null =>
  ALERT_LEVELS[ALERT_LEVELS.indexOf(level) + 1] ?? null;

/**
 * When the current level's clocks started: when the level (or holder) did, or when a snooze ends
 * if it ends later (a snooze defers the contact and resolve clocks; it needs an acknowledgement,
 * so the acknowledge clock is not running then).
 */
export const clocksStartAt = (alert: RaisedAlert): string =>
  alert.snoozedUntil !== null && Date.parse(alert.snoozedUntil) > Date.parse(alert.levelSince)
    ? alert.snoozedUntil
    : alert.levelSince;

/** The clocks that run at the current level: acknowledge until acknowledged, contact until contacted. */
const runningKinds = (alert: RaisedAlert): readonly SlaKind[] => [
  ...(alert.acknowledgedAt === null ? (['acknowledge'] as const) : []),
  ...(alert.contactedAt === null ? (['contact'] as const) : []),
  'resolve',
];

/** The clocks still running, earliest first; none when resolved or eased. */
export const pendingDeadlines = (state: AlertState): readonly Deadline[] => {
  if (state.status !== 'open' || state.riskEased) return [];
  const { level, escalation, severity } = state;
  const start = clocksStartAt(state);
  const escalatesTo = levelAbove(level);
  return runningKinds(state)
    .map((kind) => ({ rule: `${level}/${kind}` as const, kind }))
    .filter(({ rule }) => !state.firedRules.includes(rule))
    .map(({ rule, kind }) => ({
      rule,
      dueAt: addBusinessMinutes(start, escalation.sla[severity][level][kind], escalation.calendar),
      escalatesTo,
    }))
    .sort((a, b) => Date.parse(a.dueAt) - Date.parse(b.dueAt));
};

export const nextDeadline = (state: AlertState): Deadline | null =>
  pendingDeadlines(state)[0] ?? null;
