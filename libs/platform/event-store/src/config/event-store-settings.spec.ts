import { eventStoreSettingsFromEnv } from './event-store-settings';

describe('the embedded store settings', () => {
  it('read ahead only when EVENT_STORE_READ_AHEAD is on', () => {
    expect(eventStoreSettingsFromEnv({}, 'data/events.db')).toEqual({
      kind: 'embedded',
      path: 'data/events.db',
    });
    expect(eventStoreSettingsFromEnv({ EVENT_STORE_READ_AHEAD: 'off' }, 'x.db')).not.toHaveProperty(
      'readAhead',
    );
    expect(eventStoreSettingsFromEnv({ EVENT_STORE_READ_AHEAD: 'on' }, 'x.db')).toEqual({
      kind: 'embedded',
      path: 'x.db',
      readAhead: true,
    });
  });

  it('refuse a value other than on or off', () =>
    expect(() => eventStoreSettingsFromEnv({ EVENT_STORE_READ_AHEAD: 'yes' }, 'x.db')).toThrow(
      /EVENT_STORE_READ_AHEAD must be on or off/,
    ));
});
