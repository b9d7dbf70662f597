import { SettingError, envFlag, envInteger, envText } from '@churn/config';
import { parseBrokers } from '@churn/messaging';
import { DEFAULT_ALERTING_POLICY_FILE, DEFAULT_STAFF_DIRECTORY_FILE } from './load-alerting-config';

/** The e-mail channel's relay; absent when ALERTING_SMTP_HOST is unset (channel off). */
export interface SmtpSettings {
  readonly host: string;
  readonly port: number;
  readonly secure: boolean;
  readonly auth: { readonly user: string; readonly pass: string } | null;
  readonly from: string;
}

export interface WebhookSettings {
  readonly secret: string;
  readonly timeoutMs: number;
  readonly maxAttempts: number;
}

export interface KafkaChannelSettings {
  readonly brokers: readonly string[];
  /** The Kafka notification channel's topic. */
  readonly topic: string;
  /** The downstream alert feed's topic: every lifecycle event, for CRMs. */
  readonly feedTopic: string;
}

/** Every setting of the alerting engine (README "Settings"), read once at start. */
export interface AlertingSettings {
  readonly policyFile: string;
  readonly directoryFile: string;
  readonly smtp: SmtpSettings | null;
  readonly webhook: WebhookSettings | null;
  readonly kafka: KafkaChannelSettings | null;
  readonly timerIntervalMs: number;
  readonly dispatchIntervalMs: number;
}

const PORT = { min: 1, max: 65_535 };

const smtpFromEnv = (env: NodeJS.ProcessEnv): SmtpSettings | null => {
  const host = envText(env, 'ALERTING_SMTP_HOST', '');
  if (host === '') return null;
  const user = envText(env, 'ALERTING_SMTP_USER', '');
  const pass = envText(env, 'ALERTING_SMTP_PASSWORD', '');
  if ((user === '') !== (pass === ''))
    throw new SettingError(
      'ALERTING_SMTP_USER and ALERTING_SMTP_PASSWORD go together: set both or neither',
    );
  const secure = envFlag(env, 'ALERTING_SMTP_SECURE', false);
  return {
    host,
    port: envInteger(env, 'ALERTING_SMTP_PORT', secure ? 465 : 25, PORT),
    secure,
    auth: user === '' ? null : { user, pass },
    from: envText(env, 'ALERTING_SMTP_FROM', '"Churn early warning" <churn-alerts@bank.example>'),
  };
};

const webhookFromEnv = (env: NodeJS.ProcessEnv): WebhookSettings | null => {
  const secret = envText(env, 'ALERTING_WEBHOOK_SECRET', '');
  if (secret === '') return null;
  return {
    secret,
    timeoutMs: envInteger(env, 'ALERTING_WEBHOOK_TIMEOUT_MS', 5_000, { min: 100, max: 60_000 }),
    maxAttempts: envInteger(env, 'ALERTING_WEBHOOK_ATTEMPTS', 3, { min: 1, max: 10 }),
  };
};

const kafkaFromEnv = (env: NodeJS.ProcessEnv): KafkaChannelSettings | null => {
  const brokers = envText(env, 'KAFKA_BROKERS', '');
  if (brokers === '') return null;
  const topic = envText(env, 'ALERTING_KAFKA_TOPIC', 'retention.alerts.v1');
  return {
    brokers: parseBrokers(brokers),
    topic,
    feedTopic: envText(env, 'ALERTING_FEED_TOPIC', topic),
  };
};

/** Reads the settings; a wrong value throws `SettingError` naming the variable. */
export const alertingSettingsFromEnv = (env: NodeJS.ProcessEnv): AlertingSettings => ({
  policyFile: envText(env, 'ALERTING_POLICY_FILE', DEFAULT_ALERTING_POLICY_FILE),
  directoryFile: envText(env, 'ALERTING_DIRECTORY_FILE', DEFAULT_STAFF_DIRECTORY_FILE),
  smtp: smtpFromEnv(env),
  webhook: webhookFromEnv(env),
  kafka: kafkaFromEnv(env),
  timerIntervalMs: envInteger(env, 'ALERTING_TIMER_INTERVAL_MS', 1_000, { min: 50, max: 600_000 }),
  dispatchIntervalMs: envInteger(env, 'ALERTING_DISPATCH_INTERVAL_MS', 1_000, {
    min: 50,
    max: 600_000,
  }),
});
