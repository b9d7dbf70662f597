// A broker of a test's own, on another port (deploy/local/kafka-broker.sh keeps a data dir per
// port), for tests that stop and restart Kafka without disturbing the shared broker on 9092.
import { requireKafkaBroker, runKafkaBrokerScript, type KafkaBrokerCommand } from './kafka-broker';

export interface DedicatedKafkaBroker {
  readonly brokers: string[];
  readonly port: string;
  /** True when this call started it: the test then stops it when done. */
  readonly started: boolean;
  run(command: Extract<KafkaBrokerCommand, 'start' | 'stop'>): Promise<void>;
}

/** KAFKA_DEDICATED_PORT overrides the port (default 19092, controller on port + 1). */
export async function requireDedicatedKafkaBroker(
  port = process.env['KAFKA_DEDICATED_PORT'] ?? '19092',
): Promise<DedicatedKafkaBroker> {
  const { brokers, started } = await requireKafkaBroker({
    env: { ...process.env, KAFKA_BROKERS: `127.0.0.1:${port}` },
  });
  return {
    brokers,
    port,
    started,
    run: async (command) => {
      const failure = await runKafkaBrokerScript(command, port, { timeoutMs: 60_000 });
      if (failure !== undefined)
        throw new Error(`kafka-broker.sh ${command} on ${port}: ${failure}`);
    },
  };
}
