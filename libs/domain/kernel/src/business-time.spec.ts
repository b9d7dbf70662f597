import { bankDate, bankDay, dayOfBankDate, yuan, isMinorUnits } from './index';

describe('the bank calendar (Asia/Shanghai, UTC+8)', () => {
  it.each([
    ['2023-05-31T15:59:59Z', '2023-05-31'],
    ['2023-05-31T16:00:00Z', '2023-06-01'],
    ['2023-06-01T00:00:00+08:00', '2023-06-01'],
    ['2023-06-01T23:59:59.999+08:00', '2023-06-01'],
  ])('places %s on bank day %s', (instant, date) => {
    expect(bankDate(bankDay(instant))).toBe(date);
    expect(bankDay(instant)).toBe(dayOfBankDate(date));
  });

  it('refuses a timestamp that is not ISO-8601', () => {
    expect(() => bankDay('yesterday')).toThrow('not an ISO-8601 instant');
  });
});

describe('money in minor units', () => {
  it.each([
    [200_000, 20_000_000],
    [6_000_000, 600_000_000],
  ])('%d yuan is %d fen', (units, fen) => expect(yuan(units)).toBe(fen));

  it('rejects fractions and unsafe integers', () => {
    expect(isMinorUnits(10.5)).toBe(false);
    expect(isMinorUnits(2 ** 53)).toBe(false);
    expect(isMinorUnits('100')).toBe(false);
    expect(isMinorUnits(-100)).toBe(true);
  });
});
