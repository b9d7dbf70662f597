import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@churn/event-store';
import { FactIngestionHandler, IN_THREAD_DECODER, WorkerDecoder } from '@churn/ingestion';
import {
  INBOUND_TOPICS,
  TopicConsumer,
  TopicNames,
  createKafka,
  type BatchHandler,
} from '@churn/messaging';
import { requireKafkaBroker, waitUntil } from '@churn/messaging/testing';
import Database from 'better-sqlite3';
import type { Kafka } from 'kafkajs';
import { batchCredits, customerId, payrollBatch, transaction } from '../support/bank-messages';
import { TestProducer } from '../support/expected-facts';
import { recreateInboundTopics } from '../support/project-topics';
import { percentile, type Benchmark, type BenchRow } from './bench-table';

/**
 * Ingestion end to end on the shared broker (127.0.0.1:9092, started if needed): messages
 * already sitting in Kafka → decode → durable in a fresh embedded SQLite store (synchronous
 * FULL), against a consume-only kafkajs loop over the same topic in the same run. The project's
 * inbound topics are recreated (the decoder routes by topic name), so do not run it next to the
 * system tests. 200,000 postings for 20,000 customers, keyed by customer, are produced before
 * anything is timed. Rates run from the first batch handed over to the last message counted
 * (consume-only) or stored (end to end), so group joins are not part of either.
 */
const MESSAGES = Number(process.env['BENCH_INGESTION_MESSAGES'] ?? 200_000);
const CUSTOMERS = 20_000;
const PAYROLL_CREDITS = 5_205; // employer A of Table 3.4: one payroll run as one batch message
const TARGET_RATE = 20_000;
const TARGET_RATIO = 0.6;
const TOPIC = TopicNames.coreBankingTransactions;

interface Config {
  readonly partitionsConsumedConcurrently: number;
  readonly maxChunkSize: number;
  /** Parse and validate on a worker thread (`WorkerDecoder`) instead of the consumer's. */
  readonly decodeOnWorker: boolean;
}

/** Tried in this order; the fastest is reported against the targets. */
const CONFIGS: readonly Config[] = [
  { partitionsConsumedConcurrently: 1, maxChunkSize: 500, decodeOnWorker: false },
  { partitionsConsumedConcurrently: 2, maxChunkSize: 500, decodeOnWorker: false },
  { partitionsConsumedConcurrently: 3, maxChunkSize: 500, decodeOnWorker: false },
  { partitionsConsumedConcurrently: 2, maxChunkSize: 1_000, decodeOnWorker: false },
  { partitionsConsumedConcurrently: 3, maxChunkSize: 2_000, decodeOnWorker: false },
  // Two chunks in flight at least, so one decodes on the worker while the other appends.
  { partitionsConsumedConcurrently: 2, maxChunkSize: 500, decodeOnWorker: true },
  { partitionsConsumedConcurrently: 3, maxChunkSize: 500, decodeOnWorker: true },
  { partitionsConsumedConcurrently: 3, maxChunkSize: 1_000, decodeOnWorker: true },
];

const FETCH = { maxBytesPerPartition: 8 * 1024 * 1024, maxBytes: 10 * 1024 * 1024 } as const;

const describeConfig = (c: Config): string =>
  `${c.partitionsConsumedConcurrently} partition(s) concurrently, chunks of ≤ ${c.maxChunkSize}` +
  (c.decodeOnWorker ? ', decoding on a worker thread' : '');

/** A plain kafkajs consumer whose eachBatch only counts: the ceiling for any consumer here. */
async function consumeOnly(kafka: Kafka, concurrency: number): Promise<number> {
  const groupId = `bench-consume-only-${randomUUID()}`;
  const consumer = kafka.consumer({ groupId, maxWaitTimeInMs: 1_000, ...FETCH });
  let seen = 0;
  let first = 0;
  let last = 0;
  try {
    await consumer.connect();
    await consumer.subscribe({ topic: TOPIC, fromBeginning: true });
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`consume-only: ${seen} of ${MESSAGES}`)),
        300_000,
      );
      consumer
        .run({
          autoCommit: false,
          partitionsConsumedConcurrently: concurrency,
          eachBatch: async ({ batch }) => {
            if (first === 0) first = performance.now();
            seen += batch.messages.length;
            if (seen >= MESSAGES && last === 0) {
              last = performance.now();
              clearTimeout(timer);
              resolve();
            }
          },
        })
        // run() resolves once the member has joined: the clock starts there, as for TopicConsumer.
        .then(() => (first = first === 0 ? performance.now() : first), reject);
    });
  } finally {
    await consumer.disconnect();
    await deleteGroup(kafka, groupId);
  }
  return (MESSAGES / (last - first)) * 1000;
}

