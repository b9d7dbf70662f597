// The one place a kafkajs client is configured, so every service talks to Kafka with the
// same timeouts, retries and log level instead of kafkajs defaults picked by accident.
import { Kafka, logLevel } from 'kafkajs';

export type MessagingLogLevel = 'nothing' | 'error' | 'warn' | 'info' | 'debug';

export interface KafkaRetrySettings {
  readonly retries?: number;
  readonly initialRetryTimeMs?: number;
  readonly maxRetryTimeMs?: number;
}

export interface KafkaSettings {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly logLevel?: MessagingLogLevel;
  readonly connectionTimeoutMs?: number;
  readonly requestTimeoutMs?: number;
  readonly retry?: KafkaRetrySettings;
}

export const DEFAULT_BROKERS = '127.0.0.1:9092';

const LOG_LEVELS: Record<MessagingLogLevel, logLevel> = {
  nothing: logLevel.NOTHING,
  error: logLevel.ERROR,
  warn: logLevel.WARN,
  info: logLevel.INFO,
  debug: logLevel.DEBUG,
};

export function createKafka(settings: KafkaSettings): Kafka {
  if (settings.brokers.length === 0)
    throw new Error('createKafka: at least one broker is required');
  const retry = settings.retry ?? {};
  return new Kafka({
    clientId: settings.clientId,
    brokers: [...settings.brokers],
    logLevel: LOG_LEVELS[settings.logLevel ?? 'warn'],
    connectionTimeout: settings.connectionTimeoutMs ?? 3_000,
    requestTimeout: settings.requestTimeoutMs ?? 30_000,
    retry: {
      retries: retry.retries ?? 5,
      initialRetryTime: retry.initialRetryTimeMs ?? 300,
      maxRetryTime: retry.maxRetryTimeMs ?? 30_000,
    },
  });
}

/** "host:port,host:port" (e.g. KAFKA_BROKERS) to a list; blank means the local dev broker. */
export function parseBrokers(value: string | undefined): string[] {
  const brokers = (value ?? '')
    .split(',')
    .map((b) => b.trim())
    .filter((b) => b.length > 0);
  return brokers.length > 0 ? brokers : [DEFAULT_BROKERS];
}
