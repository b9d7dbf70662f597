// The ingestion service's composition (services/ingestion/src/ingestion-service.module.ts: the
// observability module, the embedded event store, IngestionModule) in the test's own process,
// for the tests that need neither kill -9 nor a second process: it starts in well under a second.
import 'reflect-metadata';
import { EventStoreModule } from '@churn/event-store';
import {
  IngestionModule,
  defaultIngestionSettings,
  type IngestionSettings,
} from '@churn/ingestion';
import { ObservabilityModule } from '@churn/observability';
import { Module, type DynamicModule, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';

@Module({})
class InProcessIngestionModule {
  static with(storePath: string, settings: IngestionSettings): DynamicModule {
    return {
      module: InProcessIngestionModule,
      imports: [
        ObservabilityModule,
        EventStoreModule.forRoot({ kind: 'embedded', path: storePath }),
        IngestionModule.forRoot(settings),
      ],
    };
  }
}

export interface InProcessIngestionOptions {
  readonly brokers: readonly string[];
  readonly storePath: string;
  readonly groupId: string;
}

/** Resolves once the consumer runs (IngestionRunner's bootstrap); close() is the SIGTERM path. */
export async function startInProcessIngestion(
  options: InProcessIngestionOptions,
): Promise<INestApplicationContext> {
  const settings: IngestionSettings = {
    ...defaultIngestionSettings(options.brokers),
    groupId: options.groupId,
    ensureTopics: false,
    // The service's defaults (services/ingestion/src/settings.ts).
    stallTimeoutMs: 15_000,
    partitionsConsumedConcurrently: 2,
  };
  return NestFactory.createApplicationContext(
    InProcessIngestionModule.with(options.storePath, settings),
    {
      logger: ['error', 'warn'],
    },
  );
}
