import fc from 'fast-check';
import { bankDay, bankDate, dayOfBankDate } from '@churn/domain-kernel';
import { bankDayOfInstant, civilOfDay, dayOfCivil } from './occurred-day';

describe('the bank day of an occurredAt instant', () => {
  it.each([
    ['2023-05-31T15:59:59Z', '2023-05-31'],
    ['2023-05-31T16:00:00Z', '2023-06-01'],
    ['2023-05-31T17:00:00Z', '2023-06-01'],
    ['2023-06-01T00:00:00+08:00', '2023-06-01'],
    ['2023-06-01T23:59:59.999+08:00', '2023-06-01'],
    ['2023-06-01T00:30-05:30', '2023-06-01'],
    ['2023-05-31T20:30:00-05:30', '2023-06-01'],
    ['2024-02-29T23:00:00+09:00', '2024-02-29'],
    ['2023-12-31T16:00:00.000Z', '2024-01-01'],
    ['2023-06-01', '2023-06-01'],
  ])('places %s on bank day %s, like the kernel', (instant, date) => {
    expect(bankDayOfInstant(instant)).toBe(dayOfBankDate(date));
    expect(bankDayOfInstant(instant)).toBe(bankDay(instant));
  });

  it.each(['yesterday', '', '2023-13-01T00:00:00Z', '2023-06-01T10:00:00+08:00junk'])(
    'answers undefined for the unreadable instant %j instead of throwing',
    (instant) => expect(bankDayOfInstant(instant)).toBeUndefined(),
  );

  it('agrees with the kernel for any instant written in any whole-minute offset', () => {
    const offsets = fc.constantFrom(
      'Z',
      '+08:00',
      '+00:00',
      '-05:00',
      '+05:30',
      '-03:30',
      '+14:00',
      '-12:00',
    );
    const instants = fc.record({
      ms: fc.integer({ min: Date.UTC(1950, 0, 1), max: Date.UTC(2100, 0, 1) }),
      offset: offsets,
      precision: fc.constantFrom(16, 19, 23),
    });
    fc.assert(
      fc.property(instants, ({ ms, offset, precision }) => {
        const minutes =
          offset === 'Z'
            ? 0
            : (offset[0] === '-' ? -1 : 1) *
              (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4)));
        const local = new Date(ms + minutes * 60_000).toISOString().slice(0, precision);
        const iso = `${local}${offset}`;
        expect(bankDayOfInstant(iso)).toBe(bankDay(iso));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the civil calendar', () => {
  it('round-trips every day between 1900 and 2100 and agrees with the kernel calendar', () => {
    const mismatches: number[] = [];
    for (let day = dayOfBankDate('1900-01-01'); day <= dayOfBankDate('2100-12-31'); day += 1) {
      const { year, month, date } = civilOfDay(day);
      if (dayOfCivil(year, month, date) !== day) mismatches.push(day);
      const written = `${year}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
      if (day % 37 === 0 && bankDate(day) !== written) mismatches.push(day);
    }
    expect(mismatches).toEqual([]);
  });
});
