// Two ingestion processes in one consumer group, writing one SQLite file (WAL; each process's
// connection waits up to 5 s for the write lock): a second instance joins mid-stream (rebalance),
// then the first is stopped with SIGTERM mid-stream (rebalance again). Every fact is stored once.
import { waitUntil } from '@churn/messaging/testing';
import { interleave, invalidMessage, mixedValidStream } from '../support/bank-messages';
import {
  TestProducer,
  coordinateOf,
  expectedFromTopics,
  readDeadLetters,
  sourceOf,
} from '../support/expected-facts';
import {
  assignmentOf,
  metricTotal,
  startIngestionProcess,
  type IngestionProcess,
} from '../support/ingestion-process';
import {
  countEvents,
  duplicateIds,
  factChecksum,
  readAllEvents,
  recordedAsFact,
} from '../support/store-reader';
import { cleanSlate, type CleanSlate } from '../support/system-test-kafka';

// Only a prefix is produced: as much as each phase needs on this machine, then a tail.
const AVAILABLE = 40_000;
const INVALID_EVERY = 200;
const BACKLOG = 2_000;
const TAIL = 1_000;

jest.setTimeout(150_000);

let slate: CleanSlate;
let producer: TestProducer;
const services: IngestionProcess[] = [];

beforeAll(async () => {
  slate = await cleanSlate('two-instances');
  producer = new TestProducer(slate.kafka);
}, 60_000);

afterAll(async () => {
  for (const service of services) await service.kill();
  await producer?.close();
  slate?.dispose();
}, 30_000);

const owned = (assignment: Record<string, number[]>): number =>
  Object.values(assignment).reduce((n, partitions) => n + partitions.length, 0);

describe('two ingestion instances in one group, with rebalances mid-stream', () => {
  it('stores every fact once across the join and the leave', async () => {
    const stream = interleave(
      mixedValidStream(AVAILABLE, 'TWO'),
      Array.from({ length: AVAILABLE / INVALID_EVERY }, (_, i) => invalidMessage(2_000 + i)),
    );
    const env = {
      brokers: slate.brokers.join(','),
      storePath: slate.storePath,
      groupId: slate.groupId,
    };
    // Production goes on, in slices of 50 every 50 ms, for as long as a phase lasts, so that
    // each rebalance happens while messages keep arriving and being appended.
    let cursor = 0;
    const trickleWhile = async (goOn: () => boolean | Promise<boolean>): Promise<void> => {
      while (cursor < stream.length && (await goOn())) {
        await producer.send(stream.slice(cursor, cursor + 50));
        cursor += 50;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    };

    await producer.send(stream.slice(0, BACKLOG));
    cursor = BACKLOG;
    const first = await startIngestionProcess(env);
    services.push(first);
    await waitUntil(() => countEvents(slate.storePath) >= 500, {
      timeoutMs: 30_000,
      intervalMs: 10,
      what: () => `${countEvents(slate.storePath)} events; output:\n${first.output().slice(-2000)}`,
    });

    // Join: a second instance starts; production goes on until it has appended messages of its
    // own while the first still runs, and the two share the 18 partitions.
    let shared = { first: 0, second: 0 };
    let second: IngestionProcess | undefined;
    let appendedBySecondWhileShared = 0;
    const joined = async (): Promise<boolean> => {
      if (second === undefined) return false;
      shared = {
        first: owned(await assignmentOf(first)),
        second: owned(await assignmentOf(second)),
      };
      appendedBySecondWhileShared = await metricTotal(second, 'ingestion_messages_appended_total');
      return (
        shared.first > 0 &&
        shared.second > 0 &&
        shared.first + shared.second === 18 &&
        appendedBySecondWhileShared > 0
      );
    };
    const joining = startIngestionProcess(env).then((s) => {
      services.push(s);
      second = s;
      return s;
    });
    await trickleWhile(async () => !(await joined()));
    const producedBeforeLeave = cursor;
    await joining;
    await waitUntil(joined, {
      timeoutMs: 30_000,
      intervalMs: 200,
      what: () => `assignments ${JSON.stringify(shared)}`,
    });
    const other = second as IngestionProcess;
    const appendedByFirst = await metricTotal(first, 'ingestion_messages_appended_total');

    // Leave: the first stops with SIGTERM while production goes on, until it has exited.
    const stopping = first.stop();
    await trickleWhile(() => first.alive());
    const exit = await stopping;
    const producedAtLeave = cursor;
    const produced = Math.min(stream.length, cursor + TAIL);
    await producer.send(stream.slice(cursor, produced));
    expect(exit).toEqual({ code: null, signal: 'SIGTERM' });
    expect(first.output()).toMatch(/stopped on SIGTERM: graceful/);

    const expected = await expectedFromTopics(slate.kafka);
    expect(expected.records).toBe(produced);
    expect(expected.rejected.length).toBeGreaterThan(0);
    await waitUntil(() => countEvents(slate.storePath) >= expected.facts.length, {
      timeoutMs: 60_000,
      intervalMs: 100,
      what: () =>
        `${countEvents(slate.storePath)} of ${expected.facts.length} events; output:\n${other.output().slice(-3000)}`,
    });
    await waitUntil(async () => owned(await assignmentOf(other)) === 18, {
      timeoutMs: 30_000,
      intervalMs: 200,
      what: () => 'the remaining instance did not take over every partition',
    });
    const appendedBySecond = await metricTotal(other, 'ingestion_messages_appended_total');
    const wanted = new Set(expected.rejected.map((r) => coordinateOf(r.message)));
    await waitUntil(
      async () => new Set((await readDeadLetters(slate.kafka)).map(sourceOf)).size >= wanted.size,
      {
        timeoutMs: 30_000,
        intervalMs: 500,
        what: () => `dead letters missing (want ${wanted.size})`,
      },
    );
    const letters = await readDeadLetters(slate.kafka);
    await other.stop();

    const stored = await readAllEvents(slate.storePath);
    expect(duplicateIds(slate.storePath)).toEqual([]);
    expect(stored).toHaveLength(expected.facts.length);
    expect(factChecksum(stored.map(recordedAsFact))).toBe(factChecksum(expected.facts));
    // Both did part of the work; a graceful leave commits what it settled, so no dead letter twice.
    expect(appendedByFirst).toBeGreaterThan(0);
    expect(appendedBySecondWhileShared).toBeGreaterThan(0);
    expect(appendedBySecond).toBeGreaterThan(appendedBySecondWhileShared);
    // Both rebalances happened mid-stream: messages were still being produced after each.
    expect(producedBeforeLeave).toBeLessThan(producedAtLeave);
    expect(producedAtLeave).toBeLessThan(produced);
    expect(new Set(letters.map(sourceOf))).toEqual(wanted);
    process.stdout.write(
      `two-instances: ${expected.facts.length} facts; partitions shared ${JSON.stringify(shared)}; ` +
        `messages appended by the first ${appendedByFirst}, by the second ${appendedBySecond} (${appendedBySecondWhileShared} while both ran); ` +
        `produced ${BACKLOG} before the first started, ${producedBeforeLeave} when the join was done, ${producedAtLeave} when the first had left; ` +
        `second start (incl. join) ${other.startupMs} ms; ` +
        `${letters.length} dead letters for ${wanted.size} invalid\n`,
    );
  });
});
