// kill -9 of the ingestion process in the middle of a stream, then a restart: the store ends up
// with exactly the facts of the valid messages, none twice, byte for byte what decoding the
// topics gives; the invalid ones are in the dead-letter topics. The service runs as a real
// process (services/ingestion/src/main.ts) so SIGKILL skips every shutdown hook.
import { waitUntil } from '@churn/messaging/testing';
import {
  interleave,
  invalidMessage,
  mixedValidStream,
  type TopicMessage,
} from '../support/bank-messages';
import {
  TestProducer,
  coordinateOf,
  expectedFromTopics,
  readDeadLetters,
  sourceOf,
} from '../support/expected-facts';
import {
  startIngestionProcess,
  waitHealthy,
  type IngestionProcess,
} from '../support/ingestion-process';
import {
  countEvents,
  duplicateIds,
  factChecksum,
  integrityCheck,
  readAllEvents,
  recordedAsFact,
} from '../support/store-reader';
import { cleanSlate, type CleanSlate } from '../support/system-test-kafka';

const VALID = 5_000;
const INVALID = 40;
const PRE_PRODUCED = 3_000;
const KILL_AT_EVENTS = 1_500;
const HELD_BACK = 1_000;

jest.setTimeout(150_000);

let slate: CleanSlate;
let producer: TestProducer;
const services: IngestionProcess[] = [];

beforeAll(async () => {
  slate = await cleanSlate('kill-restart');
  producer = new TestProducer(slate.kafka);
}, 60_000);

afterAll(async () => {
  for (const service of services) await service.kill();
  await producer?.close();
  slate?.dispose();
}, 30_000);

describe('ingestion killed with SIGKILL mid-stream, then restarted', () => {
  it('stores exactly the valid messages’ facts, none twice, and dead-letters the invalid ones', async () => {
    const stream: TopicMessage[] = interleave(
      mixedValidStream(VALID, 'KILL'),
      Array.from({ length: INVALID }, (_, i) => invalidMessage(i)),
    );
    const env = {
      brokers: slate.brokers.join(','),
      storePath: slate.storePath,
      groupId: slate.groupId,
    };

    // A backlog first, then the rest streamed while the first process works and dies.
    await producer.send(stream.slice(0, PRE_PRODUCED));
    const first = await startIngestionProcess(env);
    services.push(first);
    // The last HELD_BACK messages are sent only once the process is dead, so the kill always
    // lands mid-stream, whatever the speed of this machine.
    let killed!: () => void;
    const afterKill = new Promise<void>((resolve) => (killed = resolve));
    let streamed = PRE_PRODUCED;
    const streaming = (async () => {
      for (; streamed < stream.length; streamed += 100) {
        if (streamed >= stream.length - HELD_BACK) await afterKill;
        await producer.send(stream.slice(streamed, streamed + 100));
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    })();
    await waitUntil(() => countEvents(slate.storePath) >= KILL_AT_EVENTS, {
      timeoutMs: 60_000,
      intervalMs: 5,
      what: () =>
        `${countEvents(slate.storePath)} events stored; output:\n${first.output().slice(-2000)}`,
    });
    await first.kill();
    const atKill = countEvents(slate.storePath);
    const producedAtKill = Math.min(streamed, stream.length);
    killed();
    expect(await first.exited).toEqual({ code: null, signal: 'SIGKILL' });
    // The file a SIGKILLed writer leaves behind is sound (WAL, FULL synchronous).
    expect(integrityCheck(slate.storePath)).toBe('ok');

    const restartedAt = Date.now();
    const second = await startIngestionProcess(env);
    services.push(second);
    await streaming;
    const expected = await expectedFromTopics(slate.kafka);
    expect(expected.records).toBe(VALID + INVALID);
    expect(expected.rejected).toHaveLength(INVALID);
    // Mid-stream: some, not all, of the facts were stored when the process died.
    expect(atKill).toBeGreaterThanOrEqual(KILL_AT_EVENTS);
    expect(atKill).toBeLessThan(expected.facts.length);
    expect(producedAtKill).toBeLessThan(stream.length);

    // The restarted member waits for the dead one's session (30 s) to expire before it is
    // given the partitions, hence the generous bound.
    await waitUntil(() => countEvents(slate.storePath) >= expected.facts.length, {
      timeoutMs: 90_000,
      intervalMs: 100,
      what: () =>
        `${countEvents(slate.storePath)} of ${expected.facts.length} events; output:\n${second.output().slice(-2000)}`,
    });
    const recoveryMs = Date.now() - restartedAt;
    await waitHealthy(second, 10_000);
    const letters = await (async () => {
      await waitUntil(async () => (await readDeadLetters(slate.kafka)).length >= INVALID, {
        timeoutMs: 20_000,
        intervalMs: 500,
        what: () => 'dead letters missing',
      });
      return readDeadLetters(slate.kafka);
    })();
    // Nest re-raises the signal after its shutdown hooks: exit by SIGTERM, after a graceful stop.
    expect(await second.stop()).toEqual({ code: null, signal: 'SIGTERM' });
    expect(second.output()).toMatch(/stopped on SIGTERM: graceful/);

    const stored = await readAllEvents(slate.storePath);
    expect(duplicateIds(slate.storePath)).toEqual([]);
    expect(stored).toHaveLength(expected.facts.length);
    expect(new Set(stored.map((e) => e.id))).toEqual(
      new Set(expected.facts.map((f) => f.event.id)),
    );
    expect(factChecksum(stored.map(recordedAsFact))).toBe(factChecksum(expected.facts));

    // Every invalid record is dead-lettered. A crash between the dead-letter produce and the
    // offset commit redelivers the chunk, so a dead letter may appear twice (at-least-once);
    // never a valid record, and never a missing one.
    const wanted = new Set(expected.rejected.map((r) => coordinateOf(r.message)));
    expect(new Set(letters.map(sourceOf))).toEqual(wanted);
    expect(letters.length).toBeGreaterThanOrEqual(INVALID);
    process.stdout.write(
      `kill-restart: ${expected.facts.length} facts from ${VALID} valid messages; killed at ${atKill} stored ` +
        `(${producedAtKill} of ${stream.length} produced); first start ${first.startupMs} ms, restart ${second.startupMs} ms, ` +
        `all stored ${recoveryMs} ms after the restart; ${letters.length} dead letters for ${INVALID} invalid (${letters.length - wanted.size} duplicated)\n`,
    );
  });
});
