// Which escalations were due, computed from the alert streams with the domain's own deadline
// rules (`pendingDeadlines`: the clocks of the current level, from the alert's frozen policy and
// business calendar), against the RetentionAlertEscalated / RetentionAlertSlaBreached events the
// timers appended. Each stream is folded event by event: before each event, any deadline that
// was running and had come due is either fired by that event, still running (and due) after it,
// or was ended by it without firing (an escalation moved the alert up, or a risk event eased it).
import {
  evolveAlert,
  initialAlertState,
  pendingDeadlines,
  type AlertState,
  type Deadline,
  type RetentionAlertEvent,
} from '@churn/domain-alert';
import type { RecordedEvent } from '@churn/event-store';

export interface MissedDeadline {
  readonly alertId: string;
  readonly rule: string;
  readonly dueAt: string;
  /** The event that ended the clock without firing it, when, and when its risk event was recorded. */
  readonly endedBy: string;
  /** SLA time from the deadline to that event. */
  readonly lateMs: number;
}

export interface EscalationAccount {
  readonly alerts: number;
  /** Escalations and breaches the timers appended (trigger `sla`). */
  readonly fired: number;
  readonly escalations: number;
  readonly breaches: number;
  /** An alert's rule fired more than once. */
  readonly firedTwice: readonly string[];
  /** Fired while the rule was not running, or before its due time. */
  readonly firedEarly: readonly string[];
  /** Due by `dueBy` and still running, never fired. */
  readonly dueUnfired: readonly string[];
  /** Running at the end, due after `dueBy` (the last tick may not have reached them yet). */
  readonly dueAtTheEnd: number;
  /** Ended by the alert's own escalation at another rule of the same level (the alert moved up). */
  readonly coveredByEscalation: number;
  /** Ended by a risk event recorded before the deadline came due (alerting handled it late). */
  readonly endedByEarlierRisk: number;
  /** Due, then ended by a later risk event within `graceMs` of SLA time: before the next tick. */
  readonly endedBeforeTick: readonly MissedDeadline[];
  /** The same, more than `graceMs` after it came due: an escalation that never fired. */
  readonly missed: readonly MissedDeadline[];
  /** Escalations due: fired + due and unfired + missed. */
  readonly due: number;
}

type Tally = {
  -readonly [K in keyof EscalationAccount]: EscalationAccount[K] extends readonly (infer T)[]
    ? T[]
    : EscalationAccount[K];
};

interface Context {
  readonly tally: Tally;
  readonly dueBy: number;
  readonly graceMs: number;
  /** SLA instant at which each risk event was recorded. */
  readonly riskRecorded: ReadonlyMap<string, number>;
}

const NO_CLOCK_CHANGE = new Set([
  'AlertNotificationRequested',
  'AlertNotificationAttempted',
  'AlertNotificationUndeliverable',
]);

const ruleOf = (event: RetentionAlertEvent): string | null => {
  if (event.type === 'RetentionAlertSlaBreached') return event.data.rule;
  if (event.type === 'RetentionAlertEscalated' && event.data.trigger.kind === 'sla')
    return event.data.trigger.rule;
  return null;
};

const occurredAt = (e: RecordedEvent): number =>
  Date.parse(String((e.data as { occurredAt?: string }).occurredAt ?? e.metadata.occurredAt));

const pending = (state: AlertState): readonly Deadline[] =>
  state.status === 'none' ? [] : pendingDeadlines(state);

const iso = (ms: number): string => new Date(ms).toISOString();

/** A fired rule: once, and only while running and due. */
const noteFired = (
  ctx: Context,
  alertId: string,
  rule: string,
  due: readonly Deadline[],
  fired: Set<string>,
  at: number,
  breach: boolean,
): void => {
  const { tally } = ctx;
  tally.fired += 1;
  if (breach) tally.breaches += 1;
  else tally.escalations += 1;
  if (fired.has(rule)) tally.firedTwice.push(`${alertId} ${rule}`);
  fired.add(rule);
  if (!due.some((d) => d.rule === rule)) tally.firedEarly.push(`${alertId} ${rule} at ${iso(at)}`);
};

/** A due deadline the event ended without firing it: covered, handled late, or missed. */
const noteEnded = (
  ctx: Context,
  alertId: string,
  d: Deadline,
  e: RecordedEvent,
  at: number,
  byEscalation: boolean,
): void => {
  const { tally } = ctx;
  if (byEscalation) {
    tally.coveredByEscalation += 1;
    return;
  }
  const cause = (e.data as { cause?: { riskEventId?: string } }).cause?.riskEventId;
  const causeAt = cause === undefined ? undefined : ctx.riskRecorded.get(cause);
  if (causeAt !== undefined && causeAt <= Date.parse(d.dueAt)) {
    tally.endedByEarlierRisk += 1;
    return;
  }
  const recorded = causeAt === undefined ? '' : `, its risk event recorded ${iso(causeAt)}`;
  const ended: MissedDeadline = {
    alertId,
    rule: d.rule,
    dueAt: d.dueAt,
    endedBy: `${e.type} at ${iso(at)}${recorded}`,
    lateMs: at - Date.parse(d.dueAt),
  };
  (ended.lateMs <= ctx.graceMs ? tally.endedBeforeTick : tally.missed).push(ended);
};

