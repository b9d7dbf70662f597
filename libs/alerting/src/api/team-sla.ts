import { businessMinutesBetween, type RaisedAlert, type SlaRuleId } from '@churn/domain-alert';

/**
 * How a team keeps its promises to customers at risk (issue 5 §5): of the alerts raised in a
 * window, how many were acknowledged and contacted within the RM-level SLA of their tier and
 * severity (the alert's own frozen policy and calendar), how many went up the ladder, which
 * clocks ran out, and how long acknowledging took in business minutes.
 */
export interface TeamSlaReport {
  readonly teamId: string;
  readonly from: string;
  readonly to: string;
  readonly raised: number;
  readonly acknowledged: number;
  readonly acknowledgedWithinSla: number;
  readonly contacted: number;
  readonly contactedWithinSla: number;
  readonly escalated: number;
  /** SLA clocks that ran out, by rule: below the top an escalation, at the top a breach. */
  readonly breachesByRule: Readonly<Partial<Record<SlaRuleId, number>>>;
  /** Nearest-rank percentiles over the alerts acknowledged; null when none was. */
  readonly businessMinutesToAcknowledge: {
    readonly median: number | null;
    readonly p90: number | null;
  };
  /** Open alerts of the team now, whenever raised. */
  readonly openNow: number;
}

/** `alerts`: every alert of the team; the window is `from <= raisedAt < to`. */
export const teamSlaReport = (
  teamId: string,
  alerts: readonly RaisedAlert[],
  window: { readonly from: string; readonly to: string },
): TeamSlaReport => {
  const from = Date.parse(window.from);
  const to = Date.parse(window.to);
  const raised = alerts.filter(
    (a) => from <= Date.parse(a.raisedAt) && Date.parse(a.raisedAt) < to,
  );
  const toAcknowledge = raised.flatMap((a) => minutesTo(a, a.firstAcknowledgedAt));
  const toContact = raised.flatMap((a) => minutesTo(a, a.firstContactedAt));
  const breachesByRule: Partial<Record<SlaRuleId, number>> = {};
  for (const rule of raised.flatMap((a) => a.firedRules))
    breachesByRule[rule] = (breachesByRule[rule] ?? 0) + 1;
  return {
    teamId,
    from: window.from,
    to: window.to,
    raised: raised.length,
    acknowledged: toAcknowledge.length,
    acknowledgedWithinSla: toAcknowledge.filter((m) => m.minutes <= m.sla.acknowledge).length,
    contacted: toContact.length,
    contactedWithinSla: toContact.filter((m) => m.minutes <= m.sla.contact).length,
    escalated: raised.filter((a) => a.escalations > 0).length,
    breachesByRule,
    businessMinutesToAcknowledge: {
      median: nearestRank(
        toAcknowledge.map((m) => m.minutes),
        50,
      ),
      p90: nearestRank(
        toAcknowledge.map((m) => m.minutes),
        90,
      ),
    },
    openNow: alerts.filter((a) => a.status === 'open').length,
  };
};

/** Business minutes from the raise to `at`, with the RM-level SLA the alert was held to. */
const minutesTo = (alert: RaisedAlert, at: string | null) => {
  if (at === null) return [];
  const { sla, calendar } = alert.escalation;
  return [
    {
      minutes: businessMinutesBetween(alert.raisedAt, at, calendar),
      sla: sla[alert.severity].rm,
    },
  ];
};

export const nearestRank = (values: readonly number[], percentile: number): number | null => {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((percentile / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
};
