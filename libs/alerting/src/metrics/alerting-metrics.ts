import type { Metrics } from '@churn/observability';
import {
  evolveAlert,
  type AlertState,
  type RetentionAlertEvent,
  type SlaRuleId,
} from '@churn/domain-alert';
import type { AlertChangeListener } from '../read-model/alert-book';
import type { AlertAppendObserver } from '../store/alert-repository';
import type { BridgeOutcome } from '../bridge/risk-alert-bridge';
import type { TickReport } from '../timers/escalation-timers';

const MINUTE = 60;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** From a few minutes (an RM at their desk) to two weeks (an alert nobody took up). */
const ACKNOWLEDGE_BUCKETS = [
  5 * MINUTE,
  15 * MINUTE,
  30 * MINUTE,
  HOUR,
  2 * HOUR,
  4 * HOUR,
  8 * HOUR,
  DAY,
  2 * DAY,
  3 * DAY,
  5 * DAY,
  7 * DAY,
  14 * DAY,
];
/** Cases take days to weeks: a customer is called, visited, offered something, decides. */
const RESOLVE_BUCKETS = [
  HOUR,
  4 * HOUR,
  DAY,
  2 * DAY,
  3 * DAY,
  5 * DAY,
  7 * DAY,
  14 * DAY,
  21 * DAY,
  30 * DAY,
  60 * DAY,
  90 * DAY,
];
const TICK_BUCKETS = [0.000_1, 0.000_5, 0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5, 30];

const seconds = (fromIso: string, toIso: string): number =>
  Math.max(0, (Date.parse(toIso) - Date.parse(fromIso)) / 1000);

const ruleLabels = (rule: SlaRuleId): { level: string; kind: string } => {
  const slash = rule.lastIndexOf('/');
  return { level: rule.slice(0, slash), kind: rule.slice(slash + 1) };
};

/**
 * The alerting engine's Prometheus metrics, by the names the deploy rules and dashboards use
 * (issue 5 §6). Counters and histograms count events where they are appended (the repository's
 * observer), so across several instances each escalation or attempt is counted once, by the
 * instance that wrote it. Gauges describe the book, which every instance holds whole: aggregate
 * them across instances with `max`, not `sum`.
 */
export const alertingMetrics = (metrics: Metrics) => {
  const open = metrics.gauge({
    name: 'churn_alerts_open',
    help: 'Open retention alerts, by escalation level and the tier their SLAs follow',
    labelNames: ['level', 'tier'],
  });
  const toAcknowledge = metrics.histogram({
    name: 'churn_alert_time_to_acknowledge_seconds',
    help: 'From the raise to the first acknowledgement, wall-clock seconds',
    labelNames: ['tier'],
    buckets: ACKNOWLEDGE_BUCKETS,
  });
  const toResolve = metrics.histogram({
    name: 'churn_alert_time_to_resolve_seconds',
    help: 'From the raise to a resolution, wall-clock seconds, by outcome',
    labelNames: ['tier', 'outcome'],
    buckets: RESOLVE_BUCKETS,
  });
  const escalations = metrics.counter({
    name: 'churn_alert_escalations_total',
    help: 'Alerts sent up a level, by trigger (sla: a clock ran out; manual: a person)',
    labelNames: ['from_level', 'to_level', 'trigger'],
  });
  const breaches = metrics.counter({
    name: 'churn_alert_sla_breaches_total',
    help: 'SLA clocks that ran out (escalated, or breached at the top of the ladder)',
    labelNames: ['level', 'kind'],
  });
  const backlog = metrics.gauge({
    name: 'churn_alert_escalation_backlog',
    help: 'SLA deadlines overdue and not yet fired, as the last timer tick saw them',
  });
  const attempts = metrics.counter({
    name: 'churn_notification_attempts_total',
    help: 'Notification delivery attempts recorded, by channel and outcome',
    labelNames: ['channel', 'outcome'],
  });
  const failures = metrics.counter({
    name: 'churn_notification_failures_total',
    help: 'Notification delivery attempts that failed, by channel',
    labelNames: ['channel'],
  });
  const undeliverable = metrics.counter({
    name: 'churn_notifications_undeliverable_total',
    help: 'Notifications every channel failed to deliver',
  });
  const lag = metrics.gauge({
    name: 'churn_alerting_risk_bridge_lag_events',
    help: 'Customer-stream events the risk bridge has not handled yet (0 when caught up)',
  });
  const riskEvents = metrics.counter({
    name: 'churn_alerting_risk_events_total',
    help: 'Risk events read by the bridge, by what was done (raise, merge, reopen, ease, ignore, replayed, refused)',
    labelNames: ['outcome'],
  });
  const tick = metrics.histogram({
    name: 'churn_alert_timer_tick_seconds',
    help: 'Duration of one escalation timer tick: finding due deadlines and firing them',
    buckets: TICK_BUCKETS,
  });

  const countAppended = (before: AlertState, event: RetentionAlertEvent): void => {
    const raised = before.status === 'none' ? null : before;
    switch (event.type) {
      case 'RetentionAlertAcknowledged':
        if (raised && raised.firstAcknowledgedAt === null)
          toAcknowledge.observe(
            { tier: raised.escalation.tier },
            seconds(raised.raisedAt, event.data.occurredAt),
          );
        return;
      case 'RetentionAlertResolved':
        if (raised)
          toResolve.observe(
            { tier: raised.escalation.tier, outcome: event.data.outcome },
            seconds(raised.raisedAt, event.data.occurredAt),
          );
        return;
      case 'RetentionAlertEscalated': {
        const { fromLevel, toLevel, trigger } = event.data;
        escalations.inc({ from_level: fromLevel, to_level: toLevel, trigger: trigger.kind });
        if (trigger.kind === 'sla') breaches.inc(ruleLabels(trigger.rule));
        return;
      }
      case 'RetentionAlertSlaBreached':
        return void breaches.inc(ruleLabels(event.data.rule));
      case 'AlertNotificationAttempted':
        attempts.inc({ channel: event.data.channel, outcome: event.data.outcome });
        if (event.data.outcome === 'failed') failures.inc({ channel: event.data.channel });
        return;
      case 'AlertNotificationUndeliverable':
        return void undeliverable.inc();
      default:
        return;
    }
  };

  const appendObserver: AlertAppendObserver = {
    onAppended: (before, events) => {
      let state = before;
      for (const event of events) {
        countAppended(state, event);
        state = evolveAlert(state, event);
      }
    },
  };

  const openLabels = (state: AlertState) =>
    state.status === 'open' ? { level: state.level, tier: state.escalation.tier } : null;

  const bookListener: AlertChangeListener = ({ before, after }) => {
    const was = openLabels(before);
    const is = openLabels(after);
    if (was?.level === is?.level && was?.tier === is?.tier) return;
    if (was) open.dec(was);
    if (is) open.inc(is);
  };

  return {
    appendObserver,
    bookListener,
    onBacklog: (overdue: number) => backlog.set(overdue),
    onTick: (_report: TickReport, duration: number) => tick.observe(duration),
    onBridgeOutcome: (outcome: BridgeOutcome) => riskEvents.inc({ outcome }),
    setLag: (events: number) => lag.set(events),
  };
};

export type AlertingMetrics = ReturnType<typeof alertingMetrics>;
