// The ingestion service as a real OS process (services/ingestion/src/main.ts through ts-node),
// for the tests that kill it, restart it or run two of it. PORT=0 lets the OS pick a port; the
// URL is read from the "ingestion ready: ..." line the service prints.
import { get } from 'node:http';
import { waitUntil } from '@churn/messaging/testing';
import { startNodeProcess } from './node-process';

const READY = /ingestion ready: (http:\/\/[^\s]+)\/health/;

export interface IngestionProcessEnv {
  readonly brokers: string;
  readonly storePath: string;
  readonly groupId: string;
  /** Any other variable (INGESTION_PARTITIONS_CONCURRENTLY, ...). */
  readonly extra?: Readonly<Record<string, string>>;
}

export interface IngestionProcess {
  readonly pid: number;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** Milliseconds from spawn to the "ready" line. */
  readonly startupMs: number;
  /** Everything it printed so far (stdout and stderr), for failure messages. */
  output(): string;
  readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  alive(): boolean;
  /** SIGKILL: no shutdown hook runs, nothing is committed or flushed. */
  kill(): Promise<void>;
  /** SIGTERM, as an orchestrator stops it: the chunk in flight is committed, the member leaves. */
  stop(timeoutMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export async function startIngestionProcess(
  env: IngestionProcessEnv,
  readyTimeoutMs = 60_000,
): Promise<IngestionProcess> {
  const started = await startNodeProcess({
    name: 'ingestion',
    script: 'services/ingestion/src/main.ts',
    env: {
      KAFKA_BROKERS: env.brokers,
      EVENT_STORE_PATH: env.storePath,
      INGESTION_GROUP_ID: env.groupId,
      INGESTION_ENSURE_TOPICS: 'false',
      ...env.extra,
    },
    ready: READY,
    readyTimeoutMs,
  });
  return {
    ...started,
    url: started.ready,
    kill: async () => {
      await started.kill();
    },
    stop: (timeoutMs = 40_000) => started.stop(timeoutMs),
  };
}

/** GET without keep-alive, so no socket outlives the test. */
export function httpGet(url: string, timeoutMs = 5_000): Promise<{ status: number; body: string }> {
  return new Promise((done, fail) => {
    const request = get(url, { agent: false, timeout: timeoutMs }, (response) => {
      let body = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (body += chunk));
      response.on('end', () => done({ status: response.statusCode ?? 0, body }));
      response.on('error', fail);
    });
    request.on('timeout', () =>
      request.destroy(new Error(`GET ${url}: no answer in ${timeoutMs} ms`)),
    );
    request.on('error', fail);
  });
}

/** /health answers 200: consumer running and in the group, store answering. */
export async function waitHealthy(service: IngestionProcess, timeoutMs = 60_000): Promise<void> {
  let last = '';
  await waitUntil(
    async () => {
      try {
        const { status, body } = await httpGet(`${service.url}/health`);
        last = `${status} ${body}`;
        return status === 200;
      } catch (error) {
        last = String(error);
        return false;
      }
    },
    { timeoutMs, intervalMs: 200, what: () => `last /health: ${last}` },
  );
}

/** The partitions this member owns per topic, from /health (the consumer's own status). */
export async function assignmentOf(service: IngestionProcess): Promise<Record<string, number[]>> {
  const { body } = await httpGet(`${service.url}/health`);
  const parsed = JSON.parse(body) as {
    checks?: { 'kafka-consumer'?: { detail?: { assignment?: Record<string, number[]> } } };
  };
  return parsed.checks?.['kafka-consumer']?.detail?.assignment ?? {};
}

/** A Prometheus counter summed over its labels, from /metrics. */
export async function metricTotal(service: IngestionProcess, name: string): Promise<number> {
  const { body } = await httpGet(`${service.url}/metrics`);
  return body
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}
