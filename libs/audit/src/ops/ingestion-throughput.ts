import type { Metrics } from '@churn/observability';

/** The ingestion series (libs/ingestion `ingestionObserver`) read back from this process's registry. */
export const INGESTION_SERIES = {
  consumed: 'ingestion_messages_consumed_total',
  stored: 'ingestion_messages_appended_total',
  deadLettered: 'ingestion_messages_dead_lettered_total',
  lag: 'ingestion_consumer_lag',
  committed: 'ingestion_committed_offset',
} as const;

export interface MessageCounts {
  readonly consumed: number;
  readonly stored: number;
  readonly deadLettered: number;
}

export interface IngestionFigures {
  /** Whether an ingestion consumer runs in this process (its series exist in the registry). */
  readonly consumerInProcess: boolean;
  readonly totals: MessageCounts;
  readonly byTopic: readonly ({ readonly topic: string } & MessageCounts)[];
  readonly deadLetteredByReason: readonly {
    readonly topic: string;
    readonly reason: string;
    readonly count: number;
  }[];
  /** Per partition this process's consumer owns: messages behind the end, next offset to read. */
  readonly lag: readonly {
    readonly topic: string;
    readonly partition: number;
    readonly lag: number;
    readonly committedOffset: number | null;
  }[];
}

interface Sample {
  readonly labels: Readonly<Record<string, string | number | undefined>>;
  readonly value: number;
}

/** The current values of one series; null when nothing in this process defined it. */
const samples = async (
  metrics: Metrics | undefined,
  name: string,
): Promise<readonly Sample[] | null> => {
  const metric = metrics?.registry.getSingleMetric(name);
  return metric === undefined ? null : (await metric.get()).values;
};

const text = (value: string | number | undefined): string => String(value ?? '');

/** Totals by topic (and reason), lag and committed offsets, as Prometheus would scrape them. */
export const readIngestionFigures = async (
  metrics: Metrics | undefined,
): Promise<IngestionFigures> => {
  const [consumed, stored, deadLettered, lag, committed] = await Promise.all(
    Object.values(INGESTION_SERIES).map((name) => samples(metrics, name)),
  );
  const topics = new Map<string, { consumed: number; stored: number; deadLettered: number }>();
  const add = (series: readonly Sample[] | null, key: keyof MessageCounts) => {
    for (const s of series ?? []) {
      const topic = text(s.labels['topic']);
      const counts = topics.get(topic) ?? { consumed: 0, stored: 0, deadLettered: 0 };
      counts[key] += s.value;
      topics.set(topic, counts);
    }
  };
  add(consumed ?? null, 'consumed');
  add(stored ?? null, 'stored');
  add(deadLettered ?? null, 'deadLettered');
  const byTopic = [...topics].map(([topic, counts]) => ({ topic, ...counts }));
  const offsets = new Map(
    (committed ?? []).map((s) => [
      `${text(s.labels['topic'])}/${text(s.labels['partition'])}`,
      s.value,
    ]),
  );
  return {
    consumerInProcess: consumed !== null && consumed !== undefined,
    totals: {
      consumed: byTopic.reduce((n, t) => n + t.consumed, 0),
      stored: byTopic.reduce((n, t) => n + t.stored, 0),
      deadLettered: byTopic.reduce((n, t) => n + t.deadLettered, 0),
    },
    byTopic: byTopic.sort((a, b) => a.topic.localeCompare(b.topic)),
    deadLetteredByReason: (deadLettered ?? [])
      .map((s) => ({
        topic: text(s.labels['topic']),
        reason: text(s.labels['reason']),
        count: s.value,
      }))
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.reason.localeCompare(b.reason)),
    lag: (lag ?? [])
      .map((s) => {
        const [topic, partition] = [text(s.labels['topic']), text(s.labels['partition'])];
        return {
          topic,
          partition: Number(partition),
          lag: s.value,
          committedOffset: offsets.get(`${topic}/${partition}`) ?? null,
        };
      })
      .sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition),
  };
};
