import { envText } from '@churn/config';
import { INBOUND_TOPICS, parseBrokers } from '@churn/messaging';

/** Where `/ops/ingestion` finds what it reports (README "Configuration"). */
export interface OperationsSettings {
  /** Kafka mode: dead letters are read from the `<topic>.dlq` topics. Null: file mode. */
  readonly kafkaBrokers: readonly string[] | null;
  /** File mode: the `*.dlq.ndjson` files `npm run ingest` and the demo feed write here. */
  readonly dataDir: string;
  /** The inbound topics whose dead-letter twins are read; default: the project's three. */
  readonly topics?: readonly string[];
}

/** KAFKA_BROKERS set: Kafka mode; unset: the files in DATA_DIR (default `data`). */
export const operationsSettingsFromEnv = (env: NodeJS.ProcessEnv): OperationsSettings => ({
  kafkaBrokers:
    (env['KAFKA_BROKERS'] ?? '').trim() === '' ? null : parseBrokers(env['KAFKA_BROKERS']),
  dataDir: envText(env, 'DATA_DIR', 'data'),
  topics: INBOUND_TOPICS,
});
