import { envText, envInteger } from '@churn/config';
import { eventStoreSettingsFromEnv, type EventStoreSettings } from '@churn/event-store';
import {
  alertingAuthOptionsFromEnv,
  alertingSettingsFromEnv,
  type AlertingAuthOptions,
  type AlertingSettings,
} from '@churn/alerting';

/** The alerting service's settings, read once from the environment (README "Configuration"). */
export interface AlertingServiceSettings {
  readonly host: string;
  readonly port: number;
  readonly store: EventStoreSettings;
  readonly alerting: AlertingSettings;
  readonly auth: AlertingAuthOptions;
}

export const readSettings = (env: NodeJS.ProcessEnv): AlertingServiceSettings => ({
  host: envText(env, 'HOST', '0.0.0.0'),
  port: envInteger(env, 'PORT', 3003, { min: 0, max: 65_535 }),
  store: eventStoreSettingsFromEnv(env, `${envText(env, 'DATA_DIR', 'data')}/events.db`),
  alerting: alertingSettingsFromEnv(env),
  auth: alertingAuthOptionsFromEnv(env),
});
