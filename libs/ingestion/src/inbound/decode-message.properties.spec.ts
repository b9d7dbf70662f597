import fc from 'fast-check';
import { decodeMessage } from './decode-message';
import { REJECTION_REASONS } from './rejection';
import { CONTRACT_EXAMPLES, NOW, envelope } from '../testing/messages';

const TOPICS = [...new Set(CONTRACT_EXAMPLES.map((e) => e.topic)), 'elsewhere.v1'];
const reasons: ReadonlySet<string> = new Set(REJECTION_REASONS);

/** Either facts, each with a UUID, or one of the stable reason codes: never a throw. */
const expectWellFormed = (decoded: ReturnType<typeof decodeMessage>): void => {
  if (decoded.kind === 'facts') {
    expect(decoded.appends.length).toBeGreaterThan(0);
    for (const append of decoded.appends) expect(append.event.id).toMatch(/^[0-9a-f-]{36}$/);
  } else {
    expect(reasons.has(decoded.reason)).toBe(true);
  }
};

const key = fc.option(
  fc.uint8Array({ maxLength: 70 }).map((bytes) => Buffer.from(bytes)),
  { nil: null },
);

describe('decoding whatever arrives', () => {
  it('never throws for arbitrary bytes', () => {
    const record = fc.record({
      topic: fc.constantFrom(...TOPICS),
      key,
      value: fc.option(fc.uint8Array({ maxLength: 512 }), { nil: null }),
    });
    fc.assert(
      fc.property(record, ({ topic, key: k, value }) => {
        const decoded = decodeMessage(
          { ...envelope(topic, ''), key: k, value: value === null ? null : Buffer.from(value) },
          { now: NOW },
        );
        expectWellFormed(decoded);
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws for arbitrary JSON', () => {
    const record = fc.record({
      topic: fc.constantFrom(...TOPICS),
      json: fc.json({ maxDepth: 12 }),
    });
    fc.assert(
      fc.property(record, ({ topic, json }) =>
        expectWellFormed(decodeMessage(envelope(topic, json, { key: 'C-1' }), { now: NOW })),
      ),
      { numRuns: 3000 },
    );
  });

  it('never throws for a real message with any field replaced by any JSON value', () => {
    const example = fc.constantFrom(...CONTRACT_EXAMPLES);
    const change = fc.tuple(
      example,
      fc.string({ maxLength: 3 }),
      fc.jsonValue({ maxDepth: 3 }),
      fc.nat(),
    );
    fc.assert(
      fc.property(change, ([ex, extraField, anyValue, pick]) => {
        const fields = Object.keys(ex.value);
        const field = pick % 4 === 0 ? extraField : (fields[pick % fields.length] ?? extraField);
        const value = { ...ex.value, [field]: anyValue };
        expectWellFormed(decodeMessage(envelope(ex.topic, value, { key: ex.key }), { now: NOW }));
      }),
      { numRuns: 3000 },
    );
  });

  it('never throws for a real message with some of its bytes changed', () => {
    const mutation = fc.tuple(
      fc.constantFrom(...CONTRACT_EXAMPLES),
      fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), {
        minLength: 1,
        maxLength: 4,
      }),
    );
    fc.assert(
      fc.property(mutation, ([ex, changes]) => {
        const bytes = Buffer.from(JSON.stringify(ex.value), 'utf8');
        for (const [at, byte] of changes) bytes[at % bytes.length] = byte;
        expectWellFormed(decodeMessage(envelope(ex.topic, bytes, { key: ex.key }), { now: NOW }));
      }),
      { numRuns: 3000 },
    );
  });
});
