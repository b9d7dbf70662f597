import {
  alertingAuthOptionsFromEnv,
  DEFAULT_ALERTING_POLICY_FILE,
  DEFAULT_STAFF_DIRECTORY_FILE,
  type AlertingAuthOptions,
} from '@churn/alerting';
import { envFlag, envInteger, envText } from '@churn/config';
import { operationsSettingsFromEnv, type OperationsSettings } from '@churn/audit';
import { consoleDir } from '@churn/console';
import { eventStoreSettingsFromEnv, type EventStoreSettings } from '@churn/event-store';
import { parseBrokers } from '@churn/messaging';

/** The audit API service's settings, read once from the environment (README "Configuration"). */
export interface AuditApiServiceSettings {
  readonly host: string;
  readonly port: number;
  readonly store: EventStoreSettings;
  /** Staff tokens: the alerting API's settings (ALERTING_JWT_*), so one token serves both. */
  readonly auth: AlertingAuthOptions;
  readonly demoLogins: boolean;
  /** The staff directory roles and scope are read from, and the routing policy beside it. */
  readonly alertingPolicyFile: string;
  readonly directoryFile: string;
  /** Where the versioned risk policy files are: `risk-policy.yaml`, `risk-policy-*.yaml`. */
  readonly riskPolicyDir: string;
  /** Brokers to fetch raw source messages from; null: name their coordinates only. */
  readonly kafkaBrokers: readonly string[] | null;
  /** Customers whose month-end snapshots are kept in memory. */
  readonly snapshotCustomers: number;
  /** The built web console, served at /console when it is there (`CONSOLE_DIR`). */
  readonly consoleDir: string;
  /** Where `/ops/ingestion` finds dead letters (Kafka's DLQ topics, or DATA_DIR's files). */
  readonly operations: OperationsSettings;
  /**
   * Branch analytics and `/ops/ingestion` in this process (`AUDIT_BRANCH_ANALYTICS`, default
   * true). Off, the process serves histories, as-of state, explanations and re-runs alone.
   */
  readonly branchAnalytics: boolean;
}

export const readSettings = (env: NodeJS.ProcessEnv): AuditApiServiceSettings => {
  const demoLogins = envFlag(env, 'AUDIT_DEMO_LOGINS', false);
  const brokers = envText(env, 'KAFKA_BROKERS', '');
  return {
    host: envText(env, 'HOST', '0.0.0.0'),
    port: envInteger(env, 'PORT', 3004, { min: 0, max: 65_535 }),
    store: eventStoreSettingsFromEnv(env, `${envText(env, 'DATA_DIR', 'data')}/events.db`),
    auth: alertingAuthOptionsFromEnv(env, { demo: demoLogins }),
    demoLogins,
    alertingPolicyFile: envText(env, 'ALERTING_POLICY_FILE', DEFAULT_ALERTING_POLICY_FILE),
    directoryFile: envText(env, 'ALERTING_DIRECTORY_FILE', DEFAULT_STAFF_DIRECTORY_FILE),
    riskPolicyDir: envText(env, 'RISK_POLICY_DIR', 'deploy/policy'),
    kafkaBrokers: brokers === '' ? null : parseBrokers(brokers),
    snapshotCustomers: envInteger(env, 'AUDIT_SNAPSHOT_CUSTOMERS', 128, { min: 1, max: 100_000 }),
    consoleDir: consoleDir(env),
    operations: operationsSettingsFromEnv(env),
    branchAnalytics: envFlag(env, 'AUDIT_BRANCH_ANALYTICS', true),
  };
};
