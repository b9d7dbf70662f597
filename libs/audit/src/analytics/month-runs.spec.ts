import { addMonth, overlaps, type MonthRuns } from './month-runs';

const runsOf = (months: readonly number[]): { runs: MonthRuns; added: boolean[] } => {
  const runs: MonthRuns = [];
  return { runs, added: months.map((m) => addMonth(runs, m)) };
};

describe('the months an employee was paid in, kept as runs', () => {
  it.each([
    ['every month in order', [1, 2, 3, 4], [1, 4]],
    ['a gap', [1, 2, 5, 6], [1, 2, 5, 6]],
    ['a late credit for an earlier month', [1, 2, 5, 3], [1, 3, 5, 5]],
    ['the month that closes a gap', [1, 2, 4, 5, 3], [1, 5]],
    ['a month before every run', [5, 6, 1], [1, 1, 5, 6]],
    ['the month just before the first run', [5, 6, 4], [4, 6]],
    ['a month paid twice', [1, 2, 2, 1], [1, 2]],
  ])('%s', (_situation, months, expected) => expect(runsOf(months).runs).toEqual(expected));

  it('tells a new month from one already there (the month headcount counts each employee once)', () =>
    expect(runsOf([1, 2, 2, 5, 1, 3]).added).toEqual([true, true, false, true, false, true]));

  it.each([
    [0, 0, false],
    [0, 1, true],
    [3, 4, false],
    [4, 9, true],
    [7, 9, false],
  ])('months %d..%d overlap runs 1–2 and 5–6: %s', (from, to, expected) =>
    expect(overlaps([1, 2, 5, 6], from, to)).toBe(expected),
  );
});
