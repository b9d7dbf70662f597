// Reads the latest dead letters back from the `<topic>.dlq` topics, newest first and paged, for
// the operations console: reason, source coordinates and the original bytes, from the headers
// the dead-letter publisher wrote. A throwaway consumer group subscribes at the end of each
// topic, seeks each partition back to the window it needs, reads it and leaves.
import { randomUUID } from 'node:crypto';
import type { Kafka } from 'kafkajs';
import { DeadLetterHeaders } from './dead-letter-headers';
import { headerText, toInboundMessage, type InboundMessage } from './inbound-message';

export interface DeadLetterRecord {
  readonly message: InboundMessage;
  readonly reason: string | null;
  readonly field: string | null;
  readonly detail: string | null;
  readonly source: {
    readonly topic: string | null;
    readonly partition: number | null;
    readonly offset: string | null;
  };
  readonly firstSeenAt: string | null;
}

export interface ReadDeadLettersOptions {
  /** The dead-letter topics (`dlqOf(topic)`); those that do not exist read as empty. */
  readonly topics: readonly string[];
  readonly limit: number;
  /** Per `topic/partition`, read only offsets below this (the `before` of the previous page). */
  readonly before?: Readonly<Record<string, string>>;
  readonly timeoutMs?: number;
}

export interface DeadLetterPage {
  /** Newest first (by the dead letter's own timestamp). */
  readonly letters: readonly DeadLetterRecord[];
  /** Pass as `before` for the next, older page; null when nothing older is left. */
  readonly before: Readonly<Record<string, string>> | null;
  /** False when `timeoutMs` ran out before every partition was read: the page may miss letters. */
  readonly complete: boolean;
}

interface Window {
  readonly topic: string;
  readonly partition: number;
  readonly low: bigint;
  readonly start: bigint;
  readonly end: bigint;
}

export async function readDeadLetters(
  kafka: Kafka,
  options: ReadDeadLettersOptions,
): Promise<DeadLetterPage> {
  const windows = await windowsOf(kafka, options);
  const { read, complete } = windows.some((w) => w.start < w.end)
    ? await readWindows(kafka, windows, options)
    : { read: [], complete: true };
  const letters = read
    .sort(
      (a, b) =>
        Number(b.timestamp) - Number(a.timestamp) ||
        a.topic.localeCompare(b.topic) ||
        a.partition - b.partition ||
        Number(BigInt(b.offset) - BigInt(a.offset)),
    )
    .slice(0, options.limit);
  const before: Record<string, string> = {};
  let older = false;
  for (const w of windows) {
    const shown = letters.filter((m) => m.topic === w.topic && m.partition === w.partition);
    const next = shown.reduce((low, m) => (BigInt(m.offset) < low ? BigInt(m.offset) : low), w.end);
    before[`${w.topic}/${w.partition}`] = String(next);
    if (next > w.low) older = true;
  }
  return { letters: letters.map(recordOf), before: older ? before : null, complete };
}

async function windowsOf(kafka: Kafka, options: ReadDeadLettersOptions): Promise<Window[]> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const existing = new Set(await admin.listTopics());
    const windows: Window[] = [];
    for (const topic of options.topics.filter((t) => existing.has(t)))
      for (const { partition, low, high } of await admin.fetchTopicOffsets(topic)) {
        const cursor = options.before?.[`${topic}/${partition}`];
        const end =
          cursor === undefined || BigInt(cursor) > BigInt(high) ? BigInt(high) : BigInt(cursor);
        const start =
          end - BigInt(options.limit) > BigInt(low) ? end - BigInt(options.limit) : BigInt(low);
        windows.push({ topic, partition, low: BigInt(low), start, end: end > start ? end : start });
      }
    return windows;
  } finally {
    await admin.disconnect();
  }
}

/** Every record of every non-empty window; the partial read if `timeoutMs` runs out first. */
async function readWindows(
  kafka: Kafka,
  windows: readonly Window[],
  options: ReadDeadLettersOptions,
): Promise<{ read: InboundMessage[]; complete: boolean }> {
  const wanted = windows.filter((w) => w.start < w.end);
  const pending = new Set(wanted.map((w) => `${w.topic}/${w.partition}`));
  const read: InboundMessage[] = [];
  const groupId = `dead-letter-reader-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 100 });
  let timer: NodeJS.Timeout | undefined;
  try {
    await consumer.connect();
    for (const topic of new Set(wanted.map((w) => w.topic)))
      await consumer.subscribe({ topic, fromBeginning: false });
    await new Promise<void>((resolve, reject) => {
      timer = setTimeout(resolve, options.timeoutMs ?? 10_000);
      void consumer
        .run({
          autoCommit: false,
          eachBatch: async ({ batch }) => {
            const w = wanted.find(
              (x) => x.topic === batch.topic && x.partition === batch.partition,
            );
            if (w === undefined) return;
            for (const m of batch.messages) {
              const offset = BigInt(m.offset);
              if (offset >= w.start && offset < w.end)
                read.push(toInboundMessage(batch.topic, batch.partition, m));
              if (offset >= w.end - 1n) pending.delete(`${w.topic}/${w.partition}`);
            }
            if (pending.size === 0) resolve();
          },
        })
        .then(() => {
          for (const w of wanted)
            consumer.seek({ topic: w.topic, partition: w.partition, offset: String(w.start) });
        }, reject);
    });
    return { read, complete: pending.size === 0 };
  } finally {
    clearTimeout(timer);
    await consumer.disconnect();
    const admin = kafka.admin();
    await admin.connect();
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}

function recordOf(message: InboundMessage): DeadLetterRecord {
  const text = (name: string) => headerText(message, name) ?? null;
  const partition = text(DeadLetterHeaders.sourcePartition);
  return {
    message,
    reason: text(DeadLetterHeaders.reason),
    field: text(DeadLetterHeaders.field),
    detail: text(DeadLetterHeaders.detail),
    source: {
      topic: text(DeadLetterHeaders.sourceTopic),
      partition: partition === null ? null : Number(partition),
      offset: text(DeadLetterHeaders.sourceOffset),
    },
    firstSeenAt: text(DeadLetterHeaders.firstSeenAt),
  };
}
