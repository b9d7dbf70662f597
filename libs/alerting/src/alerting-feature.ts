import type { DynamicModule } from '@nestjs/common';
import { AlertingApiModule } from './api/alerting-api.module';
import type { AlertingAuthOptions } from './auth/alerting-auth-options';
import { AlertingModule } from './alerting.module';
import type { AlertingSettings } from './config/alerting-settings';
import { channelSenders } from './config/channel-senders';
import { loadAlertingConfig } from './config/load-alerting-config';
import type { Clock } from './ports/alerting-ports';

export interface AlertingFeatureOptions {
  readonly settings: AlertingSettings;
  readonly auth: AlertingAuthOptions;
  /** SLA time; default the system clock. */
  readonly clock?: Clock;
  /** Token time; default the SLA clock. */
  readonly tokenClock?: Clock;
  readonly demoLogins?: boolean;
}

/**
 * Alerting as a service composes it: the engine (store, book, risk bridge, timers, dispatcher)
 * and the REST API over the same engine instance. The policy and staff files are read and
 * checked here, so a bad file stops start-up naming the file and the key.
 */
export const alertingFeature = (
  options: AlertingFeatureOptions,
): [engine: DynamicModule, api: DynamicModule] => {
  const { settings } = options;
  const engine = AlertingModule.forRoot({
    config: loadAlertingConfig(settings.policyFile, settings.directoryFile),
    channels: channelSenders(settings),
    timers: { intervalMs: settings.timerIntervalMs },
    dispatcher: { intervalMs: settings.dispatchIntervalMs },
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const api = AlertingApiModule.forRoot({
    auth: options.auth,
    imports: [engine],
    demoLogins: options.demoLogins === true,
    ...(options.tokenClock ? { tokenClock: options.tokenClock } : {}),
  });
  return [engine, api];
};
