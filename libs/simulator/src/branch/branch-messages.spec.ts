import { decodeMessage, messageEnvelope, type FactMessage } from '@churn/ingestion';
import type { BankFact } from '@churn/domain-facts';
import { branchMessages } from './branch-messages';
import { simulateBranch } from './simulate-branch';

const NOW = new Date('2030-01-01T00:00:00Z');

const decoded = (messages: Iterable<FactMessage>) =>
  [...messages].flatMap((message) => {
    const result = decodeMessage(messageEnvelope(message), { now: NOW });
    if (result.kind !== 'facts')
      throw new Error(`${result.reason}: ${result.detail} in ${JSON.stringify(message)}`);
    return result.appends.map(({ event }) => ({ type: event.type, data: event.data }));
  });

const plain = (facts: Iterable<BankFact>) => [...facts].map(({ type, data }) => ({ type, data }));

describe('the inbound messages of a simulated branch', () => {
  const simulation = simulateBranch({
    seed: 9,
    customers: 250,
    years: 2 / 12,
    startDate: '2023-03-01',
  });

  it('are accepted by ingestion and book exactly the simulated facts, in order', () => {
    expect(decoded(branchMessages(simulation))).toEqual(plain(simulation.facts));
  });

  it('carry salary as one batch per employer run when asked, booking the same facts', () => {
    const messages = [...branchMessages(simulation, { payrollForm: 'batch' })];
    const batches = messages.filter((m) => m.value['kind'] === 'batch');
    expect(batches.length).toBeGreaterThan(0);
    expect(batches.every((m) => m.key === m.value['employerId'])).toBe(true);
    expect(messages.some((m) => m.value['kind'] === 'credit')).toBe(false);
    const byId = (a: unknown, b: unknown) => JSON.stringify(a).localeCompare(JSON.stringify(b));
    expect(decoded(messages).sort(byId)).toEqual(plain(simulation.facts).sort(byId));
  });
});
