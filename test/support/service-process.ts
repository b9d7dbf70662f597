// One of the system's services (services/<name>/src/main.ts through ts-node, as package.json's
// scripts run them) as a real OS process, so that SIGKILL is a real crash: no shutdown hook
// runs, nothing is flushed or committed. PORT=0 lets the OS pick the port; the URL is read from
// the "ready" line each service prints. Everything it prints is kept for failure messages.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { waitUntil } from '@churn/messaging/testing';

const REPO_ROOT = resolve(__dirname, '../..');

export type ServiceName = 'ingestion' | 'risk-engine' | 'alerting' | 'audit-api';
/** The pipeline proper: Kafka in, alerts out. The audit API only reads the store. */
export const SERVICE_NAMES: readonly ServiceName[] = ['ingestion', 'risk-engine', 'alerting'];

/** What each service prints once it listens (services/<name>/src/main.ts): its origin comes first. */
const READY: Readonly<Record<ServiceName, RegExp>> = {
  ingestion: /ingestion ready: (http:\/\/[^\s/]+)/,
  'risk-engine': /risk engine ready: (http:\/\/[^\s/]+)/,
  alerting: /alerting ready: (http:\/\/[^\s/]+)/,
  'audit-api': /audit API ready: (http:\/\/[^\s/]+)/,
};

export type ExitStatus = { code: number | null; signal: NodeJS.Signals | null };

export interface ServiceProcess {
  readonly name: ServiceName;
  readonly pid: number;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** Milliseconds from spawn to the ready line. */
  readonly startupMs: number;
  output(): string;
  readonly exited: Promise<ExitStatus>;
  alive(): boolean;
  /** SIGKILL: a crash. */
  kill(): Promise<ExitStatus>;
  /** SIGTERM (SIGKILL after timeoutMs): the graceful stop an orchestrator asks for. */
  stop(timeoutMs?: number): Promise<ExitStatus>;
}

export async function startServiceProcess(
  name: ServiceName,
  env: Readonly<Record<string, string>>,
  readyTimeoutMs = 90_000,
): Promise<ServiceProcess> {
  const startedAt = Date.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      `services/${name}/src/main.ts`,
    ],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        TS_NODE_PROJECT: 'tsconfig.scripts.json',
        NO_COLOR: '1',
        HOST: '127.0.0.1',
        PORT: '0',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  let url: string | undefined;
  let readyAt = 0;
  const collect = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    if (output.length > 400_000) output = output.slice(-200_000);
    if (url === undefined) {
      const match = READY[name].exec(output);
      if (match?.[1] !== undefined) {
        url = match[1].replace('localhost', '127.0.0.1');
        readyAt = Date.now();
      }
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let running = true;
  const exited = new Promise<ExitStatus>((done) =>
    child.once('exit', (code, signal) => {
      running = false;
      done({ code, signal });
    }),
  );
  try {
    await waitUntil(() => url !== undefined || !running, {
      timeoutMs: readyTimeoutMs,
      intervalMs: 25,
      what: () => `${name} did not print its ready line:\n${output.slice(-3000)}`,
    });
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  if (url === undefined) throw new Error(`${name} exited during start-up:\n${output.slice(-3000)}`);
  const pid = child.pid as number;
  const readyUrl = url;
  return {
    name,
    pid,
    url: readyUrl,
    startupMs: readyAt - startedAt,
    output: () => output,
    exited,
    alive: () => running,
    kill: async () => {
      if (running) process.kill(pid, 'SIGKILL');
      return exited;
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
