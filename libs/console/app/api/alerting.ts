import type {
  AlertDetail,
  AlertItem,
  DemoLogin,
  Page,
  Staff,
  TeamSlaReport,
} from './alerting-types';
import { get, getAs, post, type Query } from './client';

/** The alerting API (libs/alerting/src/api): inbox, one alert, its commands, escalations, SLA. */
export const demoLogin = (staffId: string): Promise<DemoLogin> =>
  post<DemoLogin>('/auth/demo-login', { staffId });

export const me = (token?: string): Promise<Staff> =>
  token === undefined ? get<Staff>('/auth/me') : getAs<Staff>(token, '/auth/me');

export interface AlertFilter extends Query {
  readonly status?: string;
  readonly severity?: string;
  readonly tier?: string;
  readonly level?: string;
  readonly teamId?: string;
  readonly limit?: number;
  readonly cursor?: string;
}

export const listAlerts = (filter: AlertFilter): Promise<Page<AlertItem>> =>
  get<Page<AlertItem>>('/alerts', filter);

export const listEscalations = (filter: AlertFilter): Promise<Page<AlertItem>> =>
  get<Page<AlertItem>>('/escalations', filter);

export const alertDetail = (alertId: string): Promise<AlertDetail> =>
  get<AlertDetail>(`/alerts/${encodeURIComponent(alertId)}`);

export const teamSla = (teamId: string, window: Query = {}): Promise<TeamSlaReport> =>
  get<TeamSlaReport>(`/teams/${encodeURIComponent(teamId)}/sla`, window);

const act = (alertId: string, command: string, body: unknown = {}): Promise<AlertItem> =>
  post<AlertItem>(`/alerts/${encodeURIComponent(alertId)}/${command}`, body);

export const acknowledge = (alertId: string) => act(alertId, 'acknowledge');

export const logContact = (
  alertId: string,
  body: { channel: string; summary: string; nextStep: string; nextStepDueAt?: string },
) => act(alertId, 'contacts', body);

export const snooze = (alertId: string, body: { until: string; reason: string }) =>
  act(alertId, 'snooze', body);

export const escalate = (alertId: string, body: { reason: string }) =>
  act(alertId, 'escalate', body);

export const reassign = (alertId: string, body: { toStaffId: string; reason: string }) =>
  act(alertId, 'reassign', body);

export const resolve = (
  alertId: string,
  body: { outcome: string; reason: string; reasonText?: string },
) => act(alertId, 'resolve', body);
