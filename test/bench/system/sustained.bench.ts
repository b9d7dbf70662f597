// Sustained rate through ingestion, the risk engine and alerting together: a simulated branch's
// history sent through Kafka into the three services (each its own process, one embedded store)
// as fast as they take it, a bank day at a time: each day is sent as soon as the previous day's
// facts are stored. (Poured in as one backlog instead, the 18 inbound partitions are consumed
// side by side, business days arrive out of order and the risk engine, which closes a day on the
// first fact of a later one, assesses almost nothing: fast, and wrong; see the backtest-match
// e2e spec.) The rate runs from the first day sent to the moment the risk engine and the
// alerting bridge have both passed the last customer event: every fact stored, folded,
// assessed, and every risk event turned into alert commands. Baseline: a consume-only kafkajs
// loop over the same messages in the same run.
//
// Memory of each process at the end of the run, against the same process idle after start-up.
import { waitUntil } from '@churn/messaging/testing';
import { simulatedBranchFeed } from '../../support/branch-feed';
import { TestProducer } from '../../support/expected-facts';
import { recreateInboundTopics } from '../../support/project-topics';
import type { BenchRow } from '../bench-table';
import { consumeOnly } from './kafka-baselines';
import { memoryOfAll, prepareSystemRun, timeFinish, type PipelineMemory } from './system-run';
const CUSTOMERS = Number(process.env['BENCH_SYSTEM_CUSTOMERS'] ?? 10_000);
const YEARS = Number(process.env['BENCH_SYSTEM_YEARS'] ?? 1);
const TARGET = 10_000;
const MIB = 1024 * 1024;

export async function sustainedBench(brokers: readonly string[]): Promise<BenchRow[]> {
  const feed = simulatedBranchFeed({ seed: 7, customers: CUSTOMERS, years: YEARS, churnRate: 1 });
  const messages = feed.days.flatMap((d) => d.messages);
  const run = await prepareSystemRun('sustained', brokers);
  try {
    // The baseline first, on its own topics' content: then the same topics are recreated empty.
    await run.producer.send(messages, 2_000);
    const baseline = await consumeOnly(run.kafka, messages.length);
    const factsPerMessage = feed.facts / messages.length;
    await recreateInboundTopics(run.kafka);
    await run.producer.close();

    await run.pipeline.startAll();
    const idle = await memoryOfAll(run.pipeline);
    const producer = new TestProducer(run.kafka);
    const started = performance.now();
    let sent = 0;
    try {
      for (const day of feed.days) {
        await producer.send(day.messages, 2_000);
        sent += day.facts;
        await waitUntil(() => run.watch.factsStored() >= sent, {
          timeoutMs: 120_000,
          intervalMs: 2,
          what: () => `${run.watch.factsStored()} of ${sent} facts stored`,
        });
      }
    } finally {
      await producer.close();
    }
    const finish = { ...(await timeFinish(run, feed.facts, 900_000)), firstFact: started };
    const end = await memoryOfAll(run.pipeline);
    const rate = (t: number): number => feed.facts / ((t - finish.firstFact) / 1000);
    const what = `${feed.facts.toLocaleString('en-US')} facts (${CUSTOMERS.toLocaleString('en-US')} customers × ${YEARS} year(s), ${messages.length.toLocaleString('en-US')} messages, a bank day at a time)`;
    const consumeOnlyFacts = baseline.messagesPerSecond * factsPerMessage;
    const rows: BenchRow[] = [
      {
        bench: 'system',
        measure: `sustained: ingestion + risk engine + alerting together, ${what}; baseline: consume-only kafkajs, same messages`,
        value: rate(finish.alerting),
        unit: 'events/s',
        baseline: consumeOnlyFacts,
        target: `>= ${TARGET.toLocaleString('en-US')} events/s`,
        met: rate(finish.alerting) >= TARGET,
      },
      {
        bench: 'system',
        measure: 'same run: every fact stored (ingestion)',
        value: rate(finish.stored),
        unit: 'events/s',
        baseline: consumeOnlyFacts,
      },
      {
        bench: 'system',
        measure: 'same run: risk engine caught up',
        value: rate(finish.risk),
        unit: 'events/s',
        baseline: consumeOnlyFacts,
      },
    ];
    const services = ['ingestion', 'risk-engine', 'alerting'] as const;
    for (const name of services) {
      const at = (m: PipelineMemory) => m[name];
      rows.push(
        {
          bench: 'system',
          measure: `memory at the end of the run: ${name} RSS; baseline: the same process idle after start`,
          value: at(end).rssBytes / MIB,
          unit: 'MiB',
          baseline: at(idle).rssBytes / MIB,
        },
        {
          bench: 'system',
          measure: `memory at the end of the run: ${name} V8 heap used`,
          value: at(end).heapUsedBytes / MIB,
          unit: 'MiB',
          baseline: at(idle).heapUsedBytes / MIB,
        },
      );
    }
    await run.pipeline.stopAll();
    return rows;
  } finally {
    await run.close();
  }
}
