import {
  bankDateOf,
  bankLocalToInstant,
  endOfBankDate,
  formatInstant,
  monthsBefore,
} from './dates';

describe('dates in the bank’s time zone, whatever the browser’s', () => {
  it('shows an instant in Beijing time', () => {
    // 16:30 UTC is 00:30 the next day in Beijing.
    expect(formatInstant('2026-11-23T16:30:00Z', 'en')).toBe('11/24/2026, 00:30');
    expect(formatInstant('2026-11-23T16:30:00Z', 'zh-CN')).toBe('2026/11/24 00:30');
  });

  it('puts an instant on the bank date it falls on in Beijing', () => {
    expect(bankDateOf('2026-11-23T16:30:00Z')).toBe('2026-11-24');
    expect(bankDateOf('2026-11-23T15:59:59Z')).toBe('2026-11-23');
  });

  it('reads "as of a day" as the end of that day in Beijing', () => {
    const end = endOfBankDate('2023-01-31');
    expect(end).toBe('2023-01-31T23:59:59.999+08:00');
    expect(new Date(end).toISOString()).toBe('2023-01-31T15:59:59.999Z');
  });

  it('reads a datetime-local value as bank time', () => {
    expect(new Date(bankLocalToInstant('2026-12-01T09:00')).toISOString()).toBe(
      '2026-12-01T01:00:00.000Z',
    );
  });

  it('counts months back across a year', () => {
    expect(monthsBefore('2023-02-10', 3)).toBe('2022-11');
  });

  it('leaves a missing instant as a dash', () => {
    expect(formatInstant(null, 'en')).toBe('—');
  });
});
