import fc from 'fast-check';
import { DEFAULT_RISK_POLICY } from '@churn/domain-risk';
import { at, posted } from '@churn/domain-customer/testing';
import {
  bigTransferStory,
  branchFeed,
  partitioned,
  recordedFacts,
  roundRobin,
  salaryStopsStory,
  withSource,
  topicOf,
} from '../testing';
import type { RecordedInput, RiskOutput } from './engine-input';
import { inboundPartitions } from '../runner/risk.module';
import { RiskEngine } from './risk-engine';
import { DEFAULT_REVIEW_SCHEDULE } from './review-schedule';
import { DEFAULT_WATERMARK, type WatermarkSettings } from './source-watermark';

const engineWith = (watermark?: WatermarkSettings): RiskEngine =>
  new RiskEngine({
    policy: DEFAULT_RISK_POLICY,
    reviews: DEFAULT_REVIEW_SCHEDULE,
    ...(watermark ? { watermark } : {}),
  });

const run = (engine: RiskEngine, inputs: readonly RecordedInput[]): RiskOutput[] =>
  inputs.flatMap((input) => engine.handle(input));

const branch: readonly RecordedInput[] = recordedFacts(
  branchFeed(20, 2, [salaryStopsStory(), bigTransferStory()]),
);
const sources = partitioned(branch, at('2017-06-15'));
const total = sources.flat().length;
/** Nothing goes idle or overflows: the order the facts are folded in is the merge's alone. */
const exact: WatermarkSettings = { idleAfterRuns: 3, idleAfterInputs: total, maxHeldFacts: total };
const riskEvents = (outputs: readonly RiskOutput[]) => JSON.stringify(outputs);

describe('a branch whose partitions reach the engine interleaved in different orders', () => {
  const fair = run(engineWith(exact), roundRobin(sources));

  it('raises risk at all (the comparison is not between empty lists)', () =>
    expect(fair.filter((o) => o.event.type === 'ChurnRiskRaised').length).toBeGreaterThan(2));

  it('gives the same risk events, byte for byte, when one partition is drained entirely first', () => {
    const [first, ...rest] = sources;
    const drained = [...(first ?? []), ...roundRobin(rest)];
    expect(riskEvents(run(engineWith(exact), drained))).toBe(riskEvents(fair));
  });

  it('gives the same risk events when every partition is drained in turn (a backlog of one fetch each)', () =>
    expect(riskEvents(run(engineWith(exact), sources.flat()))).toBe(riskEvents(fair)));

  it('gives the same risk events for any fair interleaving in chunks of any size', () =>
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 1, max: 400 }), { minLength: 8, maxLength: 8 }),
        fc.integer({ min: 0, max: 2 ** 30 }),
        (sizes, seed) => {
          const chunk = (s: number, round: number) => sizes[(s + round) % sizes.length] as number;
          const order = (round: number) =>
            sources
              .map((_, i) => i)
              .sort((a, b) => ((a * 7 + round + seed) % 11) - ((b * 7 + round + seed) % 11));
          const outputs = run(engineWith(exact), roundRobin(sources, chunk, order));
          expect(riskEvents(outputs)).toBe(riskEvents(fair));
        },
      ),
      { numRuns: 6 },
    ));

  it('folds nothing late and holds nothing at the end', () => {
    const engine = engineWith(exact);
    run(engine, sources.flat());
    expect(engine.counts).toMatchObject({ lateFacts: 0, forcedReleases: 0 });
    expect(engine.counts.folded + engine.heldFacts).toBe(total);
  });
});

const keyOf = (list: readonly RecordedInput[]): string => {
  const source = list[0]?.metadata['source'] as { topic: string; partition: number };
  return `${source.topic}/${source.partition}`;
};

describe('partitions that ingestion reaches only once others are drained (two at a time)', () => {
  const pairs = Array.from({ length: Math.ceil(sources.length / 2) }, (_, i) =>
    roundRobin(sources.slice(2 * i, 2 * i + 2)),
  ).flat();
  const fair = run(engineWith(exact), roundRobin(sources));

  it('gives the same risk events once every partition is declared before it delivers', () => {
    const declared: WatermarkSettings = {
      ...exact,
      expectedSources: sources.map(keyOf),
      unseenIdleAfterRuns: total,
    };
    expect(riskEvents(run(engineWith(declared), pairs))).toBe(riskEvents(fair));
  });

  it('folds the late partitions’ facts late when they are not declared', () => {
    const engine = engineWith(exact);
    run(engine, pairs);
    expect(engine.counts.lateFacts).toBeGreaterThan(0);
  });
});

