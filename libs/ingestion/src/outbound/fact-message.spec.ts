import fc from 'fast-check';
import { BANK_FACT_TYPES, type BankFact, type PayrollCredited } from '@churn/domain-facts';
import { generateCustomerHistory } from '@churn/domain-customer/testing';
import { decodeMessage } from '../inbound/decode-message';
import type { Decoded } from '../inbound/inbound-envelope';
import { factMessage } from './fact-message';
import { messageEnvelope } from './message-envelope';
import { payrollBatchMessage } from './payroll-batch-message';

/** After every generated fact's business time, so no fact is refused for clock skew. */
const NOW = new Date('2100-01-01T00:00:00Z');

const factsOf = (decoded: Decoded): Pick<BankFact, 'type' | 'schemaVersion' | 'data'>[] => {
  if (decoded.kind !== 'facts') throw new Error(`rejected: ${JSON.stringify(decoded)}`);
  return decoded.appends.map(({ event }) => ({
    type: event.type,
    schemaVersion: event.metadata.schemaVersion,
    data: event.data,
  })) as Pick<BankFact, 'type' | 'schemaVersion' | 'data'>[];
};

const roundTrip = (fact: BankFact) =>
  factsOf(decodeMessage(messageEnvelope(factMessage(fact)), { now: NOW }));

/** generateCustomerHistory never closes an account; one closing per history covers the catalogue. */
const historyWithClosing = (seed: number, years: number): BankFact[] => {
  const history = generateCustomerHistory({ customerId: `C-${seed}`, seed, years });
  const last = history[history.length - 1];
  if (last === undefined) return history;
  const closing: BankFact = {
    type: 'AccountClosed',
    schemaVersion: 1,
    data: {
      customerId: `C-${seed}`,
      accountId: `C-${seed}-card`,
      occurredAt: last.data.occurredAt,
    },
  };
  return [...history, closing];
};

describe('a generated customer history sent as inbound messages', () => {
  const histories = [1, 2, 3, 42].map((seed) => historyWithClosing(seed, 4));

  it('covers every fact of the catalogue', () => {
    const types = new Set(histories.flat().map((f) => f.type));
    expect([...types].sort()).toEqual([...BANK_FACT_TYPES].sort());
  });

  it('decodes back to exactly the facts it was encoded from', () => {
    for (const history of histories) {
      const decoded = history.flatMap(roundTrip);
      expect(decoded).toEqual(
        history.map(({ type, schemaVersion, data }) => ({ type, schemaVersion, data })),
      );
    }
  });

  it('keys every message by its customer, on the topic CONTRACTS.md names', () => {
    const topics = new Map<string, Set<string>>();
    for (const fact of histories[0] ?? []) {
      const message = factMessage(fact);
      expect(message.key).toBe(fact.data.customerId);
      topics.set(message.topic, (topics.get(message.topic) ?? new Set()).add(fact.type));
    }
    expect([...(topics.get('payroll.disbursements.v1') ?? [])]).toEqual(['PayrollCredited']);
    expect([...(topics.get('corebanking.transactions.v1') ?? [])].sort()).toEqual([
      'AccountClosed',
      'AccountOpened',
      'TransactionPosted',
    ]);
  });

  it('round-trips the history of any seed', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 31 - 1 }), (seed) => {
        const history = historyWithClosing(seed, 1);
        expect(history.flatMap(roundTrip)).toEqual(
          history.map(({ type, schemaVersion, data }) => ({ type, schemaVersion, data })),
        );
      }),
      { numRuns: 12 },
    );
  });
});

describe('a payroll run sent in the batch form', () => {
  const credit = (customerId: string, amountMinor: number): PayrollCredited => ({
    type: 'PayrollCredited',
    schemaVersion: 1,
    data: {
      customerId,
      accountId: `${customerId}-CUR`,
      employerId: 'E-A',
      batchId: 'E-A-2023-04',
      payPeriod: '2023-04',
      amountMinor,
      currency: 'CNY',
      occurredAt: '2023-05-12T01:00:00Z',
    },
  });
  const credits = [credit('C1', 1_560_000), credit('C2', 980_000), credit('C3', 2_210_000)];

  it('is keyed by the employer and books the same facts, with the same ids, as per-employee credits', () => {
    const batch = payrollBatchMessage(credits);
    expect(batch.key).toBe('E-A');
    const fromBatch = decodeMessage(messageEnvelope(batch), { now: NOW });
    expect(factsOf(fromBatch)).toEqual(
      credits.map(({ type, schemaVersion, data }) => ({ type, schemaVersion, data })),
    );
    const singleIds = credits.map((c) => {
      const decoded = decodeMessage(messageEnvelope(factMessage(c)), { now: NOW });
      return decoded.kind === 'facts' ? decoded.appends[0]?.event.id : undefined;
    });
    expect(fromBatch.kind === 'facts' && fromBatch.appends.map((a) => a.event.id)).toEqual(
      singleIds,
    );
  });

  it('refuses credits of different runs, and no credits at all', () => {
    const other = { ...credit('C4', 1), data: { ...credit('C4', 1).data, batchId: 'E-A-2023-05' } };
    expect(() => payrollBatchMessage([...credits, other])).toThrow(RangeError);
    expect(() => payrollBatchMessage([])).toThrow(RangeError);
  });
});
