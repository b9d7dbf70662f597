import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import { CONTRACT_EXAMPLES, type ContractExample } from '../testing/messages';
import { acceptCheckOf } from './accept-check';
import { VALIDATION, validateMessage } from './contract-validation';
import type { AnyMessageContract } from './message-contract';
import { TOPIC_CONTRACTS } from './topic-contracts';
import { rejectionOf } from './validation-rejection';

// class-transformer's own registry of `@Type` fields: not in its public entry, so read here only.
const { defaultMetadataStorage } = require('class-transformer/cjs/storage') as {
  defaultMetadataStorage: { findTypeMetadata(target: new () => object, property: string): unknown };
};

/** The path every message took before: class-transformer, then class-validator. */
const throughClassTransformer = (
  contract: AnyMessageContract,
  plain: Readonly<Record<string, unknown>>,
) => {
  const message = plainToInstance(contract.message, plain);
  const errors = validateSync(message, VALIDATION);
  return errors.length > 0 ? rejectionOf(errors) : { kind: 'valid' as const, message };
};

const contractOf = (example: ContractExample): AnyMessageContract => {
  const topic = TOPIC_CONTRACTS.get(example.topic);
  const kind = example.value['kind'] ?? topic?.defaultKind;
  const contract = typeof kind === 'string' ? topic?.kinds.get(kind) : undefined;
  if (contract === undefined) throw new Error(`no contract for example ${example.name}`);
  return contract;
};

/** Own enumerable properties, as JSON.parse makes them: `__proto__` included. */
const withField = (target: Record<string, unknown>, key: string, value: unknown): void => {
  Object.defineProperty(target, key, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
};

const anyValue = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ maxLength: 140 }),
  fc.string({ minLength: 60, maxLength: 70 }),
  fc.integer(),
  fc.constantFrom('CNY', 'USD', 'XXX', 'credit', 'debit', '2024-06-03T21:14:05+08:00', '2024-13'),
);
const anyKey = fc.oneof(
  fc.string({ maxLength: 4 }),
  fc.constantFrom('__proto__', 'constructor', 'toString', 'valueOf', 'hasOwnProperty'),
);

const mutated = fc.record({
  example: fc.constantFrom(...CONTRACT_EXAMPLES),
  replace: fc.array(fc.tuple(fc.nat(), anyValue), { maxLength: 3 }),
  remove: fc.array(fc.nat(), { maxLength: 2 }),
  extra: fc.option(fc.tuple(anyKey, anyValue), { nil: undefined }),
});
type Mutation = typeof mutated extends fc.Arbitrary<infer M> ? M : never;

/** A contract example with some fields replaced, some removed and maybe one added. */
const mutatedMessage = ({ example, replace, remove, extra }: Mutation): Record<string, unknown> => {
  const plain: Record<string, unknown> = {};
  const fields = Object.keys(example.value);
  for (const field of fields) withField(plain, field, example.value[field]);
  for (const [pick, value] of replace) withField(plain, fields[pick % fields.length] ?? '', value);
  for (const pick of remove) delete plain[fields[pick % fields.length] ?? ''];
  if (extra !== undefined) withField(plain, extra[0], extra[1]);
  return plain;
};

describe('validating a message as its contract DTO', () => {
  it('gives the verdict class-transformer + class-validator give, for valid and invalid messages', () => {
    let valid = 0;
    let invalid = 0;
    fc.assert(
      fc.property(mutated, (mutation) => {
        const plain = mutatedMessage(mutation);
        const contract = contractOf(mutation.example);
        const expected = throughClassTransformer(contract, plain);
        const actual = validateMessage(contract, plain);
        expect(actual).toEqual(expected);
        if (actual.kind === 'valid') {
          expect(actual.message).toBeInstanceOf(contract.message);
          valid++;
        } else invalid++;
      }),
      { numRuns: 4000 },
    );
    // Both sides of the property were exercised, not only refusals.
    expect(valid).toBeGreaterThan(100);
    expect(invalid).toBeGreaterThan(100);
  });

  it("accepts by the flat DTOs' constraints alone exactly what validateSync accepts", () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(mutated, (mutation) => {
        const contract = contractOf(mutation.example);
        fc.pre(contract.flat);
        const plain = mutatedMessage(mutation);
        const message = plainToInstance(contract.message, plain);
        const check = acceptCheckOf(contract.message);
        const verdict = check?.(message);
        expect(verdict).toBe(validateSync(message, VALIDATION).length === 0);
        if (verdict === true) accepted++;
        else refused++;
      }),
      { numRuns: 4000 },
    );
    expect(accepted).toBeGreaterThan(100);
    expect(refused).toBeGreaterThan(100);
  });

  it('has an accept check for every flat DTO and none for a DTO with nested DTOs', () => {
    const contracts = [...TOPIC_CONTRACTS.values()].flatMap((topic) => [...topic.kinds.values()]);
    for (const contract of contracts)
      expect([contract.message.name, acceptCheckOf(contract.message) !== null]).toEqual([
        contract.message.name,
        contract.flat,
      ]);
  });

  it('accepts every contract example as class-transformer + class-validator do', () => {
    for (const example of CONTRACT_EXAMPLES) {
      const contract = contractOf(example);
      expect(validateMessage(contract, example.value)).toEqual(
        throughClassTransformer(contract, example.value),
      );
    }
  });

  it('builds by copying only DTOs that class-transformer would not nest', () => {
    const contracts = [...TOPIC_CONTRACTS.values()].flatMap((topic) => [...topic.kinds.values()]);
    for (const contract of contracts.filter((c) => c.flat)) {
      for (const field of Object.keys(new contract.message()))
        expect(defaultMetadataStorage.findTypeMetadata(contract.message, field)).toBeUndefined();
    }
    expect(contracts.some((c) => !c.flat)).toBe(true);
  });
});