/** One alert stream, event by event; returns the state it ends in. */
const accountStream = (ctx: Context, alertId: string, recorded: RecordedEvent[]): AlertState => {
  let state = initialAlertState();
  const fired = new Set<string>();
  for (const e of recorded.sort((a, b) => a.revision - b.revision)) {
    const event = { type: e.type, schemaVersion: 1, data: e.data } as RetentionAlertEvent;
    const after = evolveAlert(state, event);
    if (!NO_CLOCK_CHANGE.has(e.type)) {
      const at = occurredAt(e);
      const due = pending(state).filter((d) => Date.parse(d.dueAt) <= at);
      const rule = ruleOf(event);
      if (rule !== null)
        noteFired(ctx, alertId, rule, due, fired, at, e.type === 'RetentionAlertSlaBreached');
      // Still running and still due (perhaps re-timed by a higher severity): it fires later.
      const running = pending(after).filter((x) => Date.parse(x.dueAt) <= at);
      for (const d of due)
        if (d.rule !== rule && !running.some((x) => x.rule === d.rule))
          noteEnded(ctx, alertId, d, e, at, rule !== null);
    }
    state = after;
  }
  return state;
};

/** The deadlines still running at the end: due by `dueBy` and never fired, or due just now. */
const accountEnd = (ctx: Context, alertId: string, state: AlertState): void => {
  for (const d of pending(state)) {
    const dueMs = Date.parse(d.dueAt);
    if (dueMs <= ctx.dueBy) ctx.tally.dueUnfired.push(`${alertId} ${d.rule} ${d.dueAt}`);
    else if (dueMs <= ctx.dueBy + ctx.graceMs) ctx.tally.dueAtTheEnd += 1;
  }
};

/**
 * `dueBy`: the SLA instant up to which every running deadline must have fired (the clock at the
 * check, less the last tick's reach). `graceMs`: SLA time a tick may take to come round.
 * `slaTimeOf`: the SLA instant of a real one (the accelerated clock), to place each risk event's
 * recording on the alerts' timeline: a deadline ended by a risk event recorded before it came due
 * was never due (a live bridge would have handled that risk event first), even when alerting,
 * down at the time, handled it later.
 */
export function accountEscalations(
  events: readonly RecordedEvent[],
  dueBy: Date,
  graceMs: number,
  slaTimeOf: (realMs: number) => number,
): EscalationAccount {
  const riskRecorded = new Map<string, number>();
  const streams = new Map<string, RecordedEvent[]>();
  for (const e of events) {
    if (e.type.startsWith('ChurnRisk')) riskRecorded.set(e.id, slaTimeOf(Date.parse(e.recordedAt)));
    if (e.stream.startsWith('alert-')) streams.set(e.stream, [...(streams.get(e.stream) ?? []), e]);
  }
  const tally: Tally = {
    alerts: 0,
    fired: 0,
    escalations: 0,
    breaches: 0,
    firedTwice: [],
    firedEarly: [],
    dueUnfired: [],
    dueAtTheEnd: 0,
    coveredByEscalation: 0,
    endedByEarlierRisk: 0,
    endedBeforeTick: [],
    missed: [],
    due: 0,
  };
  const ctx: Context = { tally, dueBy: dueBy.getTime(), graceMs, riskRecorded };
  for (const [stream, recorded] of streams) {
    const alertId = stream.slice('alert-'.length);
    const state = accountStream(ctx, alertId, recorded);
    if (state.status !== 'none') tally.alerts += 1;
    accountEnd(ctx, alertId, state);
  }
  tally.due = tally.fired + tally.dueUnfired.length + tally.missed.length;
  return tally;
}

/** The account as report rows. */
export const escalationRows = (a: EscalationAccount): [string, string | number][] => [
  ['alerts', a.alerts],
  ['escalations due', a.due],
  ['fired (escalated + breached at the top)', `${a.fired} (${a.escalations} + ${a.breaches})`],
  ['due and never fired', a.dueUnfired.length],
  ['ended by a risk event recorded before they came due', a.endedByEarlierRisk],
  ['ended by a later risk event before the next tick', a.endedBeforeTick.length],
  ['missed (ended by a later risk event, after a tick)', a.missed.length],
  ['fired twice / fired early', `${a.firedTwice.length} / ${a.firedEarly.length}`],
];

/** An alert's stream as lines (revision, type, SLA instant, recorded at), for a failure message. */
export const alertHistory = (events: readonly RecordedEvent[], alertId: string): string =>
  events
    .filter((e) => e.stream === `alert-${alertId}`)
    .sort((a, b) => a.revision - b.revision)
    .map((e) => `  ${e.revision} ${e.type} at ${iso(occurredAt(e))}, recorded ${e.recordedAt}`)
    .join('\n');
