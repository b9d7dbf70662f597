import { EventStoreModule } from '@churn/event-store';
import { IngestionModule } from '@churn/ingestion';
import { ObservabilityModule } from '@churn/observability';
import { Module, type DynamicModule } from '@nestjs/common';
import type { IngestionServiceSettings } from './settings';

/** Ingestion on its own: Kafka in, the configured event store out, `/metrics` and `/health`. */
@Module({})
export class IngestionServiceModule {
  static with(settings: IngestionServiceSettings): DynamicModule {
    return {
      module: IngestionServiceModule,
      imports: [
        ObservabilityModule,
        EventStoreModule.forRoot(settings.store),
        IngestionModule.forRoot(settings.ingestion),
      ],
    };
  }
}
