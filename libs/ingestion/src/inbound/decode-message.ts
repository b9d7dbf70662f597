import { clockSkewRejection } from './clock-skew';
import { validateMessage } from './contract-validation';
import {
  DEFAULT_INGESTION_LIMITS,
  type DecodeOptions,
  type Decoded,
  type InboundEnvelope,
  type IngestionLimits,
} from './inbound-envelope';
import type { AnyMessageContract, TopicContract } from './message-contract';
import { subjectOf } from './message-key';
import { scanRawJson, type RawFault } from './raw-scan';
import { readJsonObject } from './read-json';
import { reject, type Rejection } from './rejection';
import { TOPIC_CONTRACTS } from './topic-contracts';

const AMOUNT_FIELDS: ReadonlySet<string> = new Set([
  'amountMinor',
  'principalMinor',
  'proceedsMinor',
]);
/** Every numeric field of every contract is an integer: the amounts and the survey score. */
const INTEGER_FIELDS: ReadonlySet<string> = new Set([...AMOUNT_FIELDS, 'score']);
/** The deepest contract (a batch's credit) is three levels deep; anything deeper is not ours. */
const MAX_DEPTH = 8;

/**
 * A Kafka record to the facts it records, or why it is refused: pure but for the injected
 * clock, and total: it never throws, whatever the bytes. The stages run cheapest first, and
 * the size check runs on the raw bytes before anything is parsed.
 */
export const decodeMessage = (envelope: InboundEnvelope, options: DecodeOptions): Decoded => {
  const limits =
    options.limits === undefined
      ? DEFAULT_INGESTION_LIMITS
      : { ...DEFAULT_INGESTION_LIMITS, ...options.limits };
  const topic = TOPIC_CONTRACTS.get(envelope.topic);
  if (topic === undefined)
    return reject('unknown-topic', `no contract for topic ${envelope.topic}`);
  const { value } = envelope;
  if (value === null || value.length === 0)
    return reject('empty', 'the message has no value (a tombstone?)');
  const topicMaxBytes = topic.maxBytes(limits);
  if (value.length > topicMaxBytes) return oversized(value.length, topicMaxBytes);
  const json = readJsonObject(value);
  if (json.kind === 'rejected') return json;
  const fault = scanRawJson(json.text, INTEGER_FIELDS, MAX_DEPTH);
  if (fault !== undefined) return rawFaultRejection(fault);
  const contract = contractOf(topic, json.object);
  if (contract.kind === 'rejected') return contract;
  const kindMaxBytes = contract.contract.maxBytes(limits);
  if (value.length > kindMaxBytes) return oversized(value.length, kindMaxBytes);
  return decodeObject(contract.contract, json.object, envelope, options.now, limits);
};

const decodeObject = (
  contract: AnyMessageContract,
  plain: Readonly<Record<string, unknown>>,
  envelope: InboundEnvelope,
  now: Date,
  limits: IngestionLimits,
): Decoded => {
  const tooMuch = contract.precheck?.(plain, limits);
  if (tooMuch !== undefined) return tooMuch;
  const valid = validateMessage(contract, plain);
  if (valid.kind === 'rejected') return valid;
  const { message } = valid;
  const fields = message as { customerId?: string; employerId?: string; occurredAt: string };
  const subject = subjectOf(contract.keyedBy, fields[contract.keyedBy], envelope.key);
  if (typeof subject !== 'string') return subject;
  const skew = clockSkewRejection(fields.occurredAt, now, limits.maxClockSkewMs);
  if (skew !== undefined) return skew;
  const appends = contract.toFacts(message, subject, envelope);
  return 'reason' in appends ? appends : { kind: 'facts', appends };
};

const oversized = (bytes: number, limit: number): Rejection =>
  reject('oversized', `the message has ${bytes} bytes; this contract takes at most ${limit}`);

/** The contract a message's `kind` names; the topic's default kind when it names none. */
const contractOf = (
  topic: TopicContract,
  plain: Readonly<Record<string, unknown>>,
): { readonly kind: 'contract'; readonly contract: AnyMessageContract } | Rejection => {
  const kind = Object.hasOwn(plain, 'kind') ? plain['kind'] : topic.defaultKind;
  if (typeof kind !== 'string')
    return reject('schema-violation', 'kind must be a string naming the message kind', 'kind');
  const contract = topic.kinds.get(kind);
  if (contract === undefined) {
    return reject(
      'unknown-enum-value',
      `kind must be one of ${[...topic.kinds.keys()].join(', ')}`,
      'kind',
    );
  }
  return { kind: 'contract', contract };
};

const rawFaultRejection = (fault: RawFault): Rejection => {
  switch (fault.kind) {
    case 'fractional-integer':
      return AMOUNT_FIELDS.has(fault.key)
        ? reject(
            'non-integer-amount',
            `${fault.path} must be a whole number of minor units, without fraction or exponent`,
            fault.path,
          )
        : reject(
            'schema-violation',
            `${fault.path} must be an integer, without fraction or exponent`,
            fault.path,
          );
    case 'reserved-key':
      return reject('unknown-field', `property ${fault.path} should not exist`, fault.path);
    case 'too-deep':
      return reject(
        'schema-violation',
        `nested deeper than any contract (${MAX_DEPTH} levels)`,
        fault.path,
      );
  }
};
