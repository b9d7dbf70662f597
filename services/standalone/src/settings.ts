import { join } from 'node:path';
import { envFlag, envInteger, envText } from '@churn/config';
import {
  alertingAuthOptionsFromEnv,
  alertingSettingsFromEnv,
  type AlertingAuthOptions,
  type AlertingSettings,
} from '@churn/alerting';
import { operationsSettingsFromEnv, type OperationsSettings } from '@churn/audit';
import { consoleDir } from '@churn/console';
import {
  catchUpSettingsFromEnv,
  DEFAULT_RISK_POLICY_FILE,
  type CatchUpSettings,
} from '@churn/risk';

/** `npm start`'s settings, from the environment (README "Configuration"). */
export interface StandaloneSettings {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly storePath: string;
  /** Size of the simulated demo branch fed in when the store is empty; 0 feeds nothing. */
  readonly demoCustomers: number;
  readonly demoYears: number;
  readonly demoSeed: number;
  /** The last days of the simulated branch are fed live, `demoDaysPerSecond` bank days a second. */
  readonly demoLiveDays: number;
  /** 0 feeds the whole branch at once. */
  readonly demoDaysPerSecond: number;
  /** The versioned risk policy (YAML or JSON), checked at start-up. */
  readonly riskPolicyFile: string;
  /** The risk engine's re-fold at start-up on helper threads. */
  readonly riskCatchUp: CatchUpSettings;
  /** The alerting engine (policy, staff, channels) and its API's tokens. */
  readonly alerting: AlertingSettings;
  readonly auth: AlertingAuthOptions;
  /** How many times faster than real time the alerting SLA clock runs (demo: 1800, 30 min a second). */
  readonly alertingClockSpeed: number;
  /** Where re-runs find the risk policy versions (`risk-policy*.yaml`). */
  readonly riskPolicyDir: string;
  /** The operations view: dead-letter files in the data directory, Kafka when configured. */
  readonly operations: OperationsSettings;
  /** The built web console (`npm run build:console`), served at /console when present. */
  readonly consoleDir: string;
  /** `POST /auth/demo-login`: a token for any staff member, no password. Demo only. */
  readonly demoLogins: boolean;
}

export const readSettings = (env: NodeJS.ProcessEnv): StandaloneSettings => {
  const dataDir = envText(env, 'DATA_DIR', 'data');
  return {
    host: envText(env, 'HOST', '127.0.0.1'),
    port: envInteger(env, 'PORT', 3000, { min: 0, max: 65_535 }),
    dataDir,
    storePath: join(dataDir, 'events.db'),
    demoCustomers: envInteger(env, 'DEMO_CUSTOMERS', 300, { min: 0, max: 213_500 }),
    demoYears: envInteger(env, 'DEMO_YEARS', 2, { min: 1, max: 10 }),
    demoSeed: envInteger(env, 'DEMO_SEED', 2024, { min: 0, max: 2 ** 31 }),
    demoLiveDays: envInteger(env, 'DEMO_LIVE_DAYS', 90, { min: 0, max: 3_660 }),
    demoDaysPerSecond: envInteger(env, 'DEMO_DAYS_PER_SECOND', 1, { min: 0, max: 1_000 }),
    riskPolicyFile: envText(env, 'RISK_POLICY_FILE', DEFAULT_RISK_POLICY_FILE),
    riskCatchUp: catchUpSettingsFromEnv(env),
    alerting: alertingSettingsFromEnv(env),
    auth: alertingAuthOptionsFromEnv(env, { demo: true }),
    alertingClockSpeed: envInteger(env, 'ALERTING_CLOCK_SPEED', 1800, { min: 1, max: 100_000 }),
    demoLogins: envFlag(env, 'DEMO_LOGINS', true),
    consoleDir: consoleDir(env),
    riskPolicyDir: envText(env, 'RISK_POLICY_DIR', 'deploy/policy'),
    operations: operationsSettingsFromEnv({ ...env, DATA_DIR: dataDir }),
  };
};
