import { dayOfBankDate, fold, yuan } from '@churn/domain-kernel';
import { aumOn, aumSeries } from './customer-queries';
import { AUM_HISTORY_DAYS } from './aum-history';
import { evolveCustomer } from './evolve-customer';
import { initialCustomer } from './customer-state';
import { at, posted } from './testing';

const day = dayOfBankDate;

describe('the end-of-day AUM history of a customer paid on the 10th who moves money out on the 20th', () => {
  const state = fold(evolveCustomer, initialCustomer(), [
    posted('c1', 'cur', yuan(10_000), at('2023-06-10', '09:00:00')),
    posted('c1', 'cur', yuan(5_000), at('2023-06-10', '15:00:00')),
    posted('c1', 'cur', -yuan(6_000), at('2023-06-20'), { otherBank: true }),
  ]);

  it('keeps the last close of each day and carries it over the quiet days', () => {
    expect(aumOn(state, day('2023-06-10'))).toBe(yuan(15_000));
    expect(aumOn(state, day('2023-06-15'))).toBe(yuan(15_000));
    expect(aumOn(state, day('2023-06-20'))).toBe(yuan(9_000));
    expect(aumOn(state, day('2024-01-01'))).toBe(yuan(9_000));
  });

  it('closes at zero before the first fact', () => expect(aumOn(state, day('2023-06-09'))).toBe(0));

  it('answers a series day by day', () => {
    expect(aumSeries(state, day('2023-06-09'), day('2023-06-11'))).toEqual([
      0,
      yuan(15_000),
      yuan(15_000),
    ]);
    expect(aumSeries(state, day('2023-06-19'), day('2023-06-21'))).toEqual([
      yuan(15_000),
      yuan(9_000),
      yuan(9_000),
    ]);
  });

  it('stores change points only, not one entry per fact or per day', () =>
    expect(state.aumHistory.days).toHaveLength(2));
});

describe('a customer whose AUM changed every day for two years', () => {
  const first = day('2022-01-01');
  const facts = Array.from({ length: 730 }, (_, i) =>
    posted('c1', 'cur', 100, `${bankDateOf(first + i)}T12:00:00+08:00`),
  );
  const state = fold(evolveCustomer, initialCustomer(), facts);
  const last = first + 729;

  it(`keeps the last ${AUM_HISTORY_DAYS} days exactly`, () => {
    expect(aumOn(state, last)).toBe(730 * 100);
    expect(aumOn(state, last - AUM_HISTORY_DAYS + 1)).toBe((730 - AUM_HISTORY_DAYS + 1) * 100);
    expect(state.aumHistory.days.length).toBeLessThanOrEqual(AUM_HISTORY_DAYS + 1);
  });

  it('does not guess about older days', () => {
    expect(aumOn(state, first)).toBeUndefined();
    expect(
      aumSeries(state, last - AUM_HISTORY_DAYS - 1, last - AUM_HISTORY_DAYS + 1)[0],
    ).toBeUndefined();
  });
});

function bankDateOf(d: number): string {
  return new Date(d * 86_400_000).toISOString().slice(0, 10);
}
