import { envText, envInteger } from '@churn/config';
import { eventStoreSettingsFromEnv, type EventStoreSettings } from '@churn/event-store';
import {
  catchUpSettingsFromEnv,
  DEFAULT_RISK_POLICY_FILE,
  type CatchUpSettings,
} from '@churn/risk';

/** The risk engine service's settings, read once from the environment (README "Configuration"). */
export interface RiskEngineServiceSettings {
  readonly host: string;
  readonly port: number;
  readonly store: EventStoreSettings;
  /** The versioned risk policy (YAML or JSON), checked at start-up. */
  readonly riskPolicyFile: string;
  /** The re-fold at start-up on helper threads (embedded store only). */
  readonly catchUp: CatchUpSettings;
}

export const readSettings = (env: NodeJS.ProcessEnv): RiskEngineServiceSettings => ({
  host: envText(env, 'HOST', '0.0.0.0'),
  port: envInteger(env, 'PORT', 3002, { min: 0, max: 65_535 }),
  store: eventStoreSettingsFromEnv(env, `${envText(env, 'DATA_DIR', 'data')}/events.db`),
  riskPolicyFile: envText(env, 'RISK_POLICY_FILE', DEFAULT_RISK_POLICY_FILE),
  catchUp: catchUpSettingsFromEnv(env),
});
