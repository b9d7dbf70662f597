// Sustained rate through ingestion, the risk engine and alerting together: a simulated branch's
// history sent through Kafka into the three services (each its own process, one embedded store)
// as fast as they take it, in business-day order as a live feed sends it: a few bank days in
// flight (BENCH_SYSTEM_DAYS_AHEAD, default 5: day d is sent once day d - 5 is stored), so the
// services never sit idle waiting for the producer. (Poured in as one backlog instead, the 18
// inbound partitions are consumed side by side months apart: a catch-up, not a live feed.) The
// same history is then run again one day at a time (each day sent once the previous one is
// stored), a round trip per day: the method of the sessions before the fifth. Each run's risk
// events are compared customer by customer with the backtest's on the days the engine closed,
// so a faster run that decided differently would show. The rate runs
// from the first day sent to the moment the risk engine and the alerting bridge have both passed
// the last customer event: every fact stored, folded, assessed, and every risk event turned into
// alert commands. Baseline: a consume-only kafkajs loop over the same messages in the same run.
//
// Memory of each process at the end of the run, against the same process idle after start-up.
import { createKafka } from '@churn/messaging';
import { waitUntil } from '@churn/messaging/testing';
import { DEFAULT_RISK_POLICY_FILE, loadRiskPolicy } from '@churn/risk';
import {
  differences,
  feedFacts,
  perCustomer,
  replayRisk,
  type RiskRow,
} from '../../support/backtest-prediction';
import { simulatedBranchFeed } from '../../support/branch-feed';
import { healthDetail, type RiskEngineDetail } from '../../support/pipeline-status';
import { readPipelineStore } from '../../support/pipeline-store';
import { TestProducer } from '../../support/expected-facts';
import { recreateInboundTopics } from '../../support/project-topics';
import type { BenchRow } from '../bench-table';
import { consumeOnly } from './kafka-baselines';
import { memoryOfAll, prepareSystemRun, timeFinish, type PipelineMemory } from './system-run';
const CUSTOMERS = Number(process.env['BENCH_SYSTEM_CUSTOMERS'] ?? 10_000);
const YEARS = Number(process.env['BENCH_SYSTEM_YEARS'] ?? 1);
const DAYS_AHEAD = Number(process.env['BENCH_SYSTEM_DAYS_AHEAD'] ?? 5);

const TARGET = 10_000;
const MIB = 1024 * 1024;

type Feed = ReturnType<typeof simulatedBranchFeed>;

interface SustainedRun {
  readonly rate: { readonly alerting: number; readonly stored: number; readonly risk: number };
  /** Risk events written, against the backtest's on the days the engine closed. */
  readonly risk: { readonly stored: number; readonly backtest: number; readonly openFrom: string };
  /** Customers whose risk events (type, day, band, score, signals) differ from the backtest's. */
  readonly customersDiffering: number;
  readonly alertsRaised: number;
  readonly idle: PipelineMemory;
  readonly end: PipelineMemory;
}

/** One run of the three services over `feed`, with `daysAhead` days sent before their predecessors are stored. */
async function runFeed(
  brokers: readonly string[],
  feed: Feed,
  backtest: readonly RiskRow[],
  daysAhead: number,
): Promise<SustainedRun> {
  const run = await prepareSystemRun(`sustained-${daysAhead}`, brokers);
  try {
    await run.pipeline.startAll();
    const idle = await memoryOfAll(run.pipeline);
    const started = performance.now();
    // storedBy[d]: facts of days 0..d together.
    const storedBy: number[] = [];
    for (const [d, day] of feed.days.entries()) {
      storedBy.push((storedBy[d - 1] ?? 0) + day.facts);
      const waitFor = storedBy[d - 1 - daysAhead];
      if (waitFor !== undefined)
        await waitUntil(() => run.watch.factsStored() >= waitFor, {
          timeoutMs: 120_000,
          intervalMs: 2,
          what: () => `${run.watch.factsStored()} of ${waitFor} facts stored`,
        });
      await run.producer.send(day.messages, 2_000);
    }
    const finish = { ...(await timeFinish(run, feed.facts, 900_000)), firstFact: started };
    const end = await memoryOfAll(run.pipeline);
    const rate = (t: number): number => feed.facts / ((t - finish.firstFact) / 1000);
    const clock = await healthDetail<RiskEngineDetail & { openFrom: string | null }>(
      run.pipeline.get('risk-engine'),
      'risk-engine',
    );
    await run.pipeline.stopAll();
    // A finite feed leaves its last days open (the watermark): compare the days the engine closed.
    const openFrom = clock?.openFrom ?? '9999-12-31';
    const closed = backtest.filter((r) => r.assessedOn < openFrom);
    const stored = await readPipelineStore(run.pipeline.storePath);
    return {
      rate: {
        alerting: rate(finish.alerting),
        stored: rate(finish.stored),
        risk: rate(finish.risk),
      },
      risk: { stored: stored.risk.length, backtest: closed.length, openFrom },
      customersDiffering: differences(perCustomer(closed), perCustomer(stored.risk), String).length,
      alertsRaised: stored.raised.size,
      idle,
      end,
    };
  } finally {
    await run.close();
  }
}

