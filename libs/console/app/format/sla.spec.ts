import { countdownOf, urgencyOf } from './sla';

describe('an SLA countdown in business minutes', () => {
  it.each([
    [150, { overdue: false, hours: 2, minutes: 30 }, 'later'],
    [45, { overdue: false, hours: 0, minutes: 45 }, 'soon'],
    [-61, { overdue: true, hours: 1, minutes: 1 }, 'overdue'],
  ])('%i minutes left reads %j (%s)', (left, countdown, urgency) => {
    expect(countdownOf(left)).toEqual(countdown);
    expect(urgencyOf(left)).toBe(urgency);
  });
});
