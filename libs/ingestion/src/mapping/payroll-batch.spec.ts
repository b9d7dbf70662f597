import { decodeMessage } from '../inbound/decode-message';
import type { Decoded, FactAppend } from '../inbound/inbound-envelope';
import { NOW, envelope, exampleNamed } from '../testing/messages';

const batch = exampleNamed("an employer's payroll batch");
const credit = exampleNamed("one employee's salary");
const run = { ...batch.value, credits: undefined };

const appendsOf = (decoded: Decoded): readonly FactAppend[] => {
  if (decoded.kind !== 'facts') throw new Error(`rejected: ${JSON.stringify(decoded)}`);
  return decoded.appends;
};

const credits = (count: number) =>
  Array.from({ length: count }, (_, i) => ({
    customerId: `C-${2000 + ((i * 7919) % count)}`,
    accountId: `A-${i}`,
    amountMinor: 100_000 + i,
  }));

const decodeBatch = (value: object, offset = '1042') =>
  appendsOf(decodeMessage(envelope(batch.topic, value, { key: 'E-A', offset }), { now: NOW }));

describe("an employer's payroll batch", () => {
  const large = { ...batch.value, credits: credits(10_000) };

  it('is split into one credit per employee, each in its own customer stream, in batch order', () => {
    const appends = decodeBatch(large);
    expect(appends).toHaveLength(10_000);
    expect(appends.map((a) => a.stream)).toEqual(
      large.credits.map((c) => `customer-${c.customerId}`),
    );
    expect(appends.map((a) => (a.event.data as { accountId: string }).accountId)).toEqual(
      large.credits.map((c) => c.accountId),
    );
    expect(new Set(appends.map((a) => a.event.id)).size).toBe(10_000);
  });

  it('splits the same way every time: same input, same ids, same order', () => {
    expect(decodeBatch(large).map((a) => a.event.id)).toEqual(
      decodeBatch(large).map((a) => a.event.id),
    );
  });

  it('keeps its ids when redelivered at another offset', () => {
    expect(decodeBatch(batch.value, '9').map((a) => a.event.id)).toEqual(
      decodeBatch(batch.value, '1042').map((a) => a.event.id),
    );
  });

  it('gives each credit the id its per-employee message gives it, whichever form arrives', () => {
    const [first] = decodeBatch(batch.value);
    const single = appendsOf(
      decodeMessage(envelope(credit.topic, credit.value, { key: 'C-1001', offset: '77' }), {
        now: NOW,
      }),
    );
    expect(single).toHaveLength(1);
    expect(single[0]?.event.id).toBe(first?.event.id);
    expect(single[0]?.event.data).toEqual(first?.event.data);
  });

  it('gives every credit of the batch the id of the matching per-employee message', () => {
    const batchIds = decodeBatch(batch.value).map((a) => a.event.id);
    const singleIds = (batch.value['credits'] as readonly Record<string, unknown>[]).map((c) => {
      const value = { ...run, kind: 'credit', ...c };
      const decoded = decodeMessage(
        envelope(credit.topic, value, { key: String(c['customerId']) }),
        { now: NOW },
      );
      return appendsOf(decoded)[0]?.event.id;
    });
    expect(singleIds).toEqual(batchIds);
  });

  it('credits another account of the same customer separately', () => {
    const twoAccounts = [
      { customerId: 'C-1', accountId: 'A-1', amountMinor: 1 },
      { customerId: 'C-1', accountId: 'A-2', amountMinor: 2 },
    ];
    const appends = decodeBatch({ ...batch.value, credits: twoAccounts });
    expect(appends.map((a) => a.stream)).toEqual(['customer-C-1', 'customer-C-1']);
    expect(appends[0]?.event.id).not.toBe(appends[1]?.event.id);
  });

  it('is a different run when its batch id differs, so next month books again', () => {
    const june = decodeBatch({ ...batch.value, batchId: 'E-A-2024-06', payPeriod: '2024-06' });
    const may = decodeBatch(batch.value);
    expect(june.map((a) => a.event.id)).not.toEqual(may.map((a) => a.event.id));
  });

  it('may come without a key', () => {
    const decoded = decodeMessage(envelope(batch.topic, batch.value, { key: null }), { now: NOW });
    expect(decoded.kind).toBe('facts');
  });
});