export async function sustainedBench(brokers: readonly string[]): Promise<BenchRow[]> {
  const feed = simulatedBranchFeed({ seed: 7, customers: CUSTOMERS, years: YEARS, churnRate: 1 });
  const messages = feed.days.flatMap((d) => d.messages);
  // The baseline first, on its own topics' content; each run then recreates the topics empty.
  const kafka = createKafka({
    brokers: [...brokers],
    clientId: 'bench-system-baseline',
    logLevel: 'nothing',
  });
  await recreateInboundTopics(kafka);
  const producer = new TestProducer(kafka);
  try {
    await producer.send(messages, 2_000);
  } finally {
    await producer.close();
  }
  const baseline = await consumeOnly(kafka, messages.length);
  const consumeOnlyFacts = (baseline.messagesPerSecond * feed.facts) / messages.length;

  // What the backtest decides for the same history in business order, in this process.
  const backtest = replayRisk(
    loadRiskPolicy(DEFAULT_RISK_POLICY_FILE),
    feedFacts(feed.messages),
  ).rows;
  const live = await runFeed(brokers, feed, backtest, DAYS_AHEAD);
  const lockstep = await runFeed(brokers, feed, backtest, 0);
  const what = `${feed.facts.toLocaleString('en-US')} facts (${CUSTOMERS.toLocaleString('en-US')} customers × ${YEARS} year(s), ${messages.length.toLocaleString('en-US')} messages)`;
  const decided = (r: SustainedRun): string =>
    `risk events ${r.risk.stored.toLocaleString('en-US')}, backtest ${r.risk.backtest.toLocaleString('en-US')} on the days closed (before ${r.risk.openFrom}), ${r.customersDiffering} customers differing; ${r.alertsRaised.toLocaleString('en-US')} alerts raised`;
  const rows: BenchRow[] = [
    {
      bench: 'system',
      measure: `sustained: ingestion + risk engine + alerting together, ${what}, in day order with ${DAYS_AHEAD} days in flight (${decided(live)}); baseline: consume-only kafkajs, same messages`,
      value: live.rate.alerting,
      unit: 'events/s',
      baseline: consumeOnlyFacts,
      target: `>= ${TARGET.toLocaleString('en-US')} events/s`,
      met: live.rate.alerting >= TARGET,
    },
    {
      bench: 'system',
      measure: 'same run: every fact stored (ingestion)',
      value: live.rate.stored,
      unit: 'events/s',
      baseline: consumeOnlyFacts,
    },
    {
      bench: 'system',
      measure: 'same run: risk engine caught up',
      value: live.rate.risk,
      unit: 'events/s',
      baseline: consumeOnlyFacts,
    },
    {
      bench: 'system',
      measure: `same history one day at a time, each day sent once the previous one is stored (${decided(lockstep)})`,
      value: lockstep.rate.alerting,
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
        value: at(live.end).rssBytes / MIB,
        unit: 'MiB',
        baseline: at(live.idle).rssBytes / MIB,
      },
      {
        bench: 'system',
        measure: `memory at the end of the run: ${name} V8 heap used`,
        value: at(live.end).heapUsedBytes / MIB,
        unit: 'MiB',
        baseline: at(live.idle).heapUsedBytes / MIB,
      },
    );
  }
  return rows;
}
