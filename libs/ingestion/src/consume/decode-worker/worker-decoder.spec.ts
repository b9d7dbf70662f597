import { decodeMessage } from '../../inbound/decode-message';
import type { InboundEnvelope } from '../../inbound/inbound-envelope';
import { MALFORMED_MESSAGES } from '../../testing/malformed-messages';
import { CONTRACT_EXAMPLES, NOW, envelope } from '../../testing/messages';
import { OFFENDING_MESSAGES } from '../../testing/offending-messages';
import { WorkerDecoder } from './worker-decoder';

const RECORDS: readonly InboundEnvelope[] = [
  ...CONTRACT_EXAMPLES.map((e, i) =>
    envelope(e.topic, e.value, { key: e.key, offset: String(100 + i) }),
  ),
  ...MALFORMED_MESSAGES.map(([, record]) => record),
  ...OFFENDING_MESSAGES.map(([, record]) => record),
];

// Starting the thread compiles the decoder from TypeScript sources under Jest: seconds.
jest.setTimeout(60_000);

describe('decoding a chunk on the worker thread', () => {
  let decoder: WorkerDecoder;
  beforeEach(() => {
    decoder = new WorkerDecoder();
  });
  afterEach(() => decoder.close());

  it('gives every record the verdict and facts decodeMessage gives on this thread', async () => {
    const decoded = await decoder.decode(RECORDS, { now: NOW, limits: { maxBatchCredits: 3 } });
    const expected = RECORDS.map((r) =>
      decodeMessage(r, { now: NOW, limits: { maxBatchCredits: 3 } }),
    );
    expect(decoded).toEqual(expected);
    expect(decoded.some((d) => d.kind === 'facts')).toBe(true);
    expect(decoded.some((d) => d.kind === 'rejected')).toBe(true);
  });

  it('answers chunks sent together each with its own records', async () => {
    const halves = [RECORDS.slice(0, 7), RECORDS.slice(7)];
    const [first, second] = await Promise.all(halves.map((h) => decoder.decode(h, { now: NOW })));
    expect(first).toHaveLength(7);
    expect(second).toEqual(halves[1]?.map((r) => decodeMessage(r, { now: NOW })));
  });

  it('fails the chunks in flight when its thread dies, and starts a new thread for the next', async () => {
    await decoder.decode(RECORDS.slice(0, 1), { now: NOW });
    // Thousands of records: the thread is stopped long before it could have answered them.
    const many = Array.from({ length: 200 }, () => RECORDS).flat();
    const inFlight = decoder.decode(many, { now: NOW });
    const thread = (decoder as unknown as { worker: { terminate(): Promise<number> } }).worker;
    void thread.terminate();
    await expect(inFlight).rejects.toThrow(/exited/);
    await expect(decoder.decode(RECORDS.slice(0, 2), { now: NOW })).resolves.toHaveLength(2);
  });

  it('refuses work once closed', async () => {
    await decoder.close();
    await expect(decoder.decode(RECORDS, { now: NOW })).rejects.toThrow(/closed/);
  });
});
