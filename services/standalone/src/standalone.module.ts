import { AuditModule } from '@churn/audit';
import { EventStoreModule } from '@churn/event-store';
import { ObservabilityModule } from '@churn/observability';
import { Module, type DynamicModule } from '@nestjs/common';
import type { StandaloneSettings } from './settings';

/**
 * Every feature module in one process on the embedded store (ARCHITECTURE.md, standalone).
 * Wired so far: the event store, the branch read models. Kafka ingestion runs as its own service
 * (services/ingestion); here facts come from files (`npm run ingest`) and the demo feed.
 */
@Module({})
export class StandaloneModule {
  static with(settings: StandaloneSettings): DynamicModule {
    return {
      module: StandaloneModule,
      imports: [ObservabilityModule, EventStoreModule.forRoot({ kind: 'embedded', path: settings.storePath }), AuditModule],
    };
  }
}
