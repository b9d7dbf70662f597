// Every kind of bad message, each followed in its partition by a good one, through the real
// ingestion wiring (IngestionModule in this process) against the real broker and a real SQLite
// file: the bad one is dead-lettered with its reason, field, source coordinates and ORIGINAL
// bytes; the good one right behind it is stored.
import {
  TopicNames,
  dlqOf,
  headerText,
  DeadLetterHeaders,
  type InboundMessage,
} from '@churn/messaging';
import { readTopic } from '@churn/messaging/testing';
import {
  batchCredits,
  payrollBatch,
  payrollCredit,
  transaction,
  crmInteraction,
  type TopicMessage,
} from '../support/bank-messages';
import type { ExpectedIngestion } from '../support/expected-facts';
import { startInProcessIngestion } from '../support/in-process-ingestion';
import { duplicateIds, factChecksum, recordedAsFact } from '../support/store-reader';
import { ingestRound } from '../support/ingestion-round';
import { cleanSlate, type CleanSlate } from '../support/system-test-kafka';
import type { RecordedEvent } from '@churn/event-store';

const CORE = TopicNames.coreBankingTransactions;
const PAYROLL = TopicNames.payrollDisbursements;
const CRM = TopicNames.crmInteractions;
const KiB = 1024;

interface BadCase {
  readonly name: string;
  readonly bad: TopicMessage;
  readonly reason: string;
  readonly field: string | undefined;
  readonly good: TopicMessage;
}

const posting = (n: number): Record<string, unknown> =>
  JSON.parse(transaction(n, `C-DLQ-${n}`, 'DLQ-BAD').value as string) as Record<string, unknown>;
const core = (
  n: number,
  value: string | Buffer | null,
  key: string | null = `C-DLQ-${n}`,
): TopicMessage => ({
  topic: CORE,
  key,
  value,
});
const coreWith = (n: number, changes: Record<string, unknown>, key?: string | null): TopicMessage =>
  core(n, JSON.stringify({ ...posting(n), ...changes }), key);
const goodPosting = (n: number, key = `C-DLQ-${n}`): TopicMessage =>
  transaction(n, key, 'DLQ-GOOD');
const crmOf = (n: number, changes: Record<string, unknown>): TopicMessage => {
  const contact = crmInteraction(n * 6, `C-DLQ-${n}`); // i % 6 === 0: contact-logged
  return {
    ...contact,
    value: JSON.stringify({ ...(JSON.parse(contact.value as string) as object), ...changes }),
  };
};
const complaintOf = (n: number, changes: Record<string, unknown>): TopicMessage => {
  const complaint = crmInteraction(n * 6 + 1, `C-DLQ-${n}`); // i % 6 === 1: complaint-filed
  return {
    ...complaint,
    value: JSON.stringify({ ...(JSON.parse(complaint.value as string) as object), ...changes }),
  };
};
const credits = batchCredits(900_000, 3);

