import { CustomerStory, monthDate } from './customer-story';

/** AUM set to each level (yuan) on its date: money in at the counter, out to another bank. */
export const levels = (
  steps: readonly (readonly [date: string, yuan: number])[],
): CustomerStory => {
  const story = new CustomerStory().onboard('2023-12-01');
  let level = 0;
  for (const [date, target] of steps) {
    if (target > level) story.deposit(date, target - level);
    if (target < level) story.toOtherBank(date, level - target, `out-${date}`);
    level = target;
  }
  return story;
};

/** Salary of `salaryYuan` on the 10th and all of it out to another bank on the 20th, for a year. */
export const monthlyTide = (baseYuan: number, salaryYuan: number): CustomerStory => {
  const story = new CustomerStory().onboard('2023-12-01');
  story.deposit('2023-12-01', baseYuan);
  for (let m = 0; m < 13; m++) {
    story.salary(monthDate('2024-01', m, 10), salaryYuan);
    story.toOtherBank(monthDate('2024-01', m, 20), salaryYuan);
  }
  return story;
};
