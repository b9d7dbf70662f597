import { posted } from '@churn/domain-customer/testing';
import type { RecordedInput } from '../engine/engine-input';
import { recordedFacts } from './engine-run';

/** The recorded event with Kafka coordinates in its metadata, as ingestion stores them. */
export const withSource = (
  r: RecordedInput,
  topic: string,
  partition: number,
  offset: number,
): RecordedInput => ({
  ...r,
  metadata: { ...r.metadata, source: { topic, partition, offset: String(offset) } },
});

/** A Kafka-like key hash: one customer's facts always go to the same partition. */
const partitionOf = (customerId: string, partitions: number): number =>
  [...customerId].reduce((h, c) => (h * 31 + c.charCodeAt(0)) >>> 0, 7) % partitions;

/** The topic of a fact and its partitions here (fewer than deploy/'s, for small tests). */
export const topicOf = (type: string): readonly [string, number] =>
  type === 'PayrollCredited'
    ? ['payroll.disbursements.v1', 2]
    : type === 'TransactionPosted'
      ? ['corebanking.transactions.v1', 3]
      : ['crm.interactions.v1', 2];

/**
 * A feed spread over seven Kafka-like partitions by customer, each in the feed's order, with
 * offsets; every partition ends with one fact at `endsAt` (after the feed), so that every
 * interleaving of the partitions leaves the engine with the same days closed.
 */
export const partitioned = (feed: readonly RecordedInput[], endsAt: string): RecordedInput[][] => {
  const bySource = new Map<string, { topic: string; partition: number; list: RecordedInput[] }>();
  for (const r of feed) {
    const [topic, partitions] = topicOf(r.type);
    const partition = partitionOf((r.data as { customerId: string }).customerId, partitions);
    const key = `${topic}/${partition}`;
    const source = bySource.get(key) ?? { topic, partition, list: [] };
    source.list.push(withSource(r, topic, partition, source.list.length));
    bySource.set(key, source);
  }
  return [...bySource.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, { topic, partition, list }], i) => {
      const [end] = recordedFacts([
        posted(`end-${i}`, `end-${i}-cur`, -1, endsAt, { channel: 'pos' }),
      ]);
      return [...list, withSource(end as RecordedInput, topic, partition, list.length)];
    });
};

/** Round by round, each partition not yet drained gives `chunk(source, round)` facts in turn. */
export const roundRobin = (
  sources: readonly (readonly RecordedInput[])[],
  chunk: (source: number, round: number) => number = () => 1,
  order: (round: number) => readonly number[] = () => sources.map((_, i) => i),
): RecordedInput[] => {
  const next = sources.map(() => 0);
  const out: RecordedInput[] = [];
  const all = sources.reduce((n, list) => n + list.length, 0);
  for (let round = 0; out.length < all; round++)
    for (const s of order(round)) {
      const list = sources[s] as readonly RecordedInput[];
      const from = next[s] as number;
      const n = Math.max(1, chunk(s, round));
      out.push(...list.slice(from, from + n));
      next[s] = Math.min(list.length, from + n);
    }
  return out;
};
