import { decodeMessage } from './decode-message';
import { REJECTION_REASONS } from './rejection';
import { BATCH, MALFORMED_MESSAGES, TXN } from '../testing/malformed-messages';
import { OFFENDING_MESSAGES } from '../testing/offending-messages';
import { NOW, exampleEnvelope } from '../testing/messages';

const rows = [...MALFORMED_MESSAGES, ...OFFENDING_MESSAGES];

describe('a message that breaks its contract', () => {
  const cases = rows.map(
    ([situation, record, reason, field]) =>
      [situation, reason, field ?? 'the whole message', record, field] as const,
  );
  it.each(cases)('%s is rejected as %s on %s', (_situation, reason, _shown, record, field) => {
    const decoded = decodeMessage(record, { now: NOW });
    expect(decoded).toEqual({
      kind: 'rejected',
      reason,
      ...(field === undefined ? {} : { field }),
      detail: expect.any(String),
    });
  });

  it('is refused for each reason code somewhere in this table', () => {
    expect(new Set(rows.map(([, , reason]) => reason))).toEqual(new Set(REJECTION_REASONS));
  });
});

describe('the limits', () => {
  it('refuses a batch with more credits than the limit, before building it', () => {
    const decoded = decodeMessage(exampleEnvelope(BATCH), {
      now: NOW,
      limits: { maxBatchCredits: 1 },
    });
    expect(decoded).toMatchObject({ kind: 'rejected', reason: 'oversized', field: 'credits' });
  });

  it('tolerates a clock skew of exactly the limit, and the limit can be set', () => {
    const ahead = exampleEnvelope(TXN, {
      occurredAt: new Date(NOW.getTime() + 300_000).toISOString(),
    });
    expect(decodeMessage(ahead, { now: NOW }).kind).toBe('facts');
    expect(decodeMessage(ahead, { now: NOW, limits: { maxClockSkewMs: 60_000 } })).toMatchObject({
      reason: 'clock-skew',
    });
  });

  it('accepts facts from long ago: late facts are still facts', () => {
    expect(
      decodeMessage(exampleEnvelope(TXN, { occurredAt: '2001-01-01T00:00:00Z' }), { now: NOW })
        .kind,
    ).toBe('facts');
  });

  it('lets the message size limit be set', () => {
    expect(
      decodeMessage(exampleEnvelope(TXN), { now: NOW, limits: { maxMessageBytes: 100 } }),
    ).toMatchObject({ reason: 'oversized' });
  });
});
