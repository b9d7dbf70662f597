import { createHash } from 'node:crypto';
import { BANK_FACT_TYPES, isBankFact, type BankFact } from '@churn/domain-facts';
import { CHURN_JOURNEYS, LOOK_ALIKES } from '../journeys/journey-plan';
import { simulateBranch } from './simulate-branch';

const digest = (facts: Iterable<BankFact>): { hash: string; count: number } => {
  const hash = createHash('sha256');
  let count = 0;
  for (const fact of facts) {
    hash.update(JSON.stringify(fact));
    count += 1;
  }
  return { hash: hash.digest('hex'), count };
};

describe('a simulated branch of 1,000 customers over two years', () => {
  const options = { seed: 7, customers: 1_000, years: 2 };
  const simulation = simulateBranch(options);
  const facts = [...simulation.facts];

  it('is the same, fact for fact, for the same seed, and another for another seed', () => {
    const first = digest(facts);
    expect(digest(simulateBranch(options).facts)).toEqual(first);
    expect(digest(simulateBranch({ ...options, seed: 8 }).facts).hash).not.toBe(first.hash);
  });

  it('runs whole months up to the thesis snapshot, 31 May 2023, by default', () => {
    expect(simulation.startDate).toBe('2021-06-01');
    expect(simulation.snapshotDate).toBe('2023-05-31');
  });

  it('writes catalogue facts of every type, in time order', () => {
    expect(facts.every(isBankFact)).toBe(true);
    expect(new Set(facts.map((f) => f.type))).toEqual(new Set(BANK_FACT_TYPES));
    const times = facts.map((f) => Date.parse(f.data.occurredAt));
    expect(
      times.every((t, i) => Number.isFinite(t) && (i === 0 || t >= (times[i - 1] as number))),
    ).toBe(true);
  });

  it('gives every fact the natural id its event id derives from, never twice', () => {
    const ids = new Map<string, Set<string>>();
    const seen = (kind: string, id: string): boolean => {
      const set = ids.get(kind) ?? new Set<string>();
      ids.set(kind, set);
      return set.size === set.add(id).size;
    };
    const repeats = facts.filter((f) => {
      const d = f.data as Record<string, unknown>;
      switch (f.type) {
        case 'TransactionPosted':
          return seen('txn', String(d['transactionId']));
        case 'PayrollCredited':
          return seen('credit', `${String(d['batchId'])}|${f.data.customerId}`);
        case 'ProductPurchased':
        case 'ProductMatured':
        case 'ProductRedeemed':
          return seen(f.type, String(d['holdingId']));
        case 'ContactLogged':
          return seen('contact', String(d['contactId']));
        case 'ComplaintFiled':
          return seen('complaint', String(d['complaintId']));
        case 'SurveyAnswered':
          return seen('survey', `${String(d['surveyId'])}|${f.data.customerId}`);
        default:
          return false;
      }
    });
    expect(repeats).toEqual([]);
  });

  it('moves money in whole fen, never overdrawing an account', () => {
    const amounts = facts.flatMap((f) => ('amountMinor' in f.data ? [f.data.amountMinor] : []));
    expect(amounts.every((a) => Number.isSafeInteger(a) && a > 0)).toBe(true);
  });

  it('labels every churn journey and both look-alikes, with dates inside the run', () => {
    expect(new Set(simulation.labels.map((l) => l.journey))).toEqual(new Set(CHURN_JOURNEYS));
    expect(new Set(simulation.lookAlikes.map((l) => l.kind))).toEqual(new Set(LOOK_ALIKES));
    for (const label of simulation.labels) {
      expect(label.startedOn <= label.lostOn).toBe(true);
      expect(label.lostOn > simulation.startDate && label.lostOn <= simulation.snapshotDate).toBe(
        true,
      );
    }
  });

  it('has every snapshot place filled: the quotas add up to the customers', () =>
    expect(Object.values(simulation.snapshotQuotas).reduce((a, b) => a + b, 0)).toBe(1_000));
});

describe('a branch of a handful of customers', () => {
  it('still simulates, with no journeys', () => {
    const small = simulateBranch({ seed: 1, customers: 5, years: 0.25, startDate: '2023-01-01' });
    expect(small.snapshotDate).toBe('2023-03-31');
    expect([...small.facts].filter((f) => f.type === 'CustomerOnboarded')).toHaveLength(5);
    expect(small.labels).toEqual([]);
  });
});
