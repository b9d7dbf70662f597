import { readSettings } from './settings';

describe('the ingestion service read from its environment', () => {
  it('defaults to the local broker and the embedded store in ./data', () => {
    const settings = readSettings({});
    expect(settings.ingestion.brokers).toEqual(['127.0.0.1:9092']);
    expect(settings.store).toEqual({ kind: 'embedded', path: 'data/events.db' });
    expect(settings.port).toBe(3001);
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
      { INGESTION_ENSURE_TOPICS: 'yes' },
      'INGESTION_ENSURE_TOPICS must be true or false, got "yes"',
    ],
    [
      { EVENTSTORE_URL: 'http://x' },
      'EVENTSTORE_URL must be an esdb:// connection string, got "http://x"',
    ],
    [
      { INGESTION_STALL_TIMEOUT_MS: '10' },
      'INGESTION_STALL_TIMEOUT_MS must be an integer from 1000 to 600000, got "10"',
    ],
  ])('refuses %p naming the setting', (env, message) => {
    expect(() => readSettings(env)).toThrow(message);
  });
});
