/** The team SLA computation of the alerting API (libs/alerting/src/api/team-sla.ts), reused, not repeated. */
export { teamSlaReport, type TeamSlaReport } from '@churn/alerting';
