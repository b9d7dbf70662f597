import { activitySummaryOf } from './activity-model-baseline';

describe('activitySummaryOf: BG/NBD statistics in weeks from the customer fold', () => {
  it('given first activity on day 0, last on day 14 and 5 repeat days, when summarised on day 28, then x 5, t_x 2, T 4', () =>
    expect(activitySummaryOf({ firstDay: 0, lastDay: 14, repeatDays: 5 }, 28)).toEqual({
      x: 5,
      tx: 2,
      T: 4,
    }));

  it('given no activity yet, when summarised, then the model says nothing', () =>
    expect(
      activitySummaryOf({ firstDay: null, lastDay: null, repeatDays: 0 }, 28),
    ).toBeUndefined());

  it('given a first activity after the day asked about, when summarised, then the model says nothing', () =>
    expect(activitySummaryOf({ firstDay: 30, lastDay: 30, repeatDays: 0 }, 28)).toBeUndefined());
});
