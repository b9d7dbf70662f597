import fc from 'fast-check';
import { DEFAULT_ALERTING_POLICY } from '../policy/default-alerting-policy';
import type { CalendarPolicy } from '../policy/alerting-policy';
import { addBusinessMinutes, businessMinutesBetween, isBusinessDay } from './business-calendar';

const calendar = DEFAULT_ALERTING_POLICY.calendar;
const dayOf = (date: string): number => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

describe('the branch calendar (09:00–17:00 Beijing time, 2026 holidays and make-up days)', () => {
  it.each([
    ['works on a Tuesday', '2026-12-01', true],
    ['rests on a Saturday', '2026-12-05', false],
    ['rests on National Day, a Thursday', '2026-10-01', false],
    ['works on Saturday 2026-02-14, in lieu of the Spring Festival (调休)', '2026-02-14', true],
    ['works again on the Thursday after National Day week', '2026-10-08', true],
  ])('%s', (_what, date, worked) => expect(isBusinessDay(dayOf(date), calendar)).toBe(worked));
});

describe('adding business minutes', () => {
  it.each([
    [
      '4 hours from 09:00 on a Tuesday end at 13:00',
      '2026-12-01T01:00:00Z',
      240,
      '2026-12-01T05:00:00.000Z',
    ],
    [
      'a whole day from 09:00 ends at 17:00 that day',
      '2026-12-01T01:00:00Z',
      480,
      '2026-12-01T09:00:00.000Z',
    ],
    [
      '2 hours from 16:00 run over the night to 10:00',
      '2026-12-01T08:00:00Z',
      120,
      '2026-12-02T02:00:00.000Z',
    ],
    [
      '2 hours from Friday 16:00 end on Monday at 10:00',
      '2026-12-04T08:00:00Z',
      120,
      '2026-12-07T02:00:00.000Z',
    ],
    [
      'a clock started on Saturday starts on Monday at 09:00',
      '2026-12-05T04:00:00Z',
      60,
      '2026-12-07T02:00:00.000Z',
    ],
    [
      'a clock started at 07:00 starts at 09:00',
      '2026-11-30T23:00:00Z',
      30,
      '2026-12-01T01:30:00.000Z',
    ],
    [
      '2 hours from 16:00 before National Day end on 8 October',
      '2026-09-30T08:00:00Z',
      120,
      '2026-10-08T02:00:00.000Z',
    ],
    [
      '2 hours from Friday 16:00 end on the make-up Saturday',
      '2026-02-13T08:00:00Z',
      120,
      '2026-02-14T02:00:00.000Z',
    ],
    [
      '2 hours from the make-up Saturday skip the Spring Festival',
      '2026-02-14T08:00:00Z',
      120,
      '2026-02-24T02:00:00.000Z',
    ],
    [
      'an offset in the input is honoured',
      '2026-12-01T09:00:00+08:00',
      60,
      '2026-12-01T02:00:00.000Z',
    ],
    ['seconds are kept', '2026-12-01T01:00:30Z', 1, '2026-12-01T01:01:30.000Z'],
  ])('%s', (_what, start, minutes, expected) =>
    expect(addBusinessMinutes(start, minutes, calendar)).toBe(expected),
  );

  it('returns the start itself for zero minutes, even out of hours', () =>
    expect(addBusinessMinutes('2026-12-05T12:00:00+08:00', 0, calendar)).toBe(
      '2026-12-05T04:00:00.000Z',
    ));

  it('counts in the calendar’s own zone, not the process’s', () => {
    const utc: CalendarPolicy = { ...calendar, utcOffsetMinutes: 0 };
    expect(addBusinessMinutes('2026-12-01T01:00:00Z', 60, utc)).toBe('2026-12-01T10:00:00.000Z');
  });

  it('refuses negative minutes', () =>
    expect(() => addBusinessMinutes('2026-12-01T01:00:00Z', -1, calendar)).toThrow(RangeError));

  it('refuses a start that is not an instant', () =>
    expect(() => addBusinessMinutes('Tuesday', 1, calendar)).toThrow('not an ISO-8601 instant'));

  it('gives up on a calendar without working hours instead of looping', () => {
    const never: CalendarPolicy = { ...calendar, workdayStartMinute: 600, workdayEndMinute: 600 };
    expect(() => addBusinessMinutes('2026-12-01T01:00:00Z', 1, never)).toThrow('no working time');
  });
});

describe('business minutes between two instants', () => {
  it.each([
    ['a working morning', '2026-12-01T01:00:00Z', '2026-12-01T04:00:00Z', 180],
    ['Friday 16:00 to Monday 10:00', '2026-12-04T08:00:00Z', '2026-12-07T02:00:00Z', 120],
    ['a weekend', '2026-12-05T00:00:00Z', '2026-12-06T15:59:00Z', 0],
    ['a whole week', '2026-11-30T00:00:00+08:00', '2026-12-07T00:00:00+08:00', 2_400],
    [
      'National Day week (two working days, 8 and 9 October, in 28 Sept – 9 Oct)',
      '2026-10-03T00:00:00+08:00',
      '2026-10-10T00:00:00+08:00',
      960,
    ],
    ['an end before the start', '2026-12-02T02:00:00Z', '2026-12-01T02:00:00Z', 0],
  ])('%s: %d', (_what, from, to, minutes) =>
    expect(businessMinutesBetween(from, to, calendar)).toBe(minutes),
  );
});

describe('business time, for any start in 2026–2027 and any durations', () => {
  const start = fc
    .integer({ min: Date.parse('2026-01-01T00:00:00Z'), max: Date.parse('2027-12-01T00:00:00Z') })
    .map((ms) => new Date(ms).toISOString());
  const minutes = fc.integer({ min: 0, max: 6_000 });

  it('adds up: add(add(t, a), b) = add(t, a + b)', () =>
    fc.assert(
      fc.property(start, minutes, minutes, (t, a, b) =>
        expect(addBusinessMinutes(addBusinessMinutes(t, a, calendar), b, calendar)).toBe(
          addBusinessMinutes(t, a + b, calendar),
        ),
      ),
    ));

  it('measures back what it added: between(t, add(t, m)) = m', () =>
    fc.assert(
      fc.property(start, minutes, (t, m) =>
        expect(businessMinutesBetween(t, addBusinessMinutes(t, m, calendar), calendar)).toBe(m),
      ),
    ));

  it('never ends before it starts, and more minutes never end earlier', () =>
    fc.assert(
      fc.property(start, minutes, minutes, (t, a, b) => {
        const [low, high] = a <= b ? [a, b] : [b, a];
        const early = Date.parse(addBusinessMinutes(t, low, calendar));
        expect(early).toBeGreaterThanOrEqual(Date.parse(t));
        expect(Date.parse(addBusinessMinutes(t, high, calendar))).toBeGreaterThanOrEqual(early);
      }),
    ));
});
