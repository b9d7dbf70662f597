import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { decodeMessage } from '@churn/ingestion';
import type { RecordedInput } from '../engine/engine-input';

/** After any simulated business time: the clock-skew check must not refuse history. */
const FAR_FUTURE = new Date('2999-01-01T00:00:00Z');

export interface FeedCounts {
  lines: number;
  facts: number;
  rejected: number;
}

/**
 * The facts of an NDJSON feed (`{"topic","key","value"}` a line), decoded exactly as
 * `npm run ingest` decodes them — line n plays offset n of partition 0 — so each fact gets the
 * id ingestion would store it under, and the evidence ids of the backtest are real ids.
 */
export async function* feedFacts(path: string, counts: FeedCounts): AsyncGenerator<RecordedInput> {
  const lines = createInterface({ input: createReadStream(path), crlfDelay: Infinity });
  for await (const text of lines) {
    counts.lines += 1;
    if (text.trim() === '') continue;
    const line = JSON.parse(text) as { topic?: unknown; key?: unknown; value?: unknown };
    const value = typeof line.value === 'string' ? line.value : JSON.stringify(line.value ?? null);
    const decoded = decodeMessage(
      {
        topic: String(line.topic),
        partition: 0,
        offset: String(counts.lines),
        key: typeof line.key === 'string' ? Buffer.from(line.key) : null,
        value: Buffer.from(value),
        timestamp: '0',
      },
      { now: FAR_FUTURE },
    );
    if (decoded.kind !== 'facts') {
      counts.rejected += 1;
      continue;
    }
    for (const { stream, event } of decoded.appends) {
      counts.facts += 1;
      yield { ...event, stream };
    }
  }
}
