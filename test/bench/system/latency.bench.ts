// Event-to-alert latency at 1,000 events/s (a large bank's peak hour): a simulated branch's
// feed produced in business-time order at a steady 1,000 facts a second into the three services
// (each its own process, one embedded store). The risk engine assesses a bank day when the first
// fact of the next day arrives (business time, ARCHITECTURE.md principle 4), so an alert's
// "event" is that fact: each alert event the bridge appends names its risk event
// (metadata.causationId), which names the fact that closed the day; the latency runs from that
// fact's Kafka record timestamp (CreateTime: when the producer sent it) to the alert event's
// recordedAt in the store. Baseline: the same records' latency to a plain kafkajs consumer that
// follows the topics live in the same run.
import type { RecordedEvent } from '@churn/event-store';
import { simulatedBranchFeed } from '../../support/branch-feed';
import type { TopicMessage } from '../../support/bank-messages';
import { readAllEvents } from '../../support/store-reader';
import { percentile, type BenchRow } from '../bench-table';
import { followLive, type SendTimes } from './kafka-baselines';
import { prepareSystemRun, timeFinish } from './system-run';

const RATE = Number(process.env['BENCH_SYSTEM_RATE'] ?? 1_000);
const CUSTOMERS = Number(process.env['BENCH_SYSTEM_LATENCY_CUSTOMERS'] ?? 1_000);
const TARGET_P99_MS = 1_000;
const SLICES_PER_SECOND = 10;

const ALERT_UPDATES = new Set([
  'RetentionAlertRaised',
  'RetentionAlertRiskMerged',
  'RetentionAlertRiskEased',
  'RetentionAlertReopened',
]);

/** Sends the feed at `RATE` facts a second, in slices; returns the rate achieved. */
async function pace(
  send: (messages: readonly TopicMessage[]) => Promise<void>,
  slices: readonly { messages: TopicMessage[]; facts: number }[],
): Promise<number> {
  const started = performance.now();
  let facts = 0;
  for (const slice of slices) {
    await send(slice.messages);
    facts += slice.facts;
    const due = started + (facts / RATE) * 1000;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  return facts / ((performance.now() - started) / 1000);
}

/** Latency of each alert event (or risk event) from the Kafka send of the fact that closed the day. */
function latencies(events: readonly RecordedEvent[], sendTimes: SendTimes) {
  const byId = new Map(events.map((e) => [e.id, e]));
  const sentAt = (factId: unknown): number | undefined => {
    const source = byId.get(String(factId))?.metadata['source'] as
      { topic: string; partition: number; offset: string } | undefined;
    return source && sendTimes.get(`${source.topic}/${source.partition}/${source.offset}`);
  };
  const risk: number[] = [];
  const raised: number[] = [];
  const updates: number[] = [];
  for (const e of events) {
    if (e.type.startsWith('ChurnRisk')) {
      const sent = sentAt(e.metadata.causationId);
      if (sent !== undefined) risk.push(Date.parse(e.recordedAt) - sent);
    }
    if (!ALERT_UPDATES.has(e.type)) continue;
    const cause = byId.get(String(e.metadata.causationId));
    const sent = cause && sentAt(cause.metadata.causationId);
    if (sent === undefined) continue;
    const ms = Date.parse(e.recordedAt) - sent;
    updates.push(ms);
    if (e.type === 'RetentionAlertRaised') raised.push(ms);
  }
  return { risk, raised, updates };
}

export async function latencyBench(brokers: readonly string[]): Promise<BenchRow[]> {
  const feed = simulatedBranchFeed({ seed: 19, customers: CUSTOMERS, years: 1, churnRate: 1 });
  const slices: { messages: TopicMessage[]; facts: number }[] = [];
  let slice = { messages: [] as TopicMessage[], facts: 0 };
  for (const day of feed.days)
    for (const m of day.messages) {
      slice.messages.push(m);
      // A day's facts, spread evenly over its messages (a payroll batch carries many).
      slice.facts += day.facts / day.messages.length;
      if (slice.facts >= RATE / SLICES_PER_SECOND) {
        slices.push(slice);
        slice = { messages: [], facts: 0 };
      }
    }
  if (slice.messages.length > 0) slices.push(slice);

  const run = await prepareSystemRun('latency', brokers);
  try {
    await run.pipeline.startAll();
    const live = await followLive(run.kafka);
    const achieved = await pace((m) => run.producer.send(m, 1_000), slices);
    await timeFinish(run, feed.facts, 600_000);
    await run.pipeline.stopAll();
    await live.stop();
    const events = await readAllEvents(run.pipeline.storePath);
    const { risk, raised, updates } = latencies(events, live.sendTimes);
    const base = live.latencies;
    const at = `${Math.round(achieved).toLocaleString('en-US')} facts/s`;
    const n = (xs: readonly number[]): string => `${xs.length.toLocaleString('en-US')}`;
    return [
      {
        bench: 'system',
        measure: `event → alert raised at ${at}, p50 (${n(raised)} alerts; ${feed.facts.toLocaleString('en-US')} facts, ${CUSTOMERS.toLocaleString('en-US')} customers × 1 year); baseline: Kafka → consume-only kafkajs, same records`,
        value: percentile(raised, 50),
        unit: 'ms',
        baseline: percentile(base, 50),
      },
      {
        bench: 'system',
        measure: `event → alert raised at ${at}, p99`,
        value: percentile(raised, 99),
        unit: 'ms',
        baseline: percentile(base, 99),
        target: `<= ${TARGET_P99_MS.toLocaleString('en-US')} ms`,
        met: percentile(raised, 99) <= TARGET_P99_MS,
      },
      {
        bench: 'system',
        measure: `event → any alert update (raise, merge, ease, reopen), p50 (${n(updates)})`,
        value: percentile(updates, 50),
        unit: 'ms',
        baseline: percentile(base, 50),
      },
      {
        bench: 'system',
        measure: 'event → any alert update, p99',
        value: percentile(updates, 99),
        unit: 'ms',
        baseline: percentile(base, 99),
      },
      {
        bench: 'system',
        measure: `event → risk event, p50 (${n(risk)})`,
        value: percentile(risk, 50),
        unit: 'ms',
        baseline: percentile(base, 50),
      },
      {
        bench: 'system',
        measure: 'event → risk event, p99',
        value: percentile(risk, 99),
        unit: 'ms',
        baseline: percentile(base, 99),
      },
    ];
  } finally {
    await run.close();
  }
}
