// The same message produced twice (same bytes, two offsets) is one stored event; so is the same
// salary sent once per employee and once inside the employer's batch, and a batch sent twice.
// The event id derives from the source's own ids (CONTRACTS.md), and the store ignores an id it
// already holds, so the first delivery's event is the one kept.
import type { RecordedEvent } from '@churn/event-store';
import { TopicNames } from '@churn/messaging';
import {
  accountOpened,
  batchCredits,
  crmInteraction,
  payrollBatch,
  payrollCredit,
  transaction,
  type TopicMessage,
} from '../support/bank-messages';
import type { ExpectedIngestion } from '../support/expected-facts';
import { startInProcessIngestion } from '../support/in-process-ingestion';
import { duplicateIds } from '../support/store-reader';
import { ingestRound } from '../support/ingestion-round';
import { cleanSlate, type CleanSlate } from '../support/system-test-kafka';

jest.setTimeout(60_000);

const credits = batchCredits(700_000, 3);
const [salary] = credits as [(typeof credits)[0]];
const twice = (m: TopicMessage): TopicMessage[] => [m, m];
const profileChange: TopicMessage = {
  topic: TopicNames.crmInteractions,
  key: 'C-DUP-9',
  value: JSON.stringify({
    kind: 'profile-changed',
    customerId: 'C-DUP-9',
    occupation: '产品经理',
    occurredAt: '2024-04-02T11:20:00+08:00',
  }),
};

/** name → the messages (in produce order) and how many events they must leave in the store. */
const SITUATIONS: readonly { name: string; messages: TopicMessage[]; events: number }[] = [
  {
    name: 'a posting produced twice',
    messages: twice(transaction(1, 'C-DUP-1', 'DUP')),
    events: 1,
  },
  {
    name: 'an account opening produced twice',
    messages: twice(accountOpened(2, 'C-DUP-2')),
    events: 1,
  },
  { name: 'a contact produced twice', messages: twice(crmInteraction(0, 'C-DUP-3')), events: 1 },
  {
    name: 'a relationship manager assignment produced twice',
    messages: twice(crmInteraction(4, 'C-DUP-4')),
    events: 1,
  },
  { name: 'a customer onboarding produced twice', messages: twice(crmInteraction(5)), events: 1 },
  {
    name: 'a salary sent per employee, then inside the batch',
    messages: [
      payrollCredit('E-DUP', 'B-DUP-2024-05', salary.customerId, salary.amountMinor),
      payrollBatch('E-DUP', 'B-DUP-2024-05', credits),
    ],
    events: 3,
  },
  {
    name: 'a batch produced twice',
    messages: twice(payrollBatch('E-DUP-2', 'B-DUP-2-2024-05', batchCredits(710_000, 4))),
    events: 4,
  },
  // No id upstream: CONTRACTS.md names it by its Kafka coordinates, so each delivery at a new
  // offset is a new event (applying a profile change twice is harmless).
  {
    name: 'a profile change produced twice (by design two events)',
    messages: twice(profileChange),
    events: 2,
  },
];

let slate: CleanSlate;
let expected: ExpectedIngestion;
let stored: RecordedEvent[];

beforeAll(async () => {
  slate = await cleanSlate('duplicates');
  ({ expected, stored } = await ingestRound(slate, {
    // One situation after another, so "first delivery" is well defined within each.
    send: async (producer) => {
      for (const situation of SITUATIONS) await producer.send(situation.messages);
    },
    start: () => startInProcessIngestion(slate),
    storedAtLeast: (expecting) => new Set(expecting.facts.map((f) => f.event.id)).size,
    // Let it finish the rest of what it fetched (nothing more may arrive), then stop gracefully.
    whileRunning: () => new Promise((resolve) => setTimeout(resolve, 1_500)),
  }));
}, 120_000);

afterAll(() => slate?.dispose());

/** The records of a situation (found by their bytes) and the facts each decodes to. */
const recordsOf = (messages: readonly TopicMessage[]) => {
  const values = new Set(messages.map((m) => String(m.value)));
  return expected.decoded.filter((d) => values.has(d.message.value?.toString('utf8') ?? ''));
};

describe('the same fact delivered more than once', () => {
  it.each(SITUATIONS.map((s) => [s.name, s] as const))('%s', (_name, situation) => {
    const records = recordsOf(situation.messages);
    expect(records).toHaveLength(situation.messages.length);
    const ids = new Set(records.flatMap((r) => r.facts.map((f) => f.event.id)));
    expect(ids.size).toBe(situation.events);
    const kept = stored.filter((e) => ids.has(e.id));
    expect(kept.map((e) => e.id).sort()).toEqual([...ids].sort());
    // Same key, same partition: the first delivery (lowest offset) is the event kept.
    const partitions = new Set(records.map((r) => `${r.message.topic}/${r.message.partition}`));
    if (partitions.size === 1) {
      for (const event of kept) {
        const offsets = records
          .filter((r) => r.facts.some((f) => f.event.id === event.id))
          .map((r) => BigInt(r.message.offset));
        expect(event.metadata.source?.offset).toBe(
          String(offsets.reduce((a, b) => (b < a ? b : a))),
        );
      }
    }
  });

  it('stores nothing else and no id twice', () => {
    expect(expected.rejected).toEqual([]);
    expect(duplicateIds(slate.storePath)).toEqual([]);
    expect(stored).toHaveLength(SITUATIONS.reduce((n, s) => n + s.events, 0));
  });
});
