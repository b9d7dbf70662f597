// The standalone system (`npm start`: services/standalone/src/main.ts through ts-node) as a real
// OS process on a temporary store with a small demo branch, for the tests that look at what a
// running system serves (/metrics, /health) or point a real Prometheus at it. PORT=0 lets the OS
// pick the port; the URL is read from the "health: ..." line it prints once the demo branch is in.
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startNodeProcess } from './node-process';

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
  const cleanUp = (): void => rmSync(dataDir, { recursive: true, force: true });
  const started = await startNodeProcess({
    name: 'the standalone system',
    script: 'services/standalone/src/main.ts',
    env: {
      DATA_DIR: dataDir,
      DEMO_CUSTOMERS: String(options.demoCustomers ?? 50),
      DEMO_YEARS: String(options.demoYears ?? 1),
      ...options.extra,
    },
    ready: READY,
    readyTimeoutMs,
  }).catch((error: unknown) => {
    cleanUp();
    throw error;
  });
  const port = Number(started.ready);
  return {
    pid: started.pid,
    port,
    url: `http://127.0.0.1:${port}`,
    dataDir,
    startupMs: started.startupMs,
    output: started.output,
    alive: started.alive,
    stop: async (timeoutMs = 30_000) => {
      await started.stop(timeoutMs);
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