const CASES: readonly BadCase[] = [
  {
    name: 'truncated JSON',
    bad: core(1, '{"transactionId":'),
    reason: 'malformed-json',
    field: undefined,
    good: goodPosting(1),
  },
  {
    name: 'bytes that are not UTF-8',
    bad: core(2, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])),
    reason: 'malformed-json',
    field: undefined,
    good: goodPosting(2),
  },
  {
    name: 'a JSON array',
    bad: core(3, JSON.stringify([posting(3)])),
    reason: 'schema-violation',
    field: undefined,
    good: goodPosting(3),
  },
  {
    name: '"yes" for a boolean',
    bad: coreWith(4, { otherBank: 'yes' }),
    reason: 'schema-violation',
    field: 'otherBank',
    good: goodPosting(4),
  },
  {
    name: 'a missing account',
    bad: coreWith(5, { accountId: undefined }),
    reason: 'schema-violation',
    field: 'accountId',
    good: goodPosting(5),
  },
  {
    name: 'no customer in key or body',
    bad: coreWith(6, { customerId: undefined }, null),
    reason: 'missing-customer',
    field: 'customerId',
    good: goodPosting(6),
  },
  {
    name: 'a posting over 256 KiB (padded JSON)',
    bad: core(7, `${JSON.stringify(posting(7))}${' '.repeat(256 * KiB)}`),
    reason: 'oversized',
    field: undefined,
    good: goodPosting(7),
  },
  {
    name: 'an amount written 1e5',
    bad: core(
      8,
      JSON.stringify(posting(8)).replace(/"amountMinor":("?)[0-9]+\1/, '"amountMinor":1e5'),
    ),
    reason: 'non-integer-amount',
    field: 'amountMinor',
    good: goodPosting(8),
  },
  {
    name: 'a decimal amount',
    bad: coreWith(9, { amountMinor: 100.5 }),
    reason: 'non-integer-amount',
    field: 'amountMinor',
    good: goodPosting(9),
  },
  {
    name: 'a negative amount',
    bad: coreWith(10, { amountMinor: -100 }),
    reason: 'negative-amount',
    field: 'amountMinor',
    good: goodPosting(10),
  },
  {
    name: 'an unknown field',
    bad: coreWith(11, { bonus: 1 }),
    reason: 'unknown-field',
    field: 'bonus',
    good: goodPosting(11),
  },
  {
    name: '"RMB" for yuan',
    bad: coreWith(12, { currency: 'RMB' }),
    reason: 'unknown-currency',
    field: 'currency',
    good: goodPosting(12),
  },
  {
    name: 'a channel outside the vocabulary',
    bad: coreWith(13, { channel: 'fax' }),
    reason: 'unknown-enum-value',
    field: 'channel',
    good: goodPosting(13),
  },
  {
    name: 'an account id of 65 characters',
    bad: coreWith(14, { accountId: 'A'.repeat(65) }),
    reason: 'string-too-long',
    field: 'accountId',
    good: goodPosting(14),
  },
  {
    name: 'a key naming another customer',
    bad: coreWith(15, {}, 'C-SOMEONE-ELSE'),
    reason: 'key-mismatch',
    field: 'customerId',
    good: goodPosting(15, 'C-SOMEONE-ELSE'),
  },
  {
    name: 'a posting an hour in the future',
    bad: coreWith(16, { occurredAt: new Date(Date.now() + 3_600_000).toISOString() }),
    reason: 'clock-skew',
    field: 'occurredAt',
    good: goodPosting(16),
  },
  {
    name: 'a tombstone',
    bad: core(17, null),
    reason: 'empty',
    field: undefined,
    good: goodPosting(17),
  },
  {
    name: 'a per-employee credit over 256 KiB',
    bad: {
      ...payrollCredit('E-DLQ', 'B-DLQ-18', 'C-DLQ-18', 1_000_000),
      value: `${payrollCredit('E-DLQ', 'B-DLQ-18', 'C-DLQ-18', 1_000_000).value as string}${' '.repeat(256 * KiB)}`,
    },
    reason: 'oversized',
    field: undefined,
    good: payrollCredit('E-DLQ', 'B-DLQ-18-OK', 'C-DLQ-18', 1_000_001),
  },
  {
    name: 'a batch crediting one account twice',
    bad: payrollBatch('E-DLQ-19', 'B-DLQ-19', [
      ...credits,
      { ...(credits[0] as (typeof credits)[0]), amountMinor: 1 },
    ]),
    reason: 'duplicate-credit',
    field: 'credits[3]',
    good: payrollBatch('E-DLQ-19', 'B-DLQ-19-FIXED', credits),
  },
  {
    name: 'a batch keyed by a customer',
    bad: { ...payrollBatch('E-DLQ-20', 'B-DLQ-20', credits), key: 'C-DLQ-20' },
    reason: 'key-mismatch',
    field: 'employerId',
    good: payrollCredit('E-DLQ-20', 'B-DLQ-20', 'C-DLQ-20', 1_875_000),
  },
  {
    name: 'a CRM message without kind',
    bad: complaintOf(21, { kind: undefined }),
    reason: 'schema-violation',
    field: 'kind',
    good: crmOf(21, {}),
  },
  {
    name: 'a summary of 2,001 characters',
    bad: crmOf(22, { summary: '客'.repeat(2001) }),
    reason: 'string-too-long',
    field: 'summary',
    good: complaintOf(22, {}),
  },
  {
    name: 'a severity outside the vocabulary',
    bad: complaintOf(23, { severity: 'apocalyptic' }),
    reason: 'unknown-enum-value',
    field: 'severity',
    good: crmOf(23, {}),
  },
];

/** Each bad message and the good one behind it share a pinned partition, back to back. */
const pinned = (c: BadCase, i: number): TopicMessage[] => [
  { ...c.bad, partition: i % 6 },
  { ...c.good, partition: i % 6 },
];

const sameBytes = (a: Buffer | null, b: string | Buffer | null | undefined): boolean =>
  a === null || b === null || b === undefined
    ? a === null && (b === null || b === undefined)
    : a.equals(Buffer.isBuffer(b) ? b : Buffer.from(b, 'utf8'));

jest.setTimeout(60_000);

let slate: CleanSlate;
let expected: ExpectedIngestion;
let deadLetters: InboundMessage[];
let stored: RecordedEvent[];

beforeAll(async () => {
  slate = await cleanSlate('dead-letters');
  ({ expected, stored } = await ingestRound(slate, {
    send: (producer) => producer.send(CASES.flatMap(pinned)),
    start: () => startInProcessIngestion(slate),
    whileRunning: async () => {
      deadLetters = [];
      for (const topic of [CORE, PAYROLL, CRM]) {
        const want = CASES.filter((c) => c.bad.topic === topic).length;
        deadLetters.push(
          ...(await readTopic(slate.kafka, dlqOf(topic), { untilCount: want, timeoutMs: 30_000 })),
        );
      }
    },
  }));
}, 120_000);

afterAll(() => slate?.dispose());

describe('bad messages on the real broker, each followed by a good one in its partition', () => {
  it('the test input is what it claims: decoding the topics finds exactly these rejections', () => {
    const byPartition = (m: InboundMessage): string => `${m.topic}/${m.partition}/${m.offset}`;
    expect(expected.records).toBe(CASES.length * 2);
    expect(expected.rejected).toHaveLength(CASES.length);
    const found = new Map(expected.rejected.map((r) => [byPartition(r.message), r]));
    expect(found.size).toBe(CASES.length);
  });

  it.each(CASES.map((c, i) => [c.name, c, i] as const))(
    '%s: dead-lettered with its reason and original bytes, and the next message is stored',
    (_name, c, i) => {
      const letters = deadLetters.filter(
        (d) =>
          headerText(d, DeadLetterHeaders.sourceTopic) === c.bad.topic &&
          headerText(d, DeadLetterHeaders.sourcePartition) === String(i % 6) &&
          sameBytes(d.value, c.bad.value),
      );
      expect(letters).toHaveLength(1);
      const letter = letters[0] as InboundMessage;
      expect(headerText(letter, DeadLetterHeaders.reason)).toBe(c.reason);
      expect(headerText(letter, DeadLetterHeaders.field)).toBe(c.field);
      expect(headerText(letter, DeadLetterHeaders.detail)?.length).toBeGreaterThan(0);
      expect(letter.key?.toString('utf8') ?? null).toBe(c.bad.key ?? null);
      expect(letter.topic).toBe(dlqOf(c.bad.topic));

      const sourceOffset = headerText(letter, DeadLetterHeaders.sourceOffset) as string;
      const behind = stored.filter(
        (e) =>
          e.metadata.source?.topic === c.good.topic &&
          e.metadata.source.partition === i % 6 &&
          e.metadata.source.offset === String(BigInt(sourceOffset) + 1n),
      );
      const wantFacts = expected.facts.filter(
        (f) =>
          f.event.metadata.source?.topic === c.good.topic &&
          f.event.metadata.source.partition === i % 6 &&
          f.event.metadata.source.offset === String(BigInt(sourceOffset) + 1n),
      );
      expect(wantFacts.length).toBeGreaterThanOrEqual(1);
      expect(behind.map((e) => e.id).sort()).toEqual(wantFacts.map((f) => f.event.id).sort());
    },
  );

  it('dead-letters nothing else and stores exactly the good messages’ facts, each once', () => {
    expect(deadLetters).toHaveLength(CASES.length);
    expect(duplicateIds(slate.storePath)).toEqual([]);
    expect(stored).toHaveLength(expected.facts.length);
    expect(factChecksum(stored.map(recordedAsFact))).toBe(factChecksum(expected.facts));
  });
});
