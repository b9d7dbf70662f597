import { teamsOfAlert, type StaffPrincipal } from '@churn/alerting';
import {
  ALERT_OUTCOMES,
  OUTCOME_REASONS,
  type AlertOutcome,
  type OutcomeReason,
  type RaisedAlert,
  type StaffDirectory,
  type Team,
} from '@churn/domain-alert';
import { TIERS } from '@churn/domain-customer';
import type { BranchAnalyticsModel } from './branch-analytics.model';
import { windowMs } from './months';
import { teamSlaReport, type TeamSlaReport } from './team-sla-source';
import { headerOf, TIER_KEYS, type MonthWindow, type TierKey, type ViewHeader } from './tier-views';

/** Outcomes as JSON keys: `exited-deliberately` → `exitedDeliberately`. */
export interface OutcomeCounts {
  retained: number;
  lost: number;
  exitedDeliberately: number;
  falseAlarm: number;
}
const OUTCOME_KEYS: Readonly<Record<AlertOutcome, keyof OutcomeCounts>> = {
  retained: 'retained',
  lost: 'lost',
  'exited-deliberately': 'exitedDeliberately',
  'false-alarm': 'falseAlarm',
};
const noOutcomes = (): OutcomeCounts => ({
  retained: 0,
  lost: 0,
  exitedDeliberately: 0,
  falseAlarm: 0,
});

export interface AlertFunnelView extends ViewHeader, OutcomeCounts {
  /** Alerts raised in the window: the cohort every other figure counts from. */
  readonly raised: number;
  readonly acknowledged: number;
  readonly contacted: number;
  readonly escalated: number;
  readonly resolved: number;
  readonly stillOpen: number;
}

/**
 * The alert funnel (DOMAIN.md §5): of the alerts raised in the window, how many were acknowledged,
 * contacted, and how each ended (its latest resolution) or whether it is still open now.
 */
export const alertFunnelView = (
  model: BranchAnalyticsModel,
  window: MonthWindow,
): AlertFunnelView => {
  const { fromMs, toMs } = windowMs(window.from, window.to);
  const counts = { raised: 0, acknowledged: 0, contacted: 0, escalated: 0, resolved: 0 };
  const outcomes = noOutcomes();
  let stillOpen = 0;
  for (const alert of model.alerts.raised()) {
    const raisedMs = Date.parse(alert.raisedAt);
    if (raisedMs < fromMs || raisedMs >= toMs) continue;
    counts.raised++;
    if (alert.firstAcknowledgedAt !== null) counts.acknowledged++;
    if (alert.firstContactedAt !== null) counts.contacted++;
    if (alert.escalations > 0) counts.escalated++;
    if (alert.status === 'open' || alert.resolution === null) stillOpen++;
    else {
      counts.resolved++;
      outcomes[OUTCOME_KEYS[alert.resolution.outcome]]++;
    }
  }
  return { ...headerOf(model, window), ...counts, ...outcomes, stillOpen };
};

export interface ChurnOutcomesView extends ViewHeader {
  readonly resolved: number;
  readonly totals: OutcomeCounts;
  /** Every outcome × reason of the catalogue, zeros included, in catalogue order. */
  readonly byReason: readonly {
    readonly outcome: AlertOutcome;
    readonly reason: OutcomeReason;
    readonly count: number;
  }[];
  /** By the customer's value tier on the alert (what the bank stood to lose). */
  readonly byTier: readonly ({
    readonly tier: TierKey;
    readonly resolved: number;
  } & OutcomeCounts)[];
}

/** Why customers left or stayed (DOMAIN.md §5.3): every resolution recorded in the window. */
export const churnOutcomesView = (
  model: BranchAnalyticsModel,
  window: MonthWindow,
): ChurnOutcomesView => {
  const { fromMs, toMs } = windowMs(window.from, window.to);
  const resolutions = model.alerts.resolutions(fromMs, toMs);
  const totals = noOutcomes();
  const pairs = new Map<string, number>();
  const tiers = new Map(
    TIERS.map((t) => [t, { tier: TIER_KEYS[t], resolved: 0, ...noOutcomes() }]),
  );
  for (const r of resolutions) {
    totals[OUTCOME_KEYS[r.outcome]]++;
    pairs.set(`${r.outcome}|${r.reason}`, (pairs.get(`${r.outcome}|${r.reason}`) ?? 0) + 1);
    const tier = tiers.get(r.tier);
    if (tier === undefined) continue;
    tier.resolved++;
    tier[OUTCOME_KEYS[r.outcome]]++;
  }
  return {
    ...headerOf(model, window),
    resolved: resolutions.length,
    totals,
    byReason: ALERT_OUTCOMES.flatMap((outcome) =>
      OUTCOME_REASONS.map((reason) => ({
        outcome,
        reason,
        count: pairs.get(`${outcome}|${reason}`) ?? 0,
      })),
    ),
    byTier: [...tiers.values()],
  };
};

export interface TeamSlaView extends ViewHeader {
  /** One row per team the caller may see, as `GET /teams/:teamId/sla` reports a team. */
  readonly teams: readonly TeamSlaReport[];
}

/** The teams whose figures `staff` may see: the same rule as the alerting API's team SLA. */
export const visibleTeams = (directory: StaffDirectory, staff: StaffPrincipal): Team[] =>
  directory.teams.filter(
    (team) =>
      staff.role === 'auditor' ||
      (staff.role === 'supervisor' &&
        (staff.supervisedTeamIds.includes(team.teamId) || staff.teamId === team.teamId)) ||
      (staff.role === 'branch-head' &&
        (staff.headedBranchIds.includes(team.branchId) || staff.branchId === team.branchId)),
  );

/** SLA performance per team over the alerts raised in the window (libs/alerting's report). */
export const teamSlaView = (
  model: BranchAnalyticsModel,
  window: MonthWindow,
  directory: StaffDirectory,
  staff: StaffPrincipal,
): TeamSlaView => {
  const { fromMs, toMs } = windowMs(window.from, window.to);
  const byTeam = new Map<string, RaisedAlert[]>();
  for (const alert of model.alerts.raised())
    for (const teamId of new Set(teamsOfAlert(directory, alert))) {
      const alerts = byTeam.get(teamId);
      if (alerts === undefined) byTeam.set(teamId, [alert]);
      else alerts.push(alert);
    }
  const span = { from: new Date(fromMs).toISOString(), to: new Date(toMs).toISOString() };
  return {
    ...headerOf(model, window),
    teams: visibleTeams(directory, staff).map((team) =>
      teamSlaReport(team.teamId, byTeam.get(team.teamId) ?? [], span),
    ),
  };
};
