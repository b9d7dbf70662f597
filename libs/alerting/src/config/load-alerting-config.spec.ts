import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SettingError } from '@churn/config';
import { alertingSettingsFromEnv } from './alerting-settings';
import { channelSenders } from './channel-senders';
import {
  AlertingConfigFileError,
  DEFAULT_ALERTING_POLICY_FILE,
  DEFAULT_STAFF_DIRECTORY_FILE,
  loadAlertingConfig,
} from './load-alerting-config';

// Jest runs in the library's folder; the deploy files are at the repository root.
const ROOT = join(__dirname, '../../../..');
const policyFile = join(ROOT, DEFAULT_ALERTING_POLICY_FILE);
const directoryFile = join(ROOT, DEFAULT_STAFF_DIRECTORY_FILE);

describe('the alerting policy and staff directory files', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'alerting-config-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('load and pass validation as deployed', () => {
    const { policy, directory } = loadAlertingConfig(policyFile, directoryFile);
    expect(policy.version).toMatch(/\S/);
    expect(directory.staff.length).toBeGreaterThan(0);
  });

  it('stop start-up naming the file and the key when a value is wrong', () => {
    const bad = join(dir, 'policy.yaml');
    const text = readFileSync(policyFile, 'utf8').replace(
      /reopenWithinDays:\s*\d+/,
      'reopenWithinDays: -3',
    );
    writeFileSync(bad, text);
    const error = (() => {
      try {
        loadAlertingConfig(bad, directoryFile);
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(error).toBeInstanceOf(AlertingConfigFileError);
    expect((error as Error).message).toContain(bad);
    expect((error as Error).message).toContain('reopenWithinDays');
  });

  it('name a file that cannot be read or is not YAML', () => {
    expect(() => loadAlertingConfig(join(dir, 'missing.yaml'), directoryFile)).toThrow(
      /alerting policy .*missing\.yaml is not valid:\n {2}- cannot be read/,
    );
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'staff: [unclosed');
    expect(() => loadAlertingConfig(policyFile, broken)).toThrow(
      /staff directory .*broken\.yaml .*\n.*not valid YAML/,
    );
  });
});

describe('the channel settings from the environment', () => {
  it('leave e-mail, webhook and Kafka off when their variables are unset: the inbox only', () => {
    const settings = alertingSettingsFromEnv({});
    expect(settings).toMatchObject({
      smtp: null,
      webhook: null,
      kafka: null,
      timerIntervalMs: 1_000,
    });
    expect(channelSenders(settings).channels).toEqual(['inbox']);
  });

  it('turn a channel on with its variables', () => {
    const settings = alertingSettingsFromEnv({
      ALERTING_SMTP_HOST: 'smtp.bank.example',
      ALERTING_SMTP_PORT: '587',
      ALERTING_WEBHOOK_SECRET: 's3cret',
      KAFKA_BROKERS: 'k1:9092,k2:9092',
    });
    expect(settings.smtp).toMatchObject({
      host: 'smtp.bank.example',
      port: 587,
      secure: false,
      auth: null,
    });
    expect(settings.webhook).toMatchObject({ secret: 's3cret', maxAttempts: 3 });
    expect(settings.kafka).toEqual({
      brokers: ['k1:9092', 'k2:9092'],
      topic: 'retention.alerts.v1',
      feedTopic: 'retention.alerts.v1',
    });
    const senders = channelSenders({ ...settings, kafka: null });
    expect(senders.channels).toEqual(['email', 'webhook', 'inbox']);
    return senders.close();
  });

  it('turn the downstream alert feed on with the Kafka brokers, on its own topic if named', async () => {
    const settings = alertingSettingsFromEnv({
      KAFKA_BROKERS: 'k1:9092',
      ALERTING_FEED_TOPIC: 'crm.retention-alerts.v1',
    });
    expect(settings.kafka).toMatchObject({ topic: 'retention.alerts.v1' });
    const senders = channelSenders(settings);
    expect(senders.channels).toEqual(['kafka', 'inbox']);
    expect(senders.feed?.options).toEqual({ topic: 'crm.retention-alerts.v1' });
    expect(channelSenders(alertingSettingsFromEnv({})).feed).toBeNull();
    await senders.close();
  });

  it('refuse a wrong value naming the variable', () => {
    expect(() =>
      alertingSettingsFromEnv({ ALERTING_SMTP_HOST: 'h', ALERTING_SMTP_PORT: 'x' }),
    ).toThrow(SettingError);
    expect(() =>
      alertingSettingsFromEnv({ ALERTING_SMTP_HOST: 'h', ALERTING_SMTP_USER: 'u' }),
    ).toThrow(/ALERTING_SMTP_PASSWORD/);
  });
});
