import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SCHEMA_VERSIONS, isBankFact } from '@churn/domain-facts';
import { decodeMessage } from './decode-message';
import type { Decoded } from './inbound-envelope';
import { CONTRACT_EXAMPLES, NOW, envelope, type ContractExample } from '../testing/messages';
import { TOPIC_CONTRACTS } from './topic-contracts';

const decodeExample = (example: ContractExample): Decoded =>
  decodeMessage(envelope(example.topic, example.value, { key: example.key }), { now: NOW });

const jsonBlocks = (markdown: string): unknown[] =>
  [...markdown.matchAll(/```json\n([\s\S]*?)\n```/g)].map(
    (match) => JSON.parse(match[1] ?? '') as unknown,
  );

describe('the examples in CONTRACTS.md', () => {
  const markdown = readFileSync(join(__dirname, '../../CONTRACTS.md'), 'utf8');

  it('are the test fixtures, one per message kind, in the same order', () => {
    expect(jsonBlocks(markdown)).toEqual(CONTRACT_EXAMPLES.map((example) => example.value));
  });

  it('cover every kind of every topic', () => {
    const documented = CONTRACT_EXAMPLES.map((e) => `${e.topic}/${String(e.value['kind'])}`);
    const contracts = [...TOPIC_CONTRACTS].flatMap(([topic, { kinds }]) =>
      [...kinds.keys()].map((k) => `${topic}/${k}`),
    );
    expect(documented.sort()).toEqual(contracts.sort());
  });
});

describe('a well-formed message of each kind', () => {
  it.each(CONTRACT_EXAMPLES.map((example) => [example.name, example] as const))(
    '%s becomes exactly its facts',
    (_name, example) => {
      const decoded = decodeExample(example);
      if (decoded.kind !== 'facts') throw new Error(`rejected: ${JSON.stringify(decoded)}`);
      expect(decoded.appends.map(({ event }) => ({ type: event.type, data: event.data }))).toEqual(
        example.facts,
      );
      for (const { stream, event } of decoded.appends) {
        const data = event.data as { customerId: string; occurredAt: string };
        expect(isBankFact({ type: event.type, data })).toBe(true);
        expect(stream).toBe(`customer-${data.customerId}`);
        expect(event.id).toMatch(
          /^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        );
        expect(event.metadata).toEqual({
          occurredAt: data.occurredAt,
          schemaVersion: SCHEMA_VERSIONS[event.type as keyof typeof SCHEMA_VERSIONS],
          correlationId: expect.any(String),
          source: { topic: example.topic, partition: 3, offset: '1042' },
        });
      }
    },
  );

  it('carries its own source id as the correlation id', () => {
    const [transaction] = CONTRACT_EXAMPLES;
    const decoded = transaction === undefined ? undefined : decodeExample(transaction);
    expect(decoded?.kind === 'facts' && decoded.appends[0]?.event.metadata.correlationId).toBe(
      'T-20240603-000123',
    );
  });

  it('takes its customer from the key when the body leaves it out', () => {
    const [transaction] = CONTRACT_EXAMPLES;
    if (transaction === undefined) throw new Error('no examples');
    const { customerId: _dropped, ...body } = transaction.value;
    const decoded = decodeMessage(envelope(transaction.topic, body, { key: 'C-1001' }), {
      now: NOW,
    });
    expect(decoded).toEqual(decodeExample(transaction));
  });

  it('needs no key when the body names the customer', () => {
    const [transaction] = CONTRACT_EXAMPLES;
    if (transaction === undefined) throw new Error('no examples');
    const decoded = decodeMessage(envelope(transaction.topic, transaction.value, { key: null }), {
      now: NOW,
    });
    expect(decoded).toEqual(decodeExample(transaction));
  });

  it('is a transaction when it names no kind, on the core-banking topic', () => {
    const [transaction] = CONTRACT_EXAMPLES;
    if (transaction === undefined) throw new Error('no examples');
    const { kind: _kind, ...body } = transaction.value;
    expect(
      decodeMessage(envelope(transaction.topic, body, { key: 'C-1001' }), { now: NOW }),
    ).toEqual(decodeExample(transaction));
  });
});
