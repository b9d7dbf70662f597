import { AuditModule } from '@churn/audit';
import { EventStoreModule } from '@churn/event-store';
import { ObservabilityModule } from '@churn/observability';
import { loadRiskPolicy, RiskModule } from '@churn/risk';
import { Module, type DynamicModule } from '@nestjs/common';
import type { StandaloneSettings } from './settings';

/**
 * Every feature module in one process on the embedded store (ARCHITECTURE.md, standalone).
 * Wired so far: the event store, the branch read models, the risk engine. Kafka ingestion runs
 * as its own service (services/ingestion); here facts come from files (`npm run ingest`) and
 * the demo feed. The risk policy is read and checked here: a bad policy stops start-up
 * (ARCHITECTURE.md principle 8) with a message naming the file and the key.
 */
@Module({})
export class StandaloneModule {
  static with(settings: StandaloneSettings): DynamicModule {
    return {
      module: StandaloneModule,
      imports: [
        ObservabilityModule,
        EventStoreModule.forRoot({ kind: 'embedded', path: settings.storePath }),
        AuditModule,
        RiskModule.forRoot(loadRiskPolicy(settings.riskPolicyFile)),
      ],
    };
  }
}
