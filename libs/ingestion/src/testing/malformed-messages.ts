import type { InboundEnvelope } from '../inbound/inbound-envelope';
import type { RejectionReason } from '../inbound/rejection';
import { envelope, exampleEnvelope, exampleNamed } from './messages';

/** [situation, record, reason, field]: a message that breaks its contract, and how it is refused. */
export type RejectionCase = readonly [string, InboundEnvelope, RejectionReason, string | undefined];

export const TXN = 'a mobile transfer to another bank';
export const BATCH = "an employer's payroll batch";
const txn = exampleNamed(TXN);
const batch = exampleNamed(BATCH);
const batchCredits = batch.value['credits'] as readonly Record<string, unknown>[];
const [firstCredit = {}] = batchCredits;
const withoutCustomer = { ...txn.value, customerId: undefined };
const KiB = 1024;

/** Faults of form: where it came from, its size, its encoding, its shape. */
export const MALFORMED_MESSAGES: readonly RejectionCase[] = [
  [
    'a topic without a contract',
    envelope('corebanking.transactions.v2', txn.value),
    'unknown-topic',
    undefined,
  ],
  ['a tombstone', { ...exampleEnvelope(TXN), value: null }, 'empty', undefined],
  ['a zero-byte value', envelope(txn.topic, Buffer.alloc(0)), 'empty', undefined],
  [
    'a value over 256 KiB, not even JSON',
    envelope(txn.topic, 'x'.repeat(256 * KiB + 1)),
    'oversized',
    undefined,
  ],
  [
    'a per-employee credit over 256 KiB',
    envelope(
      'payroll.disbursements.v1',
      `${JSON.stringify(exampleNamed("one employee's salary").value)}${' '.repeat(256 * KiB)}`,
      { key: 'C-1001' },
    ),
    'oversized',
    undefined,
  ],
  [
    'a batch over 4 MiB',
    envelope(batch.topic, 'x'.repeat(4 * KiB * KiB + 1)),
    'oversized',
    undefined,
  ],
  ['truncated JSON', envelope(txn.topic, '{"transactionId":'), 'malformed-json', undefined],
  [
    'bytes that are not UTF-8',
    envelope(txn.topic, Buffer.from([0x7b, 0xff, 0xfe, 0x7d])),
    'malformed-json',
    undefined,
  ],
  ['a JSON array', envelope(txn.topic, [txn.value]), 'schema-violation', undefined],
  [
    'a missing account',
    exampleEnvelope(TXN, { accountId: undefined }),
    'schema-violation',
    'accountId',
  ],
  ['an empty account id', exampleEnvelope(TXN, { accountId: '' }), 'schema-violation', 'accountId'],
  [
    'a number for an id',
    exampleEnvelope(TXN, { accountId: 6222020200001234 }),
    'schema-violation',
    'accountId',
  ],
  [
    '"yes" for a boolean',
    exampleEnvelope(TXN, { otherBank: 'yes' }),
    'schema-violation',
    'otherBank',
  ],
  [
    'null where null is not allowed',
    exampleEnvelope(TXN, { customerId: null }),
    'schema-violation',
    'customerId',
  ],
  [
    'a nullable field left out',
    exampleEnvelope(TXN, { counterpartyBank: undefined }),
    'schema-violation',
    'counterpartyBank',
  ],
  [
    'a local time without offset',
    exampleEnvelope(TXN, { occurredAt: '2024-06-03T21:14:05' }),
    'schema-violation',
    'occurredAt',
  ],
  [
    'a bare date for an instant',
    exampleEnvelope(TXN, { occurredAt: '2024-06-03' }),
    'schema-violation',
    'occurredAt',
  ],
  [
    'an instant on 31 June',
    exampleEnvelope(TXN, { occurredAt: '2024-06-31T10:00:00+08:00' }),
    'schema-violation',
    'occurredAt',
  ],
  ['a zero amount', exampleEnvelope(TXN, { amountMinor: 0 }), 'schema-violation', 'amountMinor'],
  [
    'an amount that is not a number',
    exampleEnvelope(TXN, { amountMinor: true }),
    'schema-violation',
    'amountMinor',
  ],
  ['a kind that is not a string', exampleEnvelope(TXN, { kind: 1 }), 'schema-violation', 'kind'],
  [
    'a date that does not exist',
    exampleEnvelope('a customer onboarded', { birthDate: '1986-02-30' }),
    'schema-violation',
    'birthDate',
  ],
  [
    'a month 13',
    exampleEnvelope("one employee's salary", { payPeriod: '2024-13' }),
    'schema-violation',
    'payPeriod',
  ],
  [
    'a survey score of 11',
    exampleEnvelope('a survey answered', { score: 11 }),
    'schema-violation',
    'score',
  ],
  [
    'a survey score written 7.0',
    envelope(
      'crm.interactions.v1',
      JSON.stringify(exampleNamed('a survey answered').value).replace('"score":4', '"score":7.0'),
      { key: 'C-1001' },
    ),
    'schema-violation',
    'score',
  ],
  [
    'a profile change that changes nothing',
    exampleEnvelope('a profile change', { occupation: undefined, teamId: undefined }),
    'schema-violation',
    undefined,
  ],
  [
    'credits that are not a list',
    exampleEnvelope(BATCH, { credits: { customerId: 'C-1' } }),
    'schema-violation',
    'credits',
  ],
  [
    'a batch without credits',
    exampleEnvelope(BATCH, { credits: [] }),
    'schema-violation',
    'credits',
  ],
  [
    'a credit that is not an object',
    exampleEnvelope(BATCH, { credits: [firstCredit, 'C-1002'] }),
    'schema-violation',
    'credits[1]',
  ],
  [
    'a key that is not UTF-8, as the only customer id',
    { ...envelope(txn.topic, withoutCustomer), key: Buffer.from([0xc3, 0x28]) },
    'schema-violation',
    'key',
  ],
  [
    'a value nested deeper than any contract',
    exampleEnvelope(TXN, { extra: [[[[[[[[1]]]]]]]] }),
    'schema-violation',
    'extra[0][0][0][0][0][0][0]',
  ],
];
