import { EventStoreModule } from '@churn/event-store';
import { ObservabilityModule } from '@churn/observability';
import { loadRiskPolicy, RiskModule } from '@churn/risk';
import { Module, type DynamicModule } from '@nestjs/common';
import type { RiskEngineServiceSettings } from './settings';

/**
 * The risk engine on its own: a catch-up subscription over the customer streams of the
 * configured store, `GET /customers/:id/risk`, `/metrics` and `/health`. A bad policy file stops
 * start-up with a message naming the file and the key.
 */
@Module({})
export class RiskEngineServiceModule {
  static with(settings: RiskEngineServiceSettings): DynamicModule {
    return {
      module: RiskEngineServiceModule,
      imports: [
        ObservabilityModule,
        EventStoreModule.forRoot(settings.store),
        RiskModule.forRoot({
          ...loadRiskPolicy(settings.riskPolicyFile),
          serveCustomerRisk: true,
          loop: settings.catchUp,
        }),
      ],
    };
  }
}
