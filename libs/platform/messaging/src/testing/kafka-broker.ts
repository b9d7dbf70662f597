// Integration tests run against a real broker (deploy/local/kafka-broker.sh). A missing broker
// must FAIL the suite, never skip it: a skipped Kafka test reads as green in CI.
import { execFile } from 'node:child_process';
import { resolve } from 'node:path';
import { createKafka, parseBrokers } from '../kafka-client';

export interface KafkaBrokerHandle {
  readonly brokers: string[];
  /** True when this call had to start the broker (it is left running for the next suite). */
  readonly started: boolean;
}

export interface RequireKafkaBrokerOptions {
  readonly env?: NodeJS.ProcessEnv;
  readonly probeTimeoutMs?: number;
  /** Covers a first run that still has to download Kafka's jars. */
  readonly startTimeoutMs?: number;
}

const BROKER_SCRIPT = resolve(__dirname, '../../../../../deploy/local/kafka-broker.sh');
const LOCAL_HOSTS = new Set(['127.0.0.1', 'localhost']);

export async function requireKafkaBroker(
  options: RequireKafkaBrokerOptions = {},
): Promise<KafkaBrokerHandle> {
  const env = options.env ?? process.env;
  const brokers = parseBrokers(env['KAFKA_BROKERS']);
  const probeTimeoutMs = options.probeTimeoutMs ?? 3_000;
  const firstProbe = await probe(brokers, probeTimeoutMs);
  if (firstProbe === undefined) return { brokers, started: false };

  const unreachable = (detail: string): Error =>
    new Error(
      `Kafka broker not reachable at ${brokers.join(',')}: run \`deploy/local/kafka-broker.sh start\` ` +
        `(see deploy/local/README.md). ${detail}`,
    );
  if (env['KAFKA_AUTOSTART'] === 'false')
    throw unreachable(`Auto-start is off (KAFKA_AUTOSTART=false); last error: ${firstProbe}`);
  const port = localPort(brokers);
  if (port === undefined)
    throw unreachable(
      `Not auto-starting: ${brokers[0] ?? ''} is not a local broker; last error: ${firstProbe}`,
    );

  const startFailure = await runKafkaBrokerScript('start', port, {
    timeoutMs: options.startTimeoutMs ?? 180_000,
    env,
  });
  if (startFailure !== undefined) throw unreachable(`Auto-start failed:\n${startFailure}`);
  const secondProbe = await probe(brokers, probeTimeoutMs);
  if (secondProbe !== undefined)
    throw unreachable(`Started it, but it still does not answer: ${secondProbe}`);
  return { brokers, started: true };
}

/** undefined when the cluster answers, otherwise why not. */
async function probe(brokers: string[], timeoutMs: number): Promise<string | undefined> {
  const kafka = createKafka({
    brokers,
    clientId: 'churn-broker-probe',
    logLevel: 'nothing',
    connectionTimeoutMs: timeoutMs,
    requestTimeoutMs: timeoutMs,
    retry: { retries: 0 },
  });
  const admin = kafka.admin();
  let timer: NodeJS.Timeout | undefined;
  // kafkajs timeouts cover single requests; this bounds the whole connect + describe.
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs);
  });
  try {
    await Promise.race([admin.connect().then(() => admin.describeCluster()), deadline]);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    clearTimeout(timer);
    await admin.disconnect().catch(() => undefined);
  }
}

function localPort(brokers: string[]): string | undefined {
  const first = brokers[0];
  if (first === undefined) return undefined;
  const separator = first.lastIndexOf(':');
  const host = first.slice(0, separator);
  const port = first.slice(separator + 1);
  return separator > 0 && LOCAL_HOSTS.has(host) && /^\d+$/.test(port) ? port : undefined;
}

export type KafkaBrokerCommand = 'start' | 'stop' | 'restart' | 'status';

/**
 * Runs deploy/local/kafka-broker.sh for the broker on `port` (each port has its own data dir).
 * Resolves undefined on success, otherwise the script's output.
 */
export function runKafkaBrokerScript(
  command: KafkaBrokerCommand,
  port: string,
  options: { readonly timeoutMs?: number; readonly env?: NodeJS.ProcessEnv } = {},
): Promise<string | undefined> {
  return new Promise((done) => {
    execFile(
      BROKER_SCRIPT,
      [command],
      {
        env: { ...(options.env ?? process.env), KAFKA_PORT: port },
        timeout: options.timeoutMs ?? 180_000,
        maxBuffer: 4 * 1024 * 1024,
      },
      (error, stdout, stderr) =>
        done(error ? `${stdout}${stderr}(exit ${error.code ?? error.signal})`.trim() : undefined),
    );
  });
}