interface EndToEnd {
  readonly config: Config;
  readonly rate: number;
  readonly appendMs: readonly number[];
  readonly chunkSizes: readonly number[];
  readonly payrollMs: number;
  readonly burstAppendMs?: readonly number[];
}

/**
 * TopicConsumer + FactIngestionHandler into a fresh store, as the ingestion service wires them,
 * until the store holds every posting; with `burst`, then one payroll batch, timed from produce
 * to its last credit stored (the payroll topic holds nothing else, so the count is exact).
 */
async function endToEnd(kafka: Kafka, config: Config, burst: boolean): Promise<EndToEnd> {
  const dir = mkdtempSync(join(tmpdir(), 'bench-ingestion-'));
  const path = join(dir, 'events.db');
  const store = SqliteEventStore.open(path);
  const reader = new Database(path, { readonly: true });
  const maxPosition = reader.prepare('SELECT coalesce(max(position), 0) AS n FROM events');
  const stored = (): number => (maxPosition.get() as { n: number }).n;
  const appendMs: number[] = [];
  const chunkSizes: number[] = [];
  const decoder = config.decodeOnWorker ? new WorkerDecoder() : IN_THREAD_DECODER;
  // The thread starts (and, from TypeScript sources, compiles) before the clock does.
  await decoder.decode([], { now: new Date() });
  const handler = new FactIngestionHandler(
    store,
    () => new Date(),
    {},
    {
      onAppended: (ms, messages) => {
        appendMs.push(ms);
        chunkSizes.push(messages);
      },
    },
    decoder,
  );
  let first = 0;
  const timed: BatchHandler = {
    handle: (messages) => {
      if (first === 0) first = performance.now();
      return handler.handle(messages);
    },
  };
  const consumer = new TopicConsumer({
    kafka,
    groupId: `bench-ingestion-${randomUUID()}`,
    topics: INBOUND_TOPICS,
    handler: timed,
    maxValueBytes: 8 * 1024 * 1024,
    ...FETCH,
    ...config,
  });
  try {
    // start() resolves once the member has joined: the clock starts there, as for consume-only.
    await consumer.start();
    first = first === 0 ? performance.now() : first;
    await waitUntil(() => stored() >= MESSAGES, {
      timeoutMs: 600_000,
      intervalMs: 10,
      what: () => `end to end: ${stored()} of ${MESSAGES} stored`,
    });
    const rate = (MESSAGES / (performance.now() - first)) * 1000;
    const postings = (reader.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    if (postings !== MESSAGES)
      throw new Error(`store holds ${postings} events, expected ${MESSAGES}`);
    const steadyAppends = appendMs.length;

    if (!burst) return { config, rate, appendMs, chunkSizes, payrollMs: Number.NaN };
    // Payroll day: one employer's run as one batch message, from produce to all credits stored.
    const producer = new TestProducer(kafka);
    const burstStart = performance.now();
    try {
      await producer.send([
        payrollBatch('E-A', `E-A-${randomUUID().slice(0, 8)}`, batchCredits(0, PAYROLL_CREDITS)),
      ]);
    } finally {
      await producer.close();
    }
    await waitUntil(() => stored() >= MESSAGES + PAYROLL_CREDITS, {
      timeoutMs: 120_000,
      intervalMs: 5,
      what: () => `payroll burst: ${stored() - MESSAGES} of ${PAYROLL_CREDITS} stored`,
    });
    const payrollMs = performance.now() - burstStart;
    const count = (reader.prepare('SELECT count(*) AS n FROM events').get() as { n: number }).n;
    if (count !== MESSAGES + PAYROLL_CREDITS)
      throw new Error(`store holds ${count} events, expected ${MESSAGES + PAYROLL_CREDITS}`);
    return {
      config,
      rate,
      appendMs: appendMs.slice(0, steadyAppends),
      chunkSizes: chunkSizes.slice(0, steadyAppends),
      payrollMs,
      burstAppendMs: appendMs.slice(steadyAppends),
    };
  } finally {
    await consumer.stop();
    await handler.close();
    reader.close();
    store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function deleteGroup(kafka: Kafka, groupId: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await admin.deleteGroups([groupId]).catch(() => undefined);
  } finally {
    await admin.disconnect();
  }
}

async function produceBacklog(kafka: Kafka): Promise<number> {
  const producer = new TestProducer(kafka);
  const started = performance.now();
  try {
    const slice = 20_000;
    for (let from = 0; from < MESSAGES; from += slice) {
      const messages = Array.from({ length: Math.min(slice, MESSAGES - from) }, (_, k) => {
        const i = from + k;
        return transaction(i, customerId(i % CUSTOMERS), 'BENCH');
      });
      await producer.send(messages, 1_000);
    }
  } finally {
    await producer.close();
  }
  return (MESSAGES / (performance.now() - started)) * 1000;
}

const log = (line: string): void => void process.stderr.write(`  ingestion: ${line}\n`);

export const ingestionBenchmark: Benchmark = {
  name: 'ingestion',
  async run(): Promise<readonly BenchRow[]> {
    const { brokers } = await requireKafkaBroker();
    const kafka = createKafka({ brokers, clientId: 'bench-ingestion', logLevel: 'error' });
    await recreateInboundTopics(kafka);
    const produceRate = await produceBacklog(kafka);
    log(
      `produced ${MESSAGES.toLocaleString('en-US')} postings at ${Math.round(produceRate)} msg/s`,
    );

    // The baseline twice (JIT and page cache warm up on the first), the best one kept: the
    // ratio is then the conservative one.
    const consumeRates: number[] = [];
    for (const concurrency of [1, 3]) {
      consumeRates.push(await consumeOnly(kafka, concurrency));
      log(
        `consume-only (${concurrency} concurrently): ${Math.round(consumeRates.at(-1) ?? 0)} msg/s`,
      );
    }

    const runs: EndToEnd[] = [];
    for (const config of CONFIGS) {
      runs.push(await endToEnd(kafka, config, false));
      const run = runs.at(-1) as EndToEnd;
      log(
        `end to end, ${describeConfig(config)}: ${Math.round(run.rate)} msg/s, append p50 ` +
          `${percentile(run.appendMs, 50).toFixed(1)} ms p99 ${percentile(run.appendMs, 99).toFixed(1)} ms`,
      );
    }
    // The fastest configuration once more, on its own fresh store: that run is the one reported
    // against the targets (not the luckiest of several), and it ends with the payroll burst.
    const fastest = runs.reduce((a, b) => (b.rate > a.rate ? b : a));
    const best = await endToEnd(kafka, fastest.config, true);
    log(
      `confirmation, ${describeConfig(best.config)}: ${Math.round(best.rate)} msg/s; payroll burst ` +
        `${(best.payrollMs / 1000).toFixed(2)} s`,
    );
    // One more consume-only pass after the end-to-end runs, so drift in the machine shows.
    consumeRates.push(await consumeOnly(kafka, 1));
    log(`consume-only again: ${Math.round(consumeRates.at(-1) ?? 0)} msg/s`);
    const baseline = Math.max(...consumeRates);
    const ratio = best.rate / baseline;
    const meanChunk =
      best.chunkSizes.reduce((a, b) => a + b, 0) / Math.max(1, best.chunkSizes.length);
    const bench = 'ingestion';
    const n = MESSAGES.toLocaleString('en-US');
    return [
      {
        bench,
        measure: `consume-only kafkajs loop (eachBatch counts), ${n} messages, best of ${consumeRates.length}`,
        value: baseline,
        unit: 'messages/s',
      },
      ...runs.map((run): BenchRow => ({
        bench,
        measure: `end to end, trying ${describeConfig(run.config)}`,
        value: run.rate,
        unit: 'messages/s',
        baseline,
      })),
      {
        bench,
        measure: `end to end Kafka → durable in SQLite (FULL), fastest configuration rerun: ${describeConfig(best.config)}`,
        value: best.rate,
        unit: 'messages/s',
        baseline,
        target: '>= 20,000 messages/s',
        met: best.rate >= TARGET_RATE,
      },
      {
        bench,
        measure: 'end to end as a share of consume-only',
        value: ratio * 100,
        unit: '%',
        target: '>= 60% of consume-only',
        met: ratio >= TARGET_RATIO,
      },
      {
        bench,
        measure: `append latency per chunk (mean ${Math.round(meanChunk)} messages), p50`,
        value: percentile(best.appendMs, 50),
        unit: 'ms',
      },
      {
        bench,
        measure: `append latency per chunk (mean ${Math.round(meanChunk)} messages), p99`,
        value: percentile(best.appendMs, 99),
        unit: 'ms',
      },
      {
        bench,
        measure: `payroll burst: one batch of ${PAYROLL_CREDITS.toLocaleString('en-US')} credits (employer A), produce → all stored`,
        value: best.payrollMs / 1000,
        unit: 's',
      },
    ];
  },
};
