// The broker stopped and restarted while the ingestion process is consuming: it resumes by
// itself (no restart of the service), and everything produced before and after the outage is
// stored exactly once. Runs on a dedicated broker (127.0.0.1:19092, deploy/local/kafka-broker.sh)
// so the shared broker on 9092 is never restarted; that broker is stopped at the end.
import {
  requireDedicatedKafkaBroker,
  waitUntil,
  type DedicatedKafkaBroker,
} from '@churn/messaging/testing';
import { interleave, invalidMessage, mixedValidStream } from '../support/bank-messages';
import {
  TestProducer,
  coordinateOf,
  expectedFromTopics,
  readDeadLetters,
  sourceOf,
} from '../support/expected-facts';
import {
  metricTotal,
  startIngestionProcess,
  waitHealthy,
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

const PER_WAVE = 1_000;
const INVALID_PER_WAVE = 10;
const RECOVERY_BOUND_MS = 90_000;

jest.setTimeout(200_000);

let broker: DedicatedKafkaBroker | undefined;
let slate: CleanSlate;
let service: IngestionProcess | undefined;

beforeAll(async () => {
  broker = await requireDedicatedKafkaBroker();
  slate = await cleanSlate('broker-restart', broker.brokers);
}, 200_000);

afterAll(async () => {
  await service?.kill();
  slate?.dispose();
  // This test restarts the broker, so whoever started it first, it is ours now: leave it stopped.
  await broker?.run('stop');
}, 60_000);

describe('the broker stopped and restarted mid-stream', () => {
  it('ingestion resumes by itself and stores everything once', async () => {
    const dedicated = broker as DedicatedKafkaBroker;
    const stream = interleave(
      mixedValidStream(2 * PER_WAVE, 'OUTAGE'),
      Array.from({ length: 2 * INVALID_PER_WAVE }, (_, i) => invalidMessage(1_000 + i)),
    );
    const half = Math.floor(stream.length / 2);
    const before = new TestProducer(slate.kafka);
    try {
      await before.send(stream.slice(0, half));
    } finally {
      await before.close();
    }
    service = await startIngestionProcess({
      brokers: dedicated.brokers.join(','),
      storePath: slate.storePath,
      groupId: slate.groupId,
    });
    await waitUntil(() => countEvents(slate.storePath) >= 200, {
      timeoutMs: 30_000,
      intervalMs: 5,
      what: () => `${countEvents(slate.storePath)} events before the outage`,
    });

    const storedAtStop = countEvents(slate.storePath);
    const stoppingAt = Date.now();
    await dedicated.run('stop');
    const stoppedAt = Date.now();
    await dedicated.run('start');
    const restartedAt = Date.now();
    const after = new TestProducer(slate.kafka);
    try {
      await after.send(stream.slice(half));
    } finally {
      await after.close();
    }

    const expected = await expectedFromTopics(slate.kafka);
    expect(expected.records).toBe(stream.length);
    await waitUntil(() => countEvents(slate.storePath) >= expected.facts.length, {
      timeoutMs: RECOVERY_BOUND_MS,
      intervalMs: 100,
      what: () =>
        `${countEvents(slate.storePath)} of ${expected.facts.length} events; output:\n${service?.output().slice(-3000)}`,
    });
    const recoveryMs = Date.now() - restartedAt;
    await waitHealthy(service, 30_000);
    expect(service.alive()).toBe(true);
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
    const rebuilds = await metricTotal(service, 'ingestion_consumer_rebuilds_total');

    const stored = await readAllEvents(slate.storePath);
    expect(storedAtStop).toBeLessThan(expected.facts.length);
    expect(duplicateIds(slate.storePath)).toEqual([]);
    expect(stored).toHaveLength(expected.facts.length);
    expect(factChecksum(stored.map(recordedAsFact))).toBe(factChecksum(expected.facts));
    expect(new Set(letters.map(sourceOf))).toEqual(wanted);
    expect(recoveryMs).toBeLessThan(RECOVERY_BOUND_MS);
    process.stdout.write(
      `broker-restart: ${storedAtStop} of ${expected.facts.length} facts stored when the broker stopped; ` +
        `broker stop took ${stoppedAt - stoppingAt} ms, down ${restartedAt - stoppedAt} ms; all stored ${recoveryMs} ms after it answered again; ` +
        `${rebuilds} consumer rebuild(s); ${letters.length} dead letters for ${wanted.size} invalid\n`,
    );
  });
});
