import { tierOf } from '@churn/domain-customer';
import type { BankFact, FactOf } from '@churn/domain-facts';
import { bankDay, dayOfBankDate } from '@churn/domain-kernel';
import { simulateBranch } from '../branch/simulate-branch';
import { aumCloses, aumOn, factsByCustomer } from '../testing/customer-folds';
import { CHURN_JOURNEYS, type ChurnJourney, type ChurnLabel } from './journey-plan';

const simulation = simulateBranch({ seed: 3, customers: 3_000, years: 3 });
const byCustomer = factsByCustomer(simulation.facts);
const factsOf = (label: ChurnLabel): BankFact[] => byCustomer.get(label.customerId) ?? [];
const labelsOf = (journey: ChurnJourney) => simulation.labels.filter((l) => l.journey === journey);
const day = (fact: BankFact) => bankDay(fact.data.occurredAt);
const outToOtherBanks = (facts: readonly BankFact[]) =>
  facts.filter(
    (f): f is FactOf<'TransactionPosted'> =>
      f.type === 'TransactionPosted' && f.data.otherBank && f.data.direction === 'debit',
  );

describe('every injected churn journey, folded by the customer fold', () => {
  it.each(CHURN_JOURNEYS.map((j) => [j, labelsOf(j).length]))(
    '%s occurs (%d customers)',
    (_j, count) => expect(count).toBeGreaterThan(0),
  );

  it('loses the customer on lostOn: the first day their AUM closes at or below 20% of its level before, for good', () => {
    const wrong = simulation.labels.filter((label) => {
      const closes = aumCloses(factsOf(label));
      const [started, lost] = [dayOfBankDate(label.startedOn), dayOfBankDate(label.lostOn)];
      const limit = label.levelBeforeMinor / 5;
      const firstLow = closes.days.find(
        (d, i) => d >= started && (closes.closes[i] as number) <= limit,
      );
      const after = closes.closes.filter((_, i) => (closes.days[i] as number) >= lost);
      return firstLow !== lost || after.some((aum) => aum > limit);
    });
    expect(wrong).toEqual([]);
  });

  it('starts each mid/high-end journey in the tier the label names', () => {
    const wrong = simulation.labels.filter((label) => {
      if (label.tierBefore === 'ordinary') return false;
      const eve = aumOn(aumCloses(factsOf(label)), dayOfBankDate(label.startedOn) - 1);
      return tierOf(eve) !== label.tierBefore;
    });
    expect(wrong).toEqual([]);
  });

  it('concentrates journeys where recall matters: fortune and private-banking customers are lost', () => {
    const tiers = new Set(simulation.labels.map((l) => l.tierBefore));
    expect(tiers).toEqual(new Set(['ordinary', 'wealth-management', 'fortune', 'private-banking']));
  });
});

describe('a customer whose salary is redirected to another bank', () => {
  it('receives no salary from the first missed pay day on, while colleagues still do', () => {
    for (const label of labelsOf('salary-redirected')) {
      const credits = factsOf(label).filter((f) => f.type === 'PayrollCredited');
      expect(credits.length).toBeGreaterThan(0);
      expect(credits.every((f) => day(f) < dayOfBankDate(label.lostOn))).toBe(true);
      expect(label.employerId).not.toBeNull();
    }
  });
});

describe('a gradual drain to a competitor', () => {
  it('moves money to the same bank month after month before the exit, taking 80% or more in all', () => {
    for (const label of labelsOf('gradual-drain')) {
      const facts = factsOf(label);
      const drains = outToOtherBanks(facts).filter(
        (f) => day(f) >= dayOfBankDate(label.startedOn) && day(f) <= dayOfBankDate(label.lostOn),
      );
      const exitBank = drains[drains.length - 1]?.data.counterpartyBank;
      expect(
        drains.filter((f) => f.data.counterpartyBank === exitBank).length,
      ).toBeGreaterThanOrEqual(2);
      const closes = aumCloses(facts);
      expect(aumOn(closes, dayOfBankDate(label.lostOn))).toBeLessThanOrEqual(
        label.levelBeforeMinor * 0.2,
      );
      expect(aumOn(closes, dayOfBankDate(label.lostOn) - 1)).toBeLessThan(
        label.levelBeforeMinor * 0.85,
      );
    }
  });
});

describe('a product that matures and leaves', () => {
  it('matures without rolling over, and most of the proceeds go to another bank within days', () => {
    for (const label of labelsOf('maturity-exit')) {
      const facts = factsOf(label);
      const matured = facts.filter(
        (f): f is FactOf<'ProductMatured'> =>
          f.type === 'ProductMatured' && day(f) <= dayOfBankDate(label.lostOn),
      );
      const last = matured[matured.length - 1];
      expect(last).toBeDefined();
      if (last === undefined) continue;
      expect(dayOfBankDate(label.lostOn) - day(last)).toBeLessThanOrEqual(5);
      expect(
        facts.some(
          (f) => f.type === 'ProductRolledOver' && f.data.holdingId === last.data.holdingId,
        ),
      ).toBe(false);
      const out = outToOtherBanks(facts).filter(
        (f) => day(f) >= day(last) && day(f) <= day(last) + 7,
      );
      expect(out.reduce((sum, f) => sum + f.data.amountMinor, 0)).toBeGreaterThanOrEqual(
        last.data.proceedsMinor * 0.8,
      );
    }
  });
});

describe('a large rate-chasing transfer', () => {
  it("follows a rates enquiry and takes most of the customer's assets in one transfer", () => {
    for (const label of labelsOf('rate-chasing-transfer')) {
      const facts = factsOf(label);
      const lost = dayOfBankDate(label.lostOn);
      const biggest = Math.max(
        ...outToOtherBanks(facts)
          .filter((f) => day(f) === lost)
          .map((f) => f.data.amountMinor),
      );
      expect(biggest).toBeGreaterThanOrEqual(label.levelBeforeMinor * 0.7);
      expect(
        facts.some(
          (f) =>
            f.type === 'ContactLogged' && f.data.initiatedBy === 'customer' && day(f) < lost + 1,
        ),
      ).toBe(true);
    }
  });
});

describe('a dissatisfied customer', () => {
  it('complains and answers as a detractor before leaving', () => {
    for (const label of labelsOf('dissatisfied-exit')) {
      const during = factsOf(label).filter(
        (f) => day(f) >= dayOfBankDate(label.startedOn) && day(f) <= dayOfBankDate(label.lostOn),
      );
      expect(during.some((f) => f.type === 'ComplaintFiled')).toBe(true);
      expect(during.some((f) => f.type === 'SurveyAnswered' && f.data.score <= 6)).toBe(true);
    }
  });
});

describe('an employer that moves its whole payroll', () => {
  it('stops paying every employee here from the same salary month on', () => {
    const move = simulation.payrollMove;
    expect(move).not.toBeNull();
    const labels = labelsOf('employer-moved-payroll');
    expect(labels).toHaveLength(move?.headcount ?? -1);
    const lastPeriods = new Set(
      labels.map((label) => {
        const credits = factsOf(label).filter(
          (f): f is FactOf<'PayrollCredited'> => f.type === 'PayrollCredited',
        );
        expect(
          credits.every(
            (f) =>
              f.data.payPeriod < (move?.firstMissedPeriod ?? '') &&
              f.data.employerId === move?.employerId,
          ),
        ).toBe(true);
        return credits[credits.length - 1]?.data.payPeriod;
      }),
    );
    expect([...lastPeriods]).toHaveLength(1);
  });
});
