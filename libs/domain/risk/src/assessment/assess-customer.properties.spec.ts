import fc from 'fast-check';
import type { ComplaintSeverity } from '@churn/domain-facts';
import { DEFAULT_RISK_POLICY as policy } from '../policy/risk-policy';
import { bandOf } from '../score/score';
import { CustomerStory, day } from '../testing/customer-story';
import { dateText } from '../signals/explain';
import { assessCustomer } from './assess-customer';

type Act =
  | { readonly kind: 'salary'; readonly employer: string; readonly yuan: number }
  | { readonly kind: 'deposit' | 'out'; readonly yuan: number }
  | { readonly kind: 'buy' | 'mature'; readonly holding: string; readonly yuan: number }
  | { readonly kind: 'complaint'; readonly severity: ComplaintSeverity }
  | { readonly kind: 'survey'; readonly score: number }
  | { readonly kind: 'act' };

const act: fc.Arbitrary<Act> = fc.oneof(
  fc.record({
    kind: fc.constant('salary' as const),
    employer: fc.constantFrom('E-A', 'E-B'),
    yuan: fc.integer({ min: 1, max: 80_000 }),
  }),
  fc.record({
    kind: fc.constantFrom('deposit' as const, 'out' as const),
    yuan: fc.integer({ min: 1, max: 9_000_000 }),
  }),
  fc.record({
    kind: fc.constantFrom('buy' as const, 'mature' as const),
    holding: fc.constantFrom('h1', 'h2'),
    yuan: fc.integer({ min: 1, max: 2_000_000 }),
  }),
  fc.record({
    kind: fc.constant('complaint' as const),
    severity: fc.constantFrom('low' as const, 'medium' as const, 'high' as const),
  }),
  fc.record({ kind: fc.constant('survey' as const), score: fc.integer({ min: 0, max: 10 }) }),
  fc.record({ kind: fc.constant('act' as const) }),
);

const START = day('2023-01-01');

/** A customer's two years: acts on random days (in order), then an assessment on a random day after. */
const history = fc.record({
  acts: fc.array(fc.tuple(fc.integer({ min: 0, max: 730 }), act), { maxLength: 120 }),
  asOfAfter: fc.integer({ min: 0, max: 200 }),
});

const told = (acts: readonly (readonly [number, Act])[]): CustomerStory => {
  const story = new CustomerStory().onboard('2023-01-01');
  for (const [offset, a] of [...acts].sort((x, y) => x[0] - y[0])) {
    const date = dateText(START + offset);
    if (a.kind === 'salary') story.salary(date, a.yuan, a.employer);
    else if (a.kind === 'deposit') story.deposit(date, a.yuan);
    else if (a.kind === 'out') story.toOtherBank(date, a.yuan);
    else if (a.kind === 'buy') story.buy(date, a.holding, a.yuan, dateText(START + offset + 90));
    else if (a.kind === 'mature') story.mature(date, a.holding, a.yuan);
    else if (a.kind === 'complaint') story.complain(date, a.severity);
    else if (a.kind === 'survey') story.answerSurvey(date, a.score);
    else story.act(date);
  }
  return story;
};

const isInteger = (n: number): boolean => Number.isSafeInteger(n);

describe('assessing any customer history', () => {
  it('gives deep-equal assessments for the same inputs, and leaves the states untouched', () =>
    fc.assert(
      fc.property(history, ({ acts, asOfAfter }) => {
        const { customer, evidence } = told(acts).fold();
        const asOf = (customer.lastDay ?? START) + asOfAfter;
        const evidenceBefore = JSON.stringify(evidence);
        const first = assessCustomer(customer, evidence, asOf, policy);
        expect(assessCustomer(customer, evidence, asOf, policy)).toEqual(first);
        expect(
          assessCustomer(told(acts).fold().customer, told(acts).fold().evidence, asOf, policy),
        ).toEqual(first);
        expect(JSON.stringify(evidence)).toBe(evidenceBefore);
      }),
      { numRuns: 150 },
    ));

  it('scores an integer 0..100 in its band, from integer strengths, measures and thresholds', () =>
    fc.assert(
      fc.property(history, ({ acts, asOfAfter }) => {
        const { customer, evidence } = told(acts).fold();
        const a = assessCustomer(
          customer,
          evidence,
          (customer.lastDay ?? START) + asOfAfter,
          policy,
        );
        expect(isInteger(a.score) && a.score >= 0 && a.score <= 100).toBe(true);
        expect(a.band).toBe(bandOf(a.score, policy.bands));
        for (const s of a.signals) {
          expect(
            isInteger(s.strengthBasisPoints) &&
              s.strengthBasisPoints > 0 &&
              s.strengthBasisPoints <= 10_000,
          ).toBe(true);
          expect(s.measures.every((m) => isInteger(m.value) && isInteger(m.threshold))).toBe(true);
          expect(s.explanation.length).toBeGreaterThan(0);
        }
      }),
      { numRuns: 150 },
    ));
});
