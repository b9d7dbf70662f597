// A TypeScript entry point of this repository (through ts-node, as package.json's scripts run
// them) as a real OS process, so that SIGKILL is a real crash: no shutdown hook runs, nothing is
// flushed or committed. It is ready once its output matches `ready` (each service prints where
// it listens); everything it prints is kept for failure messages. A service's entry point runs
// with the V8 flags its image gives node (service-node-flags.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { waitUntil } from '@churn/messaging/testing';
import { nodeFlagsOf } from './service-node-flags';

const REPO_ROOT = resolve(__dirname, '../..');

export type ExitStatus = { code: number | null; signal: NodeJS.Signals | null };

export interface NodeProcessSpec {
  /** What it is, in failure messages. */
  readonly name: string;
  /** The entry point, relative to the repository root. */
  readonly script: string;
  readonly env: Readonly<Record<string, string>>;
  /** Matches the line it prints once it is ready; its first group is kept as `ready`. */
  readonly ready: RegExp;
  readonly readyTimeoutMs: number;
  /** Characters of output kept (the latest half is kept when it grows past this). */
  readonly keepOutput?: number;
}

export interface NodeProcess {
  readonly pid: number;
  /** The first group of the ready line's match. */
  readonly ready: string;
  /** Milliseconds from spawn to the ready line. */
  readonly startupMs: number;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  readonly exited: Promise<ExitStatus>;
  alive(): boolean;
  /** SIGKILL: a crash. */
  kill(): Promise<ExitStatus>;
  /** SIGTERM (SIGKILL after timeoutMs): the graceful stop an orchestrator asks for. */
  stop(timeoutMs: number): Promise<ExitStatus>;
}

/**
 * With SYSTEM_TEST_LOG_DIR set, everything a process prints is also written whole to
 * `<dir>/<name>-<pid>.log` (a failure message keeps only the tail).
 */
const outputFile = (name: string, pid: number | undefined): string | null => {
  const dir = process.env['SYSTEM_TEST_LOG_DIR'];
  if (!dir) return null;
  mkdirSync(dir, { recursive: true });
  return join(dir, `${name.replace(/[^\w.-]+/g, '_')}-${pid ?? 'unknown'}.log`);
};

export async function startNodeProcess(spec: NodeProcessSpec): Promise<NodeProcess> {
  const keep = spec.keepOutput ?? 200_000;
  const startedAt = Date.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      ...nodeFlagsOf(spec.script),
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      spec.script,
    ],
    {
      cwd: REPO_ROOT,
      env: {
        ...process.env,
        TS_NODE_PROJECT: 'tsconfig.scripts.json',
        NO_COLOR: '1',
        HOST: '127.0.0.1',
        PORT: '0',
        ...spec.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  let ready: string | undefined;
  let readyAt = 0;
  const logFile = outputFile(spec.name, child.pid);
  const collect = (chunk: Buffer): void => {
    if (logFile !== null) appendFileSync(logFile, chunk);
    output += chunk.toString('utf8');
    if (output.length > keep) output = output.slice(-keep / 2);
    if (ready === undefined) {
      const match = spec.ready.exec(output);
      if (match?.[1] !== undefined) {
        ready = match[1];
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
    await waitUntil(() => ready !== undefined || !running, {
      timeoutMs: spec.readyTimeoutMs,
      intervalMs: 25,
      what: () => `${spec.name} did not print its ready line:\n${output.slice(-3000)}`,
    });
  } catch (error) {
    child.kill('SIGKILL');
    await exited;
    throw error;
  }
  if (ready === undefined)
    throw new Error(`${spec.name} exited during start-up:\n${output.slice(-3000)}`);
  const pid = child.pid as number;
  return {
    pid,
    ready,
    startupMs: readyAt - startedAt,
    output: () => output,
    exited,
    alive: () => running,
    kill: async () => {
      if (running) process.kill(pid, 'SIGKILL');
      return exited;
    },
    stop: async (timeoutMs) => {
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
