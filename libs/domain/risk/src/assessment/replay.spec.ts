import { yuan } from '@churn/domain-kernel';
import type { BankFact } from '@churn/domain-facts';
import { at, generateCustomerHistory, posted } from '@churn/domain-customer/testing';
import { DEFAULT_RISK_POLICY as policy } from '../policy/risk-policy';
import type { StoredFact } from '../testing/customer-story';
import { checkpointOf, runEngine, type NamedRiskEvent } from '../testing/replay';

/**
 * Four years of a salaried customer (generated) whose salary stops in mid-2016, who then moves
 * most of the money to another bank: the history the risk engine must replay byte for byte.
 */
const leaving = (): StoredFact[] => {
  const facts: BankFact[] = generateCustomerHistory({ customerId: 'c7', seed: 7, years: 4 }).filter(
    (f) => f.type !== 'PayrollCredited' || f.data.occurredAt < '2016-06',
  );
  const cut = facts.findIndex((f) => f.data.occurredAt >= '2016-09-01');
  facts.splice(
    cut,
    0,
    posted('c7', 'c7-sav', -yuan(150_000), at('2016-09-01', '00:30:00'), {
      otherBank: true,
      counterpartyBank: 'CMB',
    }),
  );
  return facts.map((f, i) => [`c7-event-${i}`, f] as const);
};

const bytes = (events: readonly NamedRiskEvent[]): string => JSON.stringify(events);

describe('replaying a stored customer history through the risk engine', () => {
  const stored = leaving();
  const full = runEngine(stored, policy);

  it('raises risk for the customer who left, with explained signals', () => {
    const types = full.events.map((e) => e.event.type);
    expect(types).toContain('ChurnRiskRaised');
    const codes = full.events.flatMap((e) => e.event.data.signals.map((s) => s.code));
    expect(codes).toContain('payroll-stopped');
  });

  it('yields byte-identical risk events the second time', () =>
    expect(bytes(runEngine(stored, policy).events)).toBe(bytes(full.events)));

  it.each([0.1, 0.25, 0.5, 0.77, 0.95])(
    'yields the same events when restarted from a checkpoint taken %p of the way through',
    (fraction) => {
      const position = Math.floor(stored.length * fraction);
      const before = runEngine(stored, policy, undefined, position);
      const after = runEngine(stored, policy, checkpointOf(before.state));
      expect(bytes([...before.events, ...after.events])).toBe(bytes(full.events));
    },
  );

  it('appends nothing new when it crashes after appending but before saving its checkpoint', () => {
    const checkpoint = runEngine(stored, policy, undefined, Math.floor(stored.length * 0.4));
    const saved = checkpointOf(checkpoint.state);
    const appended = runEngine(
      stored,
      policy,
      checkpoint.state,
      Math.floor(stored.length * 0.8),
    ).events;
    // Crash: the checkpoint at 40% is all that survives; the engine runs again from there.
    const again = runEngine(stored, policy, saved).events;
    const store = new Map<string, NamedRiskEvent>();
    for (const e of [...checkpoint.events, ...appended, ...again])
      if (!store.has(e.name)) store.set(e.name, e);
    expect(bytes([...store.values()])).toBe(bytes(full.events));
  });
});
