import type {
  AlertExplanation,
  AlertFunnelView,
  BranchTeamSlaView,
  ChurnOutcomesView,
  CustomerStateAsOf,
  CustomerTimeline,
  EmployerRetentionView,
  EventsPage,
  IngestionOps,
  RerunReport,
  StateDiff,
  TierCountsView,
  TierMigrationView,
} from './audit-types';
import { get, type Query } from './client';

/** The audit API (libs/audit): replayed histories, as-of state, explanations, branch views. */
const customer = (customerId: string, rest: string): string =>
  `/audit/customers/${encodeURIComponent(customerId)}/${rest}`;

/** The route answers `aum`; `series` was its first name in the issue: either is read. */
export const customerTimeline = async (
  customerId: string,
  window: Query = {},
): Promise<CustomerTimeline> => {
  const body = await get<Partial<CustomerTimeline> & { aum?: CustomerTimeline['series'] }>(
    customer(customerId, 'timeline'),
    window,
  );
  return { ...body, series: body.aum ?? body.series ?? [], markers: body.markers ?? [] };
};

export const customerStateAt = (customerId: string, at: string) =>
  get<CustomerStateAsOf>(customer(customerId, 'state'), { at });

export const customerEvents = (customerId: string, query: Query) =>
  get<EventsPage>(customer(customerId, 'events'), query);

export const customerDiff = (customerId: string, from: string, to: string) =>
  get<StateDiff>(customer(customerId, 'diff'), { from, to });

export const customerRerun = (customerId: string) =>
  get<RerunReport>(customer(customerId, 'rerun'));

/** The customer after their latest fact: the audit API's state with no `at` (scoped, recorded). */
export const customerNow = (customerId: string) =>
  get<CustomerStateAsOf>(customer(customerId, 'state'));

export const alertExplanation = (alertId: string) =>
  get<AlertExplanation>(`/audit/alerts/${encodeURIComponent(alertId)}/explanation`);

export type MonthRange = Readonly<{ from?: string; to?: string }>;

export const tierCounts = (range: MonthRange) =>
  get<TierCountsView>('/audit/branch/tier-counts', range);
export const tierMigration = (range: MonthRange) =>
  get<TierMigrationView>('/audit/branch/tier-migration', range);
export const employerRetention = (range: MonthRange) =>
  get<EmployerRetentionView>('/audit/branch/employer-retention', range);
export const churnOutcomes = (range: MonthRange) =>
  get<ChurnOutcomesView>('/audit/branch/churn-outcomes', range);
export const alertFunnel = (range: MonthRange) =>
  get<AlertFunnelView>('/audit/branch/alert-funnel', range);
export const branchTeamSla = (range: MonthRange) =>
  get<BranchTeamSlaView>('/audit/branch/team-sla', range);

/** Operations: ingestion throughput, lag and dead letters (libs/audit/src/ops). */
export const ingestion = (query: Query = {}) => get<IngestionOps>('/ops/ingestion', query);
