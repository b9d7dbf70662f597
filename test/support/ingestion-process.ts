// The ingestion service as a real OS process (services/ingestion/src/main.ts through ts-node),
// for the tests that kill it, restart it or run two of it. PORT=0 lets the OS pick a port; the
// URL is read from the "ingestion ready: ..." line the service prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { get } from 'node:http';
import { resolve } from 'node:path';
import { waitUntil } from '@churn/messaging/testing';

const REPO_ROOT = resolve(__dirname, '../..');
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
  const startedAt = Date.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'services/ingestion/src/main.ts',
    ],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        TS_NODE_PROJECT: 'tsconfig.scripts.json',
        NO_COLOR: '1',
        HOST: '127.0.0.1',
        PORT: '0',
        KAFKA_BROKERS: env.brokers,
        EVENT_STORE_PATH: env.storePath,
        INGESTION_GROUP_ID: env.groupId,
        INGESTION_ENSURE_TOPICS: 'false',
        ...env.extra,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  let url: string | undefined;
  let readyAt = 0;
  const collect = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    if (output.length > 200_000) output = output.slice(-100_000);
    if (url === undefined) {
      const match = READY.exec(output);
      if (match?.[1] !== undefined) {
        url = match[1];
        readyAt = Date.now();
      }
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let running = true;
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => {
      running = false;
      done({ code, signal });
    }),
  );
  try {
    await waitUntil(() => url !== undefined || !running, {
      timeoutMs: readyTimeoutMs,
      intervalMs: 25,
      what: () => `ingestion did not print its ready line:\n${output.slice(-3000)}`,
    });
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  if (url === undefined)
    throw new Error(`ingestion exited during start-up:\n${output.slice(-3000)}`);
  const pid = child.pid as number;
  const readyUrl = url;
  return {
    pid,
    url: readyUrl,
    startupMs: readyAt - startedAt,
    output: () => output,
    exited,
    alive: () => running,
    kill: async () => {
      if (running) process.kill(pid, 'SIGKILL');
      await exited;
    },
    stop: async (timeoutMs = 40_000) => {
      if (!running) return exited;
      process.kill(pid, 'SIGTERM');
      const timer = setTimeout(() => running && process.kill(pid, 'SIGKILL'), timeoutMs);
      try {
        return await exited;
      } finally {
        clearTimeout(timer);
      }
    },
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
