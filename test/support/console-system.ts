// The web console in front of a running system, for the browser tests (test/console): the
// standalone process (test/support/standalone-process.ts) on a small demo branch, serving
// /console (ConsoleModule, services/standalone) and the alerting and audit APIs on one origin,
// with the console built from the current sources into a temporary directory (CONSOLE_DIR).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { waitUntil } from '@churn/messaging/testing';
import { httpGet } from './ingestion-process';
import { startStandaloneProcess } from './standalone-process';

const REPO_ROOT = resolve(__dirname, '../..');

export interface ConsoleSystemOptions {
  readonly demoCustomers: number;
  readonly demoYears: number;
  readonly demoSeed: number;
}

export interface ConsoleSystem {
  /** Where the browser goes: http://127.0.0.1:<port>, serving /console and the APIs. */
  readonly url: string;
  /** The system's DATA_DIR (where `npm run ingest` leaves its dead-letter files). */
  readonly dataDir: string;
  stop(): Promise<void>;
}

/** `vite build` of libs/console into `outDir` (a few seconds; the sources under test, always). */
export const buildConsole = (outDir: string): void => {
  execFileSync(
    join(REPO_ROOT, 'node_modules', '.bin', 'vite'),
    ['build', '--config', 'libs/console/vite.config.ts', '--outDir', outDir, '--emptyOutDir'],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, VITE_CONFIG_NATIVE_IGNORE_WARNING: 'true' },
      stdio: 'pipe',
    },
  );
};

/**
 * `CONSOLE_TEST_URL` (and `CONSOLE_TEST_DATA_DIR`) point the tests at a system already running,
 * serving the console and the APIs, instead of starting one: for trying the console against a
 * process started by hand (`npm start`, or one composed differently) during development. The
 * tests then exercise that process's console build, not the current sources.
 */
export async function startConsoleSystem(options: ConsoleSystemOptions): Promise<ConsoleSystem> {
  const running = process.env['CONSOLE_TEST_URL'];
  if (running)
    return {
      url: running.replace(/\/$/, ''),
      dataDir: process.env['CONSOLE_TEST_DATA_DIR'] ?? join(REPO_ROOT, 'data'),
      stop: async () => undefined,
    };
  const buildDir = mkdtempSync(join(tmpdir(), 'console-build-'));
  buildConsole(buildDir);
  const standalone = await startStandaloneProcess({
    demoCustomers: options.demoCustomers,
    demoYears: options.demoYears,
    extra: {
      DEMO_SEED: String(options.demoSeed),
      // The whole demo branch at once, SLA clocks in real time: nothing moves during a test.
      DEMO_DAYS_PER_SECOND: '0',
      ALERTING_CLOCK_SPEED: '1',
      CONSOLE_DIR: buildDir,
    },
  });
  try {
    // The standalone must serve this build, not a stale dist/console: the page is the one built.
    const served = await httpGet(`${standalone.url}/console/`);
    const built = readFileSync(join(buildDir, 'index.html'), 'utf8');
    if (served.status !== 200 || served.body !== built)
      throw new Error(
        `the standalone does not serve the console built into CONSOLE_DIR=${buildDir}: ` +
          `GET /console/ answered ${served.status}\n${standalone.output().slice(-2000)}`,
      );
    return {
      url: standalone.url,
      dataDir: standalone.dataDir,
      stop: async () => {
        await standalone.stop();
        rmSync(buildDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    await standalone.stop();
    rmSync(buildDir, { recursive: true, force: true });
    throw error;
  }
}

/**
 * `npm run ingest -- <feed>` into the running system's data directory: its rejected lines land
 * in `<feed>.dlq.ndjson` there, where the operations view reads dead letters in file mode.
 */
export const ingestFeed = (dataDir: string, name: string, lines: readonly string[]): void => {
  const feed = join(dataDir, name);
  writeFileSync(feed, `${lines.join('\n')}\n`);
  execFileSync(
    process.execPath,
    [
      '-r',
      'ts-node/register/transpile-only',
      '-r',
      'tsconfig-paths/register',
      'services/standalone/src/ingest-file.ts',
      feed,
    ],
    {
      cwd: REPO_ROOT,
      env: { ...process.env, TS_NODE_PROJECT: 'tsconfig.scripts.json', DATA_DIR: dataDir },
      stdio: 'pipe',
    },
  );
};

/** A demo token for `staffId` (POST /auth/demo-login). */
export const demoToken = async (url: string, staffId: string): Promise<string> => {
  const response = await fetch(`${url}/auth/demo-login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ staffId }),
  });
  if (!response.ok) throw new Error(`demo login ${staffId}: ${response.status}`);
  return ((await response.json()) as { accessToken: string }).accessToken;
};

/** GET or POST an API path as `staffId`; the parsed answer, or an error naming the status. */
export const api = async <T>(
  url: string,
  staffId: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: T }> => {
  const token = await demoToken(url, staffId);
  const response = await fetch(`${url}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: (text === '' ? null : JSON.parse(text)) as T };
};

interface AlertPage {
  readonly total: number;
  readonly items: readonly unknown[];
}

/**
 * Waits until the risk engine and alerting have worked through the demo branch: the branch
 * head's count of alerts (every status) has stayed the same, and above zero, for `quietMs`.
 */
export const waitForAlertsToSettle = async (
  url: string,
  { timeoutMs = 90_000, quietMs = 3_000 } = {},
): Promise<number> => {
  let last = -1;
  let since = Date.now();
  await waitUntil(
    async () => {
      const { body } = await api<AlertPage>(url, 'BH-001', '/alerts?status=all&limit=1');
      if (body.total !== last) {
        last = body.total;
        since = Date.now();
      }
      return last > 0 && Date.now() - since >= quietMs;
    },
    {
      timeoutMs,
      intervalMs: 500,
      what: () => `the demo branch's alerts did not settle (last count ${last})`,
    },
  );
  return last;
};

/**
 * Debian's Chromium as the issue asks: headless, and without the background networking that
 * the closed network refuses. Playwright gives every launch a fresh temporary profile.
 */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
] as const;
export const CHROMIUM_PATH = process.env['CHROMIUM_PATH'] ?? '/usr/bin/chromium';
