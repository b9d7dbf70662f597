import { envFlag, envInteger, envText } from './env-settings';

describe('settings read from the environment', () => {
  it('fall back to the default when unset or empty', () => {
    expect(envInteger({}, 'PORT', 3000, { min: 0, max: 65_535 })).toBe(3000);
    expect(envInteger({ PORT: '' }, 'PORT', 3000, { min: 0, max: 65_535 })).toBe(3000);
    expect(envFlag({}, 'X', true)).toBe(true);
    expect(envText({}, 'DATA_DIR', 'data')).toBe('data');
  });

  it.each([
    ['1.5', 'PORT must be an integer from 0 to 65535, got "1.5"'],
    ['-1', 'PORT must be an integer from 0 to 65535, got "-1"'],
    ['65536', 'PORT must be an integer from 0 to 65535, got "65536"'],
    ['1e3', 'PORT must be an integer from 0 to 65535, got "1e3"'],
  ])('refuse PORT=%s naming it', (raw, message) => {
    expect(() => envInteger({ PORT: raw }, 'PORT', 3000, { min: 0, max: 65_535 })).toThrow(message);
  });

  it('refuse a flag that is not true or false', () => {
    expect(() => envFlag({ X: 'yes' }, 'X', true)).toThrow('X must be true or false, got "yes"');
    expect(envFlag({ X: 'false' }, 'X', true)).toBe(false);
  });
});
