/** An SLA countdown in business time: whole hours and minutes, the sign says overdue. */
export interface Countdown {
  readonly overdue: boolean;
  readonly hours: number;
  readonly minutes: number;
}

export const countdownOf = (businessMinutesLeft: number): Countdown => {
  const total = Math.abs(Math.trunc(businessMinutesLeft));
  return {
    overdue: businessMinutesLeft < 0,
    hours: Math.floor(total / 60),
    minutes: total % 60,
  };
};

/** How urgent a countdown looks: under one business hour is due soon. */
export const urgencyOf = (businessMinutesLeft: number): 'overdue' | 'soon' | 'later' =>
  businessMinutesLeft < 0 ? 'overdue' : businessMinutesLeft < 60 ? 'soon' : 'later';
