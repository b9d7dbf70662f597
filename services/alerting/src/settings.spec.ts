import { readSettings } from './settings';

const SECRET = { ALERTING_JWT_SECRET: 'a-test-secret-that-is-at-least-32-bytes-long' };

describe('the alerting service read from its environment', () => {
  it('defaults to the embedded store, port 3003, the shipped policy and staff files, inbox only', () => {
    const settings = readSettings(SECRET);
    expect(settings.store).toEqual({ kind: 'embedded', path: 'data/events.db' });
    expect(settings.port).toBe(3003);
    expect(settings.alerting).toMatchObject({
      policyFile: 'deploy/policy/alerting-policy.yaml',
      directoryFile: 'deploy/directory/branch-staff.yaml',
      smtp: null,
      webhook: null,
      kafka: null,
    });
    expect(settings.clock).toEqual({ speed: 1, anchorMs: null });
  });

  it('runs the SLA clock faster from a shared anchor when told to', () => {
    const settings = readSettings({
      ...SECRET,
      ALERTING_CLOCK_SPEED: '20000',
      ALERTING_CLOCK_ANCHOR: '2026-11-23T06:00:00.000Z',
    });
    expect(settings.clock).toEqual({
      speed: 20_000,
      anchorMs: Date.parse('2026-11-23T06:00:00.000Z'),
    });
  });

  it('refuses to start without a token key, naming the settings', () => {
    expect(() => readSettings({})).toThrow(/ALERTING_JWT_SECRET/);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be an integer from 0 to 65535, got "eighty"'],
    [
      { EVENTSTORE_URL: 'http://x' },
      'EVENTSTORE_URL must be an esdb:// connection string, got "http://x"',
    ],
    [{ ALERTING_SMTP_HOST: 'mail', ALERTING_SMTP_PORT: '0' }, /ALERTING_SMTP_PORT/],
    [
      { ALERTING_CLOCK_SPEED: '0' },
      'ALERTING_CLOCK_SPEED must be an integer from 1 to 100000, got "0"',
    ],
    [
      { ALERTING_CLOCK_ANCHOR: 'yesterday' },
      'ALERTING_CLOCK_ANCHOR must be an ISO-8601 instant with its offset, got "yesterday"',
    ],
    [{ ALERTING_CLOCK_ANCHOR: '2026-11-23' }, /ALERTING_CLOCK_ANCHOR/],
  ])('refuses %p naming the setting', (env, message) => {
    expect(() => readSettings({ ...SECRET, ...env })).toThrow(message);
  });
});
