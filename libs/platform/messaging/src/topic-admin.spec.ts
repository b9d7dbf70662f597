// Runs against the real broker (deploy/local/kafka-broker.sh). Every topic carries this run's
// id, so runs never see each other's data and the dev broker's real topics are left alone.
import { randomUUID } from 'node:crypto';
import { ConfigResourceTypes, Partitioners, type Admin, type Kafka } from 'kafkajs';
import { requireKafkaBroker } from './testing';
import { createKafka, ensureTopics, projectTopics, type TopicSpec } from './index';

jest.setTimeout(30_000);

const runId = `it-${Date.now()}-${randomUUID().slice(0, 8)}`;
const topicName = (name: string): string => `${runId}.${name}`;

let brokers: string[];
let kafka: Kafka;
let admin: Admin;

beforeAll(async () => {
  ({ brokers } = await requireKafkaBroker());
  kafka = createKafka({ brokers, clientId: 'messaging-spec', logLevel: 'error' });
  admin = kafka.admin();
  await admin.connect();
}, 200_000); // a first run may download Kafka before it starts

afterAll(async () => {
  if (admin === undefined) return;
  const ours = (await admin.listTopics()).filter((t) => t.startsWith(runId));
  if (ours.length > 0) await admin.deleteTopics({ topics: ours });
  await admin.disconnect();
});

describe('ensureTopics', () => {
  const specs: TopicSpec[] = projectTopics().map((t) => ({ ...t, name: topicName(t.name) }));

  it('creates every project topic with its partitions, retention and cleanup policy', async () => {
    const report = await ensureTopics(kafka, specs);
    expect(report.created.sort()).toEqual(specs.map((s) => s.name).sort());

    const { topics } = await admin.fetchTopicMetadata({ topics: specs.map((s) => s.name) });
    const configs = await admin.describeConfigs({
      includeSynonyms: false,
      resources: specs.map((s) => ({
        type: ConfigResourceTypes.TOPIC,
        name: s.name,
        configNames: ['retention.ms', 'cleanup.policy'],
      })),
    });
    for (const spec of specs) {
      expect(topics.find((t) => t.name === spec.name)?.partitions).toHaveLength(spec.partitions);
      const entries =
        configs.resources.find((r) => r.resourceName === spec.name)?.configEntries ?? [];
      const config = Object.fromEntries(entries.map((e) => [e.configName, e.configValue]));
      expect(config).toEqual({
        'retention.ms': String(spec.retentionMs),
        'cleanup.policy': spec.cleanupPolicy,
      });
    }
  });

  it('is idempotent: a second run finds them all and changes nothing', async () => {
    const report = await ensureTopics(kafka, specs);
    expect(report).toEqual({
      created: [],
      existing: specs.map((s) => s.name),
      partitionMismatches: [],
    });
  });

  it('reports an existing topic whose partition count differs from its spec', async () => {
    const spec: TopicSpec = {
      name: topicName('drifted'),
      partitions: 2,
      replicationFactor: 1,
      retentionMs: 60_000,
      cleanupPolicy: 'delete',
    };
    await ensureTopics(kafka, [spec]);
    const report = await ensureTopics(kafka, [{ ...spec, partitions: 3 }]);
    expect(report.partitionMismatches).toEqual([{ topic: spec.name, expected: 3, actual: 2 }]);
  });
});

describe('the broker', () => {
  it('keeps per-key order through a produce/consume round trip', async () => {
    const topic = topicName('round-trip');
    await ensureTopics(kafka, [
      {
        name: topic,
        partitions: 3,
        replicationFactor: 1,
        retentionMs: 3_600_000,
        cleanupPolicy: 'delete',
      },
    ]);
    const keys = ['customer-a', 'customer-b', 'customer-c', 'customer-d'];
    const perKey = 25;

    const producer = kafka.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      idempotent: true,
    });
    await producer.connect();
    // Several sends with keys interleaved, so order must survive batching and partitioning.
    for (let seq = 0; seq < perKey; seq += 5) {
      const messages = keys.flatMap((key) =>
        [0, 1, 2, 3, 4].map((i) => ({ key, value: String(seq + i) })),
      );
      await producer.send({ topic, messages });
    }
    await producer.disconnect();

    const received = new Map<string, { seq: number; partition: number }[]>();
    let count = 0;
    const consumer = kafka.consumer({ groupId: `${runId}.round-trip` });
    await consumer.connect();
    await consumer.subscribe({ topic, fromBeginning: true });
    const allReceived = new Promise<void>((done) => {
      void consumer.run({
        eachMessage: async ({ message, partition }) => {
          const key = message.key?.toString() ?? '';
          received.set(key, [
            ...(received.get(key) ?? []),
            { seq: Number(message.value?.toString()), partition },
          ]);
          if (++count === keys.length * perKey) done();
        },
      });
    });
    try {
      // Fails with a message (and lets the consumer go) instead of hitting Jest's timeout.
      await Promise.race([
        allReceived,
        rejectAfter(20_000, () => `only ${count} messages arrived`),
      ]);
    } finally {
      await consumer.disconnect();
    }

    for (const key of keys) {
      const seen = received.get(key) ?? [];
      expect(seen.map((m) => m.seq)).toEqual([...Array(perKey).keys()]);
      expect(new Set(seen.map((m) => m.partition)).size).toBe(1);
    }
    // Otherwise the order check above would prove nothing about partitioning.
    const partitionsUsed = new Set([...received.values()].map((seen) => seen[0]?.partition));
    expect(partitionsUsed.size).toBeGreaterThan(1);
  });

  it('does not create topics on first use (auto.create.topics.enable=false)', async () => {
    const topic = topicName('never-declared');
    // A silent client: the refusal this test provokes is expected, not worth an ERROR line.
    const quiet = createKafka({ brokers, clientId: 'messaging-spec-quiet', logLevel: 'nothing' });
    const producer = quiet.producer({
      createPartitioner: Partitioners.DefaultPartitioner,
      allowAutoTopicCreation: true, // asks for it; the broker must still refuse
      retry: { retries: 1, initialRetryTime: 100 },
    });
    await producer.connect();
    try {
      await expect(producer.send({ topic, messages: [{ key: 'k', value: 'v' }] })).rejects.toThrow(
        'This server does not host this topic-partition', // UNKNOWN_TOPIC_OR_PARTITION
      );
    } finally {
      await producer.disconnect();
    }
    expect(await admin.listTopics()).not.toContain(topic);
  });
});

function rejectAfter(ms: number, why: () => string): Promise<never> {
  return new Promise((_, reject) => setTimeout(() => reject(new Error(why())), ms).unref());
}
