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

/** Thrown for a wrong setting; the message names the variable and what it must be. */
export class SettingError extends Error {}

const integer = (env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max)
    throw new SettingError(`${name} must be an integer from ${min} to ${max}, got "${raw}"`);
  return value;
};

const flag = (env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean => {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (raw !== 'true' && raw !== 'false') throw new SettingError(`${name} must be true or false, got "${raw}"`);
  return raw === 'true';
};

export const readSettings = (env: NodeJS.ProcessEnv): IngestionServiceSettings => {
  const defaults = defaultIngestionSettings(parseBrokers(env['KAFKA_BROKERS']));
  return {
    host: env['HOST'] || '0.0.0.0',
    port: integer(env, 'PORT', 3001, 0, 65_535),
    store: eventStoreSettingsFromEnv(env, `${env['DATA_DIR'] || 'data'}/events.db`),
    ingestion: {
      ...defaults,
      groupId: env['INGESTION_GROUP_ID'] || defaults.groupId,
      ensureTopics: flag(env, 'INGESTION_ENSURE_TOPICS', true),
      stallTimeoutMs: integer(env, 'INGESTION_STALL_TIMEOUT_MS', 15_000, 1_000, 600_000),
      partitionsConsumedConcurrently: integer(env, 'INGESTION_PARTITIONS_CONCURRENTLY', 2, 1, 64),
    },
  };
};
