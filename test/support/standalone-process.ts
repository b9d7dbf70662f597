// The standalone system (`npm start`: services/standalone/src/main.ts through ts-node) as a real
// OS process on a temporary store with a small demo branch, for the tests that look at what a
// running system serves (/metrics, /health) or point a real Prometheus at it. PORT=0 lets the OS
// pick the port; the URL is read from the "health: ..." line it prints once the demo branch is in.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { waitUntil } from '@churn/messaging/testing';

const REPO_ROOT = resolve(__dirname, '../..');
const READY = /health:\s+http:\/\/[^\s:]+:(\d+)\/health/;

export interface StandaloneOptions {
  /** Size of the simulated demo branch fed in at start (DEMO_CUSTOMERS); 50 by default. */
  readonly demoCustomers?: number;
  /** Years of history for the demo branch (DEMO_YEARS); 1 by default. */
  readonly demoYears?: number;
  /** Any other variable. */
  readonly extra?: Readonly<Record<string, string>>;
}

export interface StandaloneProcess {
  readonly pid: number;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  readonly port: number;
  /** The temporary DATA_DIR (removed by stop()). */
  readonly dataDir: string;
  /** Milliseconds from spawn to the "health:" line (demo branch fed in). */
  readonly startupMs: number;
  /** Everything it printed so far (stdout and stderr), for failure messages. */
  output(): string;
  alive(): boolean;
  /** SIGTERM (SIGKILL after timeoutMs), then the data dir is removed. */
  stop(timeoutMs?: number): Promise<void>;
}

export async function startStandaloneProcess(
  options: StandaloneOptions = {},
  readyTimeoutMs = 90_000,
): Promise<StandaloneProcess> {
  const dataDir = mkdtempSync(join(tmpdir(), 'standalone-'));
  const startedAt = Date.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'services/standalone/src/main.ts',
    ],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        TS_NODE_PROJECT: 'tsconfig.scripts.json',
        NO_COLOR: '1',
        HOST: '127.0.0.1',
        PORT: '0',
        DATA_DIR: dataDir,
        DEMO_CUSTOMERS: String(options.demoCustomers ?? 50),
        DEMO_YEARS: String(options.demoYears ?? 1),
        ...options.extra,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  let port: number | undefined;
  let readyAt = 0;
  const collect = (chunk: Buffer): void => {
    output += chunk.toString('utf8');
    if (output.length > 200_000) output = output.slice(-100_000);
    if (port === undefined) {
      const match = READY.exec(output);
      if (match?.[1] !== undefined) {
        port = Number(match[1]);
        readyAt = Date.now();
      }
    }
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);
  let running = true;
  const exited = new Promise<void>((done) =>
    child.once('exit', () => {
      running = false;
      done();
    }),
  );
  const cleanUp = (): void => rmSync(dataDir, { recursive: true, force: true });
  try {
    await waitUntil(() => port !== undefined || !running, {
      timeoutMs: readyTimeoutMs,
      intervalMs: 50,
      what: () => `the standalone system did not print where to look:\n${output.slice(-3000)}`,
    });
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    cleanUp();
    throw error;
  }
  if (port === undefined) {
    cleanUp();
    throw new Error(`the standalone system exited during start-up:\n${output.slice(-3000)}`);
  }
  const pid = child.pid as number;
  const readyPort = port;
  return {
    pid,
    port: readyPort,
    url: `http://127.0.0.1:${readyPort}`,
    dataDir,
    startupMs: readyAt - startedAt,
    output: () => output,
    alive: () => running,
    stop: async (timeoutMs = 30_000) => {
      if (running) {
        process.kill(pid, 'SIGTERM');
        const timer = setTimeout(() => running && process.kill(pid, 'SIGKILL'), timeoutMs);
        try {
          await exited;
        } finally {
          clearTimeout(timer);
        }
      }
      cleanUp();
    },
  };
}

/** A TCP port on 127.0.0.1 that nothing listened on a moment ago (for a server we start). */
export function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.unref();
    server.once('error', fail);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => done(port));
    });
  });
}
