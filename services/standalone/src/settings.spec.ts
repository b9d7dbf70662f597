import { readSettings } from './settings';

describe('npm start read from its environment', () => {
  it('defaults to a small demo branch in ./data on port 3000', () => {
    expect(readSettings({})).toMatchObject({
      port: 3000,
      storePath: 'data/events.db',
      demoCustomers: 300,
    });
  });

  it.each([
    [{ PORT: '-1' }, 'PORT must be an integer from 0 to 65535, got "-1"'],
    [{ DEMO_CUSTOMERS: 'many' }, 'DEMO_CUSTOMERS must be an integer from 0 to 213500, got "many"'],
    [{ DEMO_YEARS: '0' }, 'DEMO_YEARS must be an integer from 1 to 10, got "0"'],
  ])('refuses %p naming the setting', (env, message) => {
    expect(() => readSettings(env)).toThrow(message);
  });
});
