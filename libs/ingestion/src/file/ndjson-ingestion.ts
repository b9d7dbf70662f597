import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { EventStore } from '@churn/event-store';
import { rejected, type InboundMessage, type Rejected, type Verdict } from '@churn/messaging';
import { FactIngestionHandler } from '../consume/fact-ingestion.handler';

/** One line of an NDJSON feed: what would have been one Kafka record. */
export interface FeedLine {
  readonly topic: string;
  readonly key: string | null;
  readonly value: unknown;
}

export interface FileIngestionReport {
  readonly lines: number;
  readonly stored: number;
  readonly deadLettered: number;
}

export interface FileIngestionOptions {
  readonly deadLetterPath: string;
  readonly now: () => Date;
  readonly chunkSize?: number;
  readonly onChunk?: (report: FileIngestionReport) => void;
}

/**
 * `npm run ingest -- feed.ndjson`: the same validation and idempotent append as the Kafka path,
 * for a file. Line n plays the part of offset n on partition 0 of its topic, so ingesting the
 * same file twice stores nothing new. Rejected lines go to the dead-letter file with the reason,
 * the field and the original line, untouched.
 */
export const ingestNdjsonFile = async (
  path: string,
  store: EventStore,
  options: FileIngestionOptions,
): Promise<FileIngestionReport> => {
  const handler = new FactIngestionHandler(store, options.now);
  const deadLetters = createWriteStream(options.deadLetterPath, { flags: 'a' });
  const totals = { lines: 0, stored: 0, deadLettered: 0 };
  let chunk: { line: number; text: string }[] = [];
  const flush = async (): Promise<void> => {
    const parsed = chunk.map(({ line, text }) => asMessage(line, text));
    const messages = parsed.filter((p): p is InboundMessage => !('kind' in p));
    const verdicts = await handler.handle(messages);
    const decided = verdicts[Symbol.iterator]();
    parsed.forEach((p, i) =>
      settle('kind' in p ? p : (decided.next().value as Verdict), chunk[i], deadLetters, totals),
    );
    chunk = [];
    options.onChunk?.({ ...totals });
  };
  for await (const text of createInterface({
    input: createReadStream(path),
    crlfDelay: Infinity,
  })) {
    totals.lines++;
    if (text.trim() === '') continue;
    chunk.push({ line: totals.lines, text });
    if (chunk.length >= (options.chunkSize ?? 1_000)) await flush();
  }
  if (chunk.length > 0) await flush();
  await new Promise<void>((resolve, reject) =>
    deadLetters.end((error?: Error | null) => (error ? reject(error) : resolve())),
  );
  return totals;
};

/** A line that is not `{topic, key, value}` JSON is dead-lettered before any decoding. */
const asMessage = (line: number, text: string): InboundMessage | Rejected => {
  let parsed: Partial<FeedLine>;
  try {
    parsed = JSON.parse(text) as Partial<FeedLine>;
  } catch (error) {
    return rejected('malformed-json', { detail: `line ${line}: ${(error as Error).message}` });
  }
  if (typeof parsed !== 'object' || parsed === null || typeof parsed.topic !== 'string')
    return rejected('schema-violation', {
      field: 'topic',
      detail: `line ${line}: a feed line is {"topic","key","value"}`,
    });
  const value =
    typeof parsed.value === 'string' ? parsed.value : JSON.stringify(parsed.value ?? null);
  return {
    topic: parsed.topic,
    partition: 0,
    offset: String(line),
    key: typeof parsed.key === 'string' ? Buffer.from(parsed.key) : null,
    value: Buffer.from(value),
    headers: {},
    timestamp: '0',
  };
};

const settle = (
  verdict: Verdict,
  entry: { line: number; text: string } | undefined,
  deadLetters: WriteStream,
  totals: { stored: number; deadLettered: number },
): void => {
  if (verdict.kind === 'accepted') {
    totals.stored++;
    return;
  }
  totals.deadLettered++;
  const { reason, field, detail } = verdict;
  deadLetters.write(
    `${JSON.stringify({ line: entry?.line, reason, field, detail, original: entry?.text })}\n`,
  );
};
