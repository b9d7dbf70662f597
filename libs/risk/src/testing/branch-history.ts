import type { BankFact } from '@churn/domain-facts';
import { instantMs } from '@churn/domain-kernel';
import { generateCustomerHistory } from '@churn/domain-customer/testing';
import { CustomerStory, monthDate } from '@churn/domain-risk/testing';

/**
 * A small branch for tests: `customers` generated salaried customers over `years` from 2014,
 * merged into one feed in business-time order (as the store would hold them), plus the stories.
 */
export const branchFeed = (
  customers: number,
  years: number,
  stories: readonly (readonly BankFact[])[] = [],
): BankFact[] => {
  const histories = Array.from({ length: customers }, (_, i) =>
    generateCustomerHistory({
      customerId: `C${String(i + 1).padStart(3, '0')}`,
      seed: i + 1,
      years,
    }),
  );
  return inBusinessTimeOrder([...histories, ...stories].flat());
};

/** Facts sorted by their instant (offsets respected), keeping the given order for ties. */
export const inBusinessTimeOrder = (facts: readonly BankFact[]): BankFact[] =>
  facts
    .map((fact, order) => ({ fact, order, ms: instantMs(fact.data.occurredAt) }))
    .sort((a, b) => a.ms - b.ms || a.order - b.order)
    .map(({ fact }) => fact);

const facts = (story: CustomerStory): BankFact[] => story.stored.map(([, fact]) => fact);

/**
 * A salaried wealth-management customer: 15,000 yuan from employer E-A on the 10th of every
 * month of 2014 and 2015, 400,000 yuan in savings; the salary stops after December 2015 while
 * nine colleagues are still paid (so the employer's batch is not missing), and in March 2016
 * most of the money goes to China Merchants Bank (DOMAIN.md §4: payroll stops or moves).
 */
export const salaryStopsStory = (customerId = 'story-salary'): BankFact[] => {
  const story = new CustomerStory(customerId).onboard('2013-12-02');
  story.deposit('2013-12-02', 400_000);
  for (let month = 0; month < 24; month++) story.salary(monthDate('2014-01', month, 10), 15_000);
  for (let month = 0; month < 27; month++) story.act(monthDate('2014-01', month, 18));
  story.toOtherBank('2016-03-21', 350_000, undefined, 'CMB');
  const colleagues = Array.from({ length: 9 }, (_, i) => {
    const colleague = new CustomerStory(`${customerId}-colleague-${i + 1}`).onboard('2013-12-02');
    for (let month = 0; month < 36; month++)
      colleague.salary(monthDate('2014-01', month, 10), 12_000);
    return facts(colleague);
  });
  return inBusinessTimeOrder([...facts(story), ...colleagues.flat()]);
};

/**
 * A fortune-tier customer with 1,800,000 yuan who sends 1,500,000 yuan to another bank in one
 * transfer in June 2015 (DOMAIN.md §4: large transfers to other banks, yield-chasing).
 */
export const bigTransferStory = (customerId = 'story-transfer'): BankFact[] => {
  const story = new CustomerStory(customerId).onboard('2014-01-02');
  story.deposit('2014-01-02', 1_800_000);
  for (let month = 0; month < 18; month++) story.act(monthDate('2014-01', month, 5));
  story.toOtherBank('2015-06-08', 1_500_000, undefined, 'Ping An Bank');
  for (let month = 0; month < 6; month++) story.act(monthDate('2015-07', month, 5));
  return facts(story);
};
