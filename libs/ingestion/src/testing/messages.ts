import type { BankFact } from '@churn/domain-facts';
import type { InboundEnvelope } from '../inbound/inbound-envelope';
import examples from './contract-examples.json';

/** The clock the examples are decoded against: after every example's business time. */
export const NOW = new Date('2024-06-30T04:00:00Z');

export interface ContractExample {
  readonly name: string;
  readonly topic: string;
  readonly key: string | null;
  readonly value: Readonly<Record<string, unknown>>;
  readonly facts: readonly Pick<BankFact, 'type' | 'data'>[];
}

/** One full message per kind; CONTRACTS.md shows the same values (a test holds them equal). */
export const CONTRACT_EXAMPLES = examples as unknown as readonly ContractExample[];

export const exampleNamed = (name: string): ContractExample => {
  const example = CONTRACT_EXAMPLES.find((e) => e.name === name);
  if (example === undefined) throw new Error(`no contract example named ${name}`);
  return example;
};

export interface EnvelopeOptions {
  readonly key?: string | null;
  readonly partition?: number;
  readonly offset?: string;
}

/** A hand-made Kafka record; `value` is JSON-encoded unless it is already text or bytes. */
export const envelope = (
  topic: string,
  value: unknown,
  options: EnvelopeOptions = {},
): InboundEnvelope => ({
  topic,
  partition: options.partition ?? 3,
  offset: options.offset ?? '1042',
  key: options.key === undefined || options.key === null ? null : Buffer.from(options.key, 'utf8'),
  value: Buffer.isBuffer(value)
    ? value
    : Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8'),
  timestamp: '1719720000000',
});

/** The record of an example, optionally with some fields changed (`undefined` removes one). */
export const exampleEnvelope = (
  name: string,
  changes: Readonly<Record<string, unknown>> = {},
  options: EnvelopeOptions = {},
): InboundEnvelope => {
  const example = exampleNamed(name);
  return envelope(
    example.topic,
    { ...example.value, ...changes },
    { key: example.key, ...options },
  );
};
