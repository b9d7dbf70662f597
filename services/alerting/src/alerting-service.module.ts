import { alertingFeature, demoClock, systemClock } from '@churn/alerting';
import { EventStoreModule } from '@churn/event-store';
import { ObservabilityModule } from '@churn/observability';
import { Module, type DynamicModule } from '@nestjs/common';
import type { AlertingServiceSettings } from './settings';

/**
 * Alerting on its own: risk events of the configured store in, alert streams, escalations and
 * notifications out, the RM API with its OpenAPI document, `/metrics` and `/health`. SLA time
 * runs on the configured clock (real time unless ALERTING_CLOCK_SPEED says otherwise); tokens
 * always keep real time.
 */
@Module({})
export class AlertingServiceModule {
  static with(settings: AlertingServiceSettings): DynamicModule {
    return {
      module: AlertingServiceModule,
      imports: [
        ObservabilityModule,
        EventStoreModule.forRoot(settings.store),
        ...alertingFeature({
          settings: settings.alerting,
          auth: settings.auth,
          clock: demoClock(settings.clock.speed, Date.now, settings.clock.anchorMs ?? Date.now()),
          tokenClock: systemClock,
        }),
      ],
    };
  }
}
