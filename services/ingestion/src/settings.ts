import { envFlag, envInteger, envText } from '@churn/config';
import { eventStoreSettingsFromEnv, type EventStoreSettings } from '@churn/event-store';
import { defaultIngestionSettings, type IngestionSettings } from '@churn/ingestion';
import { parseBrokers } from '@churn/messaging';

/** The ingestion service's settings, read once from the environment (README "Configuration"). */
export interface IngestionServiceSettings {
  readonly host: string;
  readonly port: number;
  readonly store: EventStoreSettings;
  readonly ingestion: IngestionSettings;
}

export const readSettings = (env: NodeJS.ProcessEnv): IngestionServiceSettings => {
  const defaults = defaultIngestionSettings(parseBrokers(env['KAFKA_BROKERS']));
  return {
    host: envText(env, 'HOST', '0.0.0.0'),
    port: envInteger(env, 'PORT', 3001, { min: 0, max: 65_535 }),
    store: eventStoreSettingsFromEnv(env, `${envText(env, 'DATA_DIR', 'data')}/events.db`),
    ingestion: {
      ...defaults,
      groupId: envText(env, 'INGESTION_GROUP_ID', defaults.groupId),
      ensureTopics: envFlag(env, 'INGESTION_ENSURE_TOPICS', true),
      stallTimeoutMs: envInteger(env, 'INGESTION_STALL_TIMEOUT_MS', 15_000, {
        min: 1_000,
        max: 600_000,
      }),
      partitionsConsumedConcurrently: envInteger(env, 'INGESTION_PARTITIONS_CONCURRENTLY', 2, {
        min: 1,
        max: 64,
      }),
      decodeOnWorker: envFlag(env, 'INGESTION_DECODE_ON_WORKER', false),
    },
  };
};
