import { BATCH, TXN, type RejectionCase } from './malformed-messages';
import { NOW, envelope, exampleEnvelope, exampleNamed } from './messages';

const txn = exampleNamed(TXN);
const batch = exampleNamed(BATCH);
const batchCredits = batch.value['credits'] as readonly Record<string, unknown>[];
const [firstCredit = {}, secondCredit = {}] = batchCredits;
const withoutCustomer = { ...txn.value, customerId: undefined };

/** Faults of content: fields, amounts, vocabularies, lengths, key, clock, duplicates. */
export const OFFENDING_MESSAGES: readonly RejectionCase[] = [
  ['an unknown field', exampleEnvelope(TXN, { bonus: 1 }), 'unknown-field', 'bonus'],
  [
    'an unknown field in a credit',
    exampleEnvelope(BATCH, { credits: [firstCredit, { ...secondCredit, bonus: 'x' }] }),
    'unknown-field',
    'credits[1].bonus',
  ],
  [
    'a __proto__ field',
    envelope(txn.topic, `{"__proto__":{"admin":true},${JSON.stringify(txn.value).slice(1)}`, {
      key: 'C-1001',
    }),
    'unknown-field',
    '__proto__',
  ],
  [
    'a constructor field in a credit',
    exampleEnvelope(BATCH, { credits: [{ ...firstCredit, constructor: 'x' }] }),
    'unknown-field',
    'credits[0].constructor',
  ],
  [
    'a decimal amount',
    exampleEnvelope(TXN, { amountMinor: 100.5 }),
    'non-integer-amount',
    'amountMinor',
  ],
  [
    'a negative amount',
    exampleEnvelope(TXN, { amountMinor: -100 }),
    'negative-amount',
    'amountMinor',
  ],
  ['"RMB" for yuan', exampleEnvelope(TXN, { currency: 'RMB' }), 'unknown-currency', 'currency'],
  [
    'a lower-case currency',
    exampleEnvelope(TXN, { currency: 'cny' }),
    'unknown-currency',
    'currency',
  ],
  [
    'a channel outside the vocabulary',
    exampleEnvelope(TXN, { channel: 'fax' }),
    'unknown-enum-value',
    'channel',
  ],
  [
    'an unknown kind',
    exampleEnvelope(TXN, { kind: 'standing-order' }),
    'unknown-enum-value',
    'kind',
  ],
  [
    'a CRM message without kind',
    exampleEnvelope('a complaint filed', { kind: undefined }),
    'schema-violation',
    'kind',
  ],
  [
    'an industry class outside the vocabulary',
    exampleEnvelope('a customer onboarded', { industryClass: '优质' }),
    'unknown-enum-value',
    'industryClass',
  ],
  [
    'an account id of 65 characters',
    exampleEnvelope(TXN, { accountId: 'A'.repeat(65) }),
    'string-too-long',
    'accountId',
  ],
  [
    'a summary of 2,001 characters',
    exampleEnvelope('a contact logged', { summary: '客'.repeat(2001) }),
    'string-too-long',
    'summary',
  ],
  [
    'a key of 65 characters as the only customer id',
    envelope(txn.topic, withoutCustomer, { key: 'C'.repeat(65) }),
    'string-too-long',
    'key',
  ],
  [
    'no customer in key or body',
    envelope(txn.topic, withoutCustomer, { key: null }),
    'missing-customer',
    'customerId',
  ],
  [
    'a key naming another customer',
    exampleEnvelope(TXN, {}, { key: 'C-2002' }),
    'key-mismatch',
    'customerId',
  ],
  [
    'a batch keyed by another employer',
    exampleEnvelope(BATCH, {}, { key: 'E-B' }),
    'key-mismatch',
    'employerId',
  ],
  [
    'a batch keyed by a customer',
    exampleEnvelope(BATCH, {}, { key: 'C-1001' }),
    'key-mismatch',
    'employerId',
  ],
  [
    'a posting 5 min 1 s in the future',
    exampleEnvelope(TXN, { occurredAt: new Date(NOW.getTime() + 301_000).toISOString() }),
    'clock-skew',
    'occurredAt',
  ],
  [
    'a batch crediting one account twice',
    exampleEnvelope(BATCH, {
      credits: [firstCredit, secondCredit, { ...firstCredit, amountMinor: 1 }],
    }),
    'duplicate-credit',
    'credits[2]',
  ],
];
