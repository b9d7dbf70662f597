import { decodeMessage } from './decode-message';
import { NOW, envelope, exampleNamed } from '../testing/messages';

const txn = exampleNamed('a mobile transfer to another bank');
const batch = exampleNamed("an employer's payroll batch");
const matured = exampleNamed('a time deposit matured');

/** The example's JSON with one amount written exactly as `token`, as a producer would send it. */
const withRawAmount = (value: object, field: string, original: string, token: string): string => {
  const json = JSON.stringify(value);
  const written = `"${field}":${original}`;
  if (!json.includes(written)) throw new Error(`${written} not in example`);
  return json.replace(written, `"${field}":${token}`);
};

const decodeTransaction = (token: string) =>
  decodeMessage(
    envelope(txn.topic, withRawAmount(txn.value, 'amountMinor', '5000000', token), {
      key: 'C-1001',
    }),
    { now: NOW },
  );

const amountOf = (decoded: ReturnType<typeof decodeMessage>): unknown =>
  decoded.kind === 'facts'
    ? (decoded.appends[0]?.event.data as { amountMinor?: unknown }).amountMinor
    : decoded;

describe('an amount written as a JSON number', () => {
  it.each([
    ['1e5', 'non-integer-amount'],
    ['1E+5', 'non-integer-amount'],
    ['1e-2', 'non-integer-amount'],
    ['100.5', 'non-integer-amount'],
    ['100.0', 'non-integer-amount'],
    ['-100.5', 'non-integer-amount'],
    ['1e400', 'non-integer-amount'],
    ['9007199254740992', 'non-integer-amount'],
    ['123456789012345678901234567890', 'non-integer-amount'],
    ['-1', 'negative-amount'],
    ['-0', 'negative-amount'],
    ['-9007199254740991', 'negative-amount'],
  ])('%s is refused as %s', (token, reason) => {
    expect(decodeTransaction(token)).toMatchObject({
      kind: 'rejected',
      reason,
      field: 'amountMinor',
    });
  });

  it.each([
    ['1', 1],
    ['5000000', 5_000_000],
    ['9007199254740991', Number.MAX_SAFE_INTEGER],
  ])('%s is booked as %d minor units', (token, amount) => {
    expect(amountOf(decodeTransaction(token))).toBe(amount);
  });
});

describe('an amount written as a digit string', () => {
  it.each([
    ['"1e5"', 'non-integer-amount'],
    ['"100.50"', 'non-integer-amount'],
    ['"12 345"', 'non-integer-amount'],
    ['""', 'non-integer-amount'],
    ['"9007199254740992"', 'non-integer-amount'],
    ['"12345678901234567890"', 'non-integer-amount'],
    ['"-5"', 'negative-amount'],
    ['"0"', 'schema-violation'],
  ])('%s is refused as %s', (token, reason) => {
    expect(decodeTransaction(token)).toMatchObject({
      kind: 'rejected',
      reason,
      field: 'amountMinor',
    });
  });

  it.each([
    ['"1"', 1],
    ['"0012"', 12],
    ['"9007199254740991"', Number.MAX_SAFE_INTEGER],
  ])('%s is booked as the number %d', (token, amount) => {
    expect(amountOf(decodeTransaction(token))).toBe(amount);
  });
});

describe('amounts elsewhere', () => {
  it('names the credit whose amount has an exponent in a batch', () => {
    const raw = withRawAmount(batch.value, 'amountMinor', '1230000', '1.23e6');
    expect(decodeMessage(envelope(batch.topic, raw, { key: 'E-A' }), { now: NOW })).toMatchObject({
      reason: 'non-integer-amount',
      field: 'credits[1].amountMinor',
    });
  });

  it('accepts zero proceeds (a product can lose its principal) but not negative ones', () => {
    const zero = decodeMessage(
      envelope(matured.topic, { ...matured.value, proceedsMinor: 0 }, { key: 'C-1001' }),
      { now: NOW },
    );
    expect(zero.kind === 'facts' && zero.appends[0]?.event.data).toMatchObject({
      proceedsMinor: 0,
    });
    const negative = decodeMessage(
      envelope(matured.topic, { ...matured.value, proceedsMinor: -1 }, { key: 'C-1001' }),
      { now: NOW },
    );
    expect(negative).toMatchObject({ reason: 'negative-amount', field: 'proceedsMinor' });
  });

  it('is not fooled by a look-alike inside a string', () => {
    const value = { ...txn.value, counterpartyBank: '"amountMinor": 1e5, "amountMinor":1.5' };
    expect(decodeMessage(envelope(txn.topic, value, { key: 'C-1001' }), { now: NOW }).kind).toBe(
      'facts',
    );
  });

  it('sees through a key written with unicode escapes', () => {
    const raw = withRawAmount(txn.value, 'amountMinor', '5000000', '5e6').replace(
      '"amountMinor"',
      '"amount\\u004dinor"',
    );
    expect(decodeMessage(envelope(txn.topic, raw, { key: 'C-1001' }), { now: NOW })).toMatchObject({
      reason: 'non-integer-amount',
    });
  });
});
