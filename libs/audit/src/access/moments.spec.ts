import { isMoment, momentEndMs, momentStartMs } from './moments';

describe('moments in audit queries', () => {
  it.each([
    ['2024-06-03', true],
    ['2024-02-30', false],
    ['2024-06-03T10:00:00+08:00', true],
    ['2024-06-03T02:00:00.123Z', true],
    ['2024-06-03T10:00:00', false],
    ['yesterday', false],
  ])('%s is a moment: %s', (value, expected) => expect(isMoment(value)).toBe(expected));

  it.each([
    ['2024-06-03', '2024-06-02T16:00:00.000Z', '2024-06-03T15:59:59.999Z'],
    ['2024-06-03T10:00:00+08:00', '2024-06-03T02:00:00.000Z', '2024-06-03T02:00:00.000Z'],
  ])('%s covers %s to %s (bank days are UTC+8)', (value, start, end) => {
    expect(new Date(momentStartMs(value)).toISOString()).toBe(start);
    expect(new Date(momentEndMs(value)).toISOString()).toBe(end);
  });
});
