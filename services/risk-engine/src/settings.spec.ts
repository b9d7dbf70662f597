import { loadRiskPolicy } from '@churn/risk';
import { readSettings } from './settings';

describe('the risk engine service read from its environment', () => {
  it('defaults to the embedded store in ./data, port 3002 and the shipped policy', () => {
    const settings = readSettings({});
    expect(settings.store).toEqual({ kind: 'embedded', path: 'data/events.db' });
    expect(settings.port).toBe(3002);
    expect(settings.catchUp).toEqual({ catchUpThreads: 2, catchUpThreadsFrom: 200_000 });
    expect(loadRiskPolicy(settings.riskPolicyFile).policy.version).toMatch(/^\d{4}-\d{2}-\d+$/);
  });

  it('catches up on the threads RISK_CATCH_UP_THREADS asks for, from RISK_CATCH_UP_THREADS_FROM', () => {
    expect(
      readSettings({ RISK_CATCH_UP_THREADS: '1', RISK_CATCH_UP_THREADS_FROM: '0' }).catchUp,
    ).toEqual({ catchUpThreads: 1, catchUpThreadsFrom: 0 });
  });

  it('uses EventStoreDB when EVENTSTORE_URL is set', () => {
    expect(readSettings({ EVENTSTORE_URL: 'esdb://localhost:2113?tls=false' }).store).toEqual({
      kind: 'eventstoredb',
      url: 'esdb://localhost:2113?tls=false',
    });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT must be an integer from 0 to 65535, got "eighty"'],
    [
      { RISK_CATCH_UP_THREADS: '0' },
      'RISK_CATCH_UP_THREADS must be an integer from 1 to 16, got "0"',
    ],
    [
      { RISK_CATCH_UP_THREADS_FROM: '-1' },
      'RISK_CATCH_UP_THREADS_FROM must be an integer from 0 to 9007199254740991, got "-1"',
    ],
    [
      { EVENTSTORE_URL: 'http://x' },
      'EVENTSTORE_URL must be an esdb:// connection string, got "http://x"',
    ],
  ])('refuses %p naming the setting', (env, message) => {
    expect(() => readSettings(env)).toThrow(message);
  });

  it('refuses a policy file that does not exist, naming it', () => {
    expect(() => loadRiskPolicy('deploy/policy/no-such-policy.yaml')).toThrow(
      /no-such-policy\.yaml/,
    );
  });
});
