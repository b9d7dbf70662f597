import { dayOfBankDate } from '@churn/domain-kernel';
import { holdoutActivityDays, summariseActivity, summariseCustomers } from './activity-summary';

const day = dayOfBankDate;
const END = day('1997-09-30');

describe('summarising a customer’s activity days for the BG/NBD', () => {
  it.each([
    ['one first activity only', ['1997-01-01'], 'week', { x: 0, tx: 0, T: 272 / 7 }],
    [
      'CDNOW customer 1',
      ['1997-01-01', '1997-01-18', '1997-08-02', '1997-12-12'],
      'week',
      { x: 2, tx: 213 / 7, T: 272 / 7 },
    ],
    [
      'several activities on one day, counted once',
      ['1997-03-01', '1997-03-01', '1997-03-08', '1997-03-08'],
      'week',
      { x: 1, tx: 1, T: 213 / 7 },
    ],
    [
      'days in any order',
      ['1997-09-01', '1997-03-01', '1997-06-01'],
      'day',
      { x: 2, tx: 184, T: 213 },
    ],
    [
      'an activity on the calibration end itself',
      ['1997-09-23', '1997-09-30'],
      'day',
      { x: 1, tx: 7, T: 7 },
    ],
    ['a first activity on the calibration end', ['1997-09-30'], 'week', { x: 0, tx: 0, T: 0 }],
  ] as const)('%s', (_, dates, unit, expected) => {
    const summary = summariseActivity(dates.map(day), END, unit);
    expect(summary?.x).toBe(expected.x);
    expect(summary?.tx).toBeCloseTo(expected.tx, 12);
    expect(summary?.T).toBeCloseTo(expected.T, 12);
  });

  it('has nothing to say about a customer first active after the calibration end', () => {
    expect(summariseActivity([day('1997-10-01')], END, 'week')).toBeUndefined();
    expect(summariseActivity([], END, 'week')).toBeUndefined();
  });

  it('summarises every customer active by the calibration end, and only those', () => {
    const activity = new Map([
      ['early', [day('1997-01-01'), day('1997-02-01')]],
      ['late', [day('1997-12-01')]],
    ]);
    const summaries = summariseCustomers(activity, END, 'day');
    expect([...summaries.keys()]).toEqual(['early']);
    expect(summaries.get('early')).toEqual({ x: 1, tx: 31, T: 272 });
  });

  it('counts distinct holdout activity days after the calibration end, up to the holdout end', () => {
    const dates = [
      '1997-09-30',
      '1997-10-01',
      '1997-10-01',
      '1997-12-12',
      '1998-06-30',
      '1998-07-01',
    ];
    expect(holdoutActivityDays(dates.map(day), END, day('1998-06-30'))).toBe(3);
  });
});
