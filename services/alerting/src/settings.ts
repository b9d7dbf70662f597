import { SettingError, envText, envInteger } from '@churn/config';
import { eventStoreSettingsFromEnv, type EventStoreSettings } from '@churn/event-store';
import {
  alertingAuthOptionsFromEnv,
  alertingSettingsFromEnv,
  type AlertingAuthOptions,
  type AlertingSettings,
} from '@churn/alerting';

/**
 * The SLA clock (`demoClock`): `speed` times real time from the real instant `anchorMs` (null:
 * when the process starts). Speed 1 is the real clock. Instances given one anchor share one
 * timeline, so an instance restarted after an outage finds the deadlines that passed meanwhile.
 */
export interface AlertingClockSettings {
  readonly speed: number;
  readonly anchorMs: number | null;
}

/** The alerting service's settings, read once from the environment (README "Configuration"). */
export interface AlertingServiceSettings {
  readonly host: string;
  readonly port: number;
  readonly store: EventStoreSettings;
  readonly alerting: AlertingSettings;
  readonly auth: AlertingAuthOptions;
  readonly clock: AlertingClockSettings;
}

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

const clockFromEnv = (env: NodeJS.ProcessEnv): AlertingClockSettings => {
  const anchor = envText(env, 'ALERTING_CLOCK_ANCHOR', '');
  const anchorMs = anchor === '' ? null : Date.parse(anchor);
  if (anchorMs !== null && (!ISO_INSTANT.test(anchor) || Number.isNaN(anchorMs)))
    throw new SettingError(
      `ALERTING_CLOCK_ANCHOR must be an ISO-8601 instant with its offset, got "${anchor}"`,
    );
  return {
    speed: envInteger(env, 'ALERTING_CLOCK_SPEED', 1, { min: 1, max: 100_000 }),
    anchorMs,
  };
};

export const readSettings = (env: NodeJS.ProcessEnv): AlertingServiceSettings => ({
  host: envText(env, 'HOST', '0.0.0.0'),
  port: envInteger(env, 'PORT', 3003, { min: 0, max: 65_535 }),
  store: eventStoreSettingsFromEnv(env, `${envText(env, 'DATA_DIR', 'data')}/events.db`),
  alerting: alertingSettingsFromEnv(env),
  auth: alertingAuthOptionsFromEnv(env),
  clock: clockFromEnv(env),
});
