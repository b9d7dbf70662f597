import {
  bigTransferStory,
  branchFeed,
  customerIdsOf,
  partitioned,
  recordedFacts,
  roundRobin,
  salaryStopsStory,
  WATERMARKED,
} from '../testing';
import type { RecordedInput, RiskOutput } from './engine-input';
import { shardOfCustomer } from './customer-shard';
import { RiskEngine, type RiskEngineSettings } from './risk-engine';

const single: RiskEngineSettings = { ...WATERMARKED, watermark: undefined };
const watermarked = WATERMARKED;

/**
 * One engine handles the first `handOverAt` inputs, routing every customer to `count` shards
 * (in-process here, each message cloned as between threads), then adopts the shards' customers
 * and handles the rest alone.
 */
const routed = (
  settings: RiskEngineSettings,
  inputs: readonly RecordedInput[],
  handOverAt: number,
  count: number,
) => {
  const shards = Array.from(
    { length: count },
    () => new RiskEngine({ ...settings, watermark: undefined }),
  );
  const main = new RiskEngine(settings);
  main.routeCustomers({
    fact: (ordinal, eventId, fact) =>
      shards[shardOfCustomer(fact.data.customerId, count)]?.foldRouted(
        ordinal,
        eventId,
        structuredClone(fact),
      ),
    close: (day, causationId, branch) => {
      for (const shard of shards) shard.closeRouted(day, causationId, structuredClone(branch));
    },
  });
  for (const input of inputs.slice(0, handOverAt)) main.handle(input);
  main.adopt(shards.map((shard) => structuredClone(shard.handOver())));
  const after = inputs.slice(handOverAt).flatMap((input) => main.handle(input));
  return { main, after };
};

const alone = (settings: RiskEngineSettings, inputs: readonly RecordedInput[], from: number) => {
  const engine = new RiskEngine(settings);
  const outputs: RiskOutput[] = [];
  inputs.forEach((input, i) => {
    const decided = engine.handle(input);
    if (i >= from) outputs.push(...decided);
  });
  return { engine, outputs };
};

describe('a catch-up routed to customer shards, then handed over to one engine', () => {
  const feed = recordedFacts(branchFeed(30, 2, [salaryStopsStory(), bigTransferStory()]));
  const backlog = roundRobin(partitioned(feed, '2016-12-31T12:00:00+08:00'), () => 300);

  it('spreads the customers over the shards, each id always to the same one', () => {
    const ids = customerIdsOf(feed);
    const counts = new Map<number, number>();
    for (const id of ids)
      counts.set(shardOfCustomer(id, 3), (counts.get(shardOfCustomer(id, 3)) ?? 0) + 1);
    expect([...counts.keys()].sort()).toEqual([0, 1, 2]);
    expect([...counts.values()].every((n) => n > ids.length / 6)).toBe(true);
    expect(ids.map((id) => shardOfCustomer(id, 3))).toEqual(
      ids.map((id) => shardOfCustomer(id, 3)),
    );
  });

  it.each([
    ['in the store order of one feed', single, feed],
    ['behind the watermark, over a partitioned backlog', watermarked, backlog],
  ])('decides after the handover exactly what one engine decides: %s', (_, settings, inputs) => {
    const handOverAt = Math.floor(inputs.length * 0.6);
    const reference = alone(settings, inputs, handOverAt);
    expect(reference.outputs.length).toBeGreaterThan(10);
    for (const count of [1, 2, 3]) {
      const { main, after } = routed(settings, inputs, handOverAt, count);
      expect(after).toEqual(reference.outputs);
      expect(main.customers).toBe(reference.engine.customers);
      expect(main.counts).toEqual(reference.engine.counts);
      for (const id of customerIdsOf(inputs))
        expect(main.watchOf(id)).toEqual(reference.engine.watchOf(id));
    }
  });

  it('hands over mid-day with facts still held, and folds them as one engine would', () => {
    const settings = watermarked;
    const handOverAt = Math.floor(backlog.length / 3) + 17;
    const held = new RiskEngine(settings);
    backlog.slice(0, handOverAt).forEach((input) => held.handle(input));
    expect(held.heldFacts).toBeGreaterThan(0);
    const reference = alone(settings, backlog, handOverAt).outputs;
    expect(routed(settings, backlog, handOverAt, 2).after).toEqual(reference);
    expect(routed(settings, backlog, handOverAt, 1).after).toEqual(reference);
  });
});
