// The Kafka channel against the real broker: what a downstream CRM reads from the alerts topic.
import { TopicPublisher, createKafka, headerText } from '@churn/messaging';
import {
  createTopicWithDeadLetters,
  deleteTopicsWithPrefix,
  readTopic,
  requireKafkaBroker,
  testRunId,
} from '@churn/messaging/testing';
import { KafkaAlertSender } from './kafka-alert-sender';
import { anOutboundNotification } from './testing';

jest.setTimeout(30_000);

const runId = testRunId();
const topic = `${runId}.retention.alerts.v1`;
let kafka: ReturnType<typeof createKafka>;
let publisher: TopicPublisher;

beforeAll(async () => {
  const { brokers } = await requireKafkaBroker();
  kafka = createKafka({ brokers, clientId: 'notification-spec', logLevel: 'error' });
  await createTopicWithDeadLetters(kafka, topic, 3);
  publisher = new TopicPublisher(kafka);
  await publisher.connect();
}, 200_000);

afterAll(async () => {
  await publisher?.disconnect();
  await deleteTopicsWithPrefix(kafka, runId);
});

describe('an alert published for downstream CRMs', () => {
  it('arrives keyed by customer with the notification and alert ids as headers and the payload as JSON', async () => {
    const n = anOutboundNotification();
    const result = await new KafkaAlertSender(publisher, { topic }).send(n);

    expect(result).toEqual({
      outcome: 'delivered',
      detail: expect.stringMatching(
        new RegExp(`^published to ${topic} partition \\d offset \\d+$`),
      ),
    });
    const messages = await readTopic(kafka, topic, { untilCount: 1, timeoutMs: 15_000 });
    expect(messages).toHaveLength(1);
    const [message] = messages;
    if (message === undefined) return;
    expect(message.key?.toString()).toBe('C-1001');
    expect(headerText(message, 'notification-id')).toBe(n.notificationId);
    expect(headerText(message, 'alert-id')).toBe(n.alertId);
    expect(JSON.parse(message.value?.toString() ?? 'null')).toEqual(n.payload);
  });
});

describe('a publisher that cannot reach the topic', () => {
  it('fails with the topic and the broker error', async () => {
    const result = await new KafkaAlertSender({
      publish: () => Promise.reject(new Error('This server does not host this topic-partition')),
    }).send(anOutboundNotification());

    expect(result).toEqual({
      outcome: 'failed',
      failure:
        'Kafka publish to retention.alerts.v1 failed: This server does not host this topic-partition',
    });
  });
});
