import { Module, type DynamicModule } from '@nestjs/common';
import { INGESTION_CLOCK, INGESTION_SETTINGS, IngestionRunner } from './ingestion-runner';
import type { IngestionSettings } from './ingestion.settings';

/**
 * Kafka → validate → idempotent append → commit. Needs `EventStoreModule` and
 * `ObservabilityModule` in the same process (both global).
 */
@Module({})
export class IngestionModule {
  static forRoot(settings: IngestionSettings, clock: () => Date = () => new Date()): DynamicModule {
    return {
      module: IngestionModule,
      providers: [
        { provide: INGESTION_SETTINGS, useValue: settings },
        { provide: INGESTION_CLOCK, useValue: clock },
        IngestionRunner,
      ],
    };
  }
}