describe('a declared partition that never delivers (a feed on partition 0 only)', () => {
  it('holds the clock until another partition has come round `unseenIdleAfterRuns` times', () => {
    const [a, b] = sources;
    const engine = engineWith({
      ...exact,
      expectedSources: [keyOf(a ?? []), keyOf(b ?? []), 'corebanking.transactions.v1/9'],
      unseenIdleAfterRuns: 40,
    });
    const inputs = roundRobin([a ?? [], b ?? []]);
    const clocks = inputs.map((input) => (engine.handle(input), engine.businessDay));
    // Single facts in turn: each is a run of its own; the 40th of the first partition frees it.
    expect(clocks.slice(0, 78).every((day) => day === null)).toBe(true);
    expect(clocks[clocks.length - 1]).not.toBeNull();
  });
});

describe('the store holding one feed in business order (npm run ingest, the demo feed)', () => {
  // One line, one offset, across the three topics: the file's order is the merge's order.
  // Up to the end of 2015, while all three topics still carry facts (the stories' colleagues
  // alone are paid in 2016: a single partition delivering alone never ends its run).
  const feed = branch
    .filter((r) => String((r.data as { occurredAt: string }).occurredAt) < '2016-01-01')
    .map((r, line) => withSource(r, topicOf(r.type)[0], 0, line + 1));
  const clock = engineWith();
  const single = run(clock, feed);
  // As RiskModule runs it: the inbound topics' 18 partitions declared, 15 of them never heard from.
  const engine = engineWith({ ...DEFAULT_WATERMARK, expectedSources: inboundPartitions() });
  const watched = run(engine, feed);
  const closed = engine.businessDay ?? 0;
  const decided = (outputs: readonly RiskOutput[]) =>
    outputs
      .filter((o) => {
        const day = Date.parse(String((o.event.data as { assessedOn: string }).assessedOn));
        return day / 86_400_000 < closed - 1;
      })
      .map((o) => JSON.stringify({ id: o.event.id, data: o.event.data }));

  it('closes the same days but the last: the quiet topics go idle within eight runs', () => {
    expect(clock.businessDay).not.toBeNull();
    expect(closed).toBeGreaterThanOrEqual((clock.businessDay ?? 0) - 1);
  });

  it('decides the same risk, on the same days, as a single clock over the same file', () => {
    expect(decided(watched).length).toBeGreaterThan(2);
    expect(decided(watched)).toEqual(decided(single));
  });
});

describe('a sparse partition (payroll on pay day only) next to two busy ones', () => {
  const settings: WatermarkSettings = {
    idleAfterRuns: 3,
    idleAfterInputs: 10_000,
    maxHeldFacts: 10_000,
  };
  const fact = (customer: string, date: string, topic: string, partition: number, offset: number) =>
    withSource(
      recordedFacts([
        posted(customer, `${customer}-cur`, -100, at(date), { channel: 'pos' }),
      ])[0] as RecordedInput,
      topic,
      partition,
      offset,
    );
  const busy = (day: number, partition: number) =>
    fact(`busy-${partition}`, `2015-03-${String(day).padStart(2, '0')}`, 'tx', partition, day);

  it('holds the clock at its day until another partition has come round three times, then lets go', () => {
    const engine = engineWith(settings);
    engine.handle(busy(1, 0));
    engine.handle(busy(1, 1));
    engine.handle(fact('sparse', '2015-03-02', 'payroll', 0, 0));
    const clocks: (number | null)[] = [];
    for (let day = 2; day <= 12; day++) {
      engine.handle(busy(day, 0));
      engine.handle(busy(day, 1));
      clocks.push(engine.businessDay);
    }
    const sparseDay = (engine.watchOf('sparse')?.customer.lastDay ?? 0) as number;
    // Partition 0's third run since the sparse fact (day 4) lets the clock past the sparse day.
    expect(clocks.slice(0, 3)).toEqual([null, sparseDay, sparseDay + 2]);
    expect(clocks[clocks.length - 1]).toBe(sparseDay + 10);
  });
});

describe('a backlog larger than the buffer', () => {
  const small: WatermarkSettings = { ...exact, maxHeldFacts: 200 };
  const [first, ...rest] = sources;
  const drained = [...(first ?? []), ...roundRobin(rest)];

  it('never holds more than the bound, folds the oldest facts ahead of the watermark and counts it', () => {
    const engine = engineWith(small);
    let most = 0;
    for (const input of drained) {
      engine.handle(input);
      most = Math.max(most, engine.heldFacts);
    }
    expect(most).toBeLessThanOrEqual(small.maxHeldFacts);
    expect(engine.counts.forcedReleases).toBeGreaterThan(0);
    // What the forced releases cost: the other partitions' facts of days already closed.
    expect(engine.counts.lateFacts).toBeGreaterThan(0);
    expect(engine.counts.folded + engine.heldFacts).toBe(total);
  });
});
