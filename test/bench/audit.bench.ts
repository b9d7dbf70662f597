import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alertingAuthOptionsFromEnv, StaffTokens, tokenKeysOf } from '@churn/alerting';
import { AuditReadModels } from '@churn/audit';
import { generateCustomerHistory } from '@churn/domain-customer/testing';
import type { BankFact } from '@churn/domain-facts';
import { SqliteEventStore, type EventStore, type NewEvent } from '@churn/event-store';
import { decodeMessage, factMessage, messageEnvelope } from '@churn/ingestion';
import { loadRiskPolicy, RiskEngine, RiskEngineLoop } from '@churn/risk';
import { simulateBranch } from '@churn/simulator';
import type { Benchmark, BenchRow } from './bench-table';

/**
 * The audit API as issue 6 §3 measures it. (1) `GET /audit/customers/:id/state?at=` for a
 * customer with a ten-year history, served by the audit API service in a child process (ts-node
 * services/audit-api/src/main.ts on a store prepared first) and driven from a second child at a
 * fixed 200 requests a second for 20 s, random moments over the ten years, keep-alive HTTP:
 * p50, p99 and max latency, counted from when each request was due (so a late generator or a
 * queue shows), and the rate achieved; the baseline is the same schedule against `GET /health`.
 * (2) The full rebuild of the audit read models (alert index and branch clock: every event of
 * every customer stream) over a simulated branch held in the embedded store, against a bare
 * `readAll` of the same events; and the build of one customer's month-end snapshots.
 */
const RATE = Number(process.env['BENCH_AUDIT_RATE'] ?? 200);
const SECONDS = Number(process.env['BENCH_AUDIT_SECONDS'] ?? 20);
const BRANCH_CUSTOMERS = Number(process.env['BENCH_AUDIT_CUSTOMERS'] ?? 20_000);
const BRANCH_YEARS = 3;
const POLICY = 'deploy/policy/risk-policy.yaml';
const SECRET = 'audit-bench-secret-that-is-long-enough-0123456789';
const CUSTOMER = 'C42';
const NOW = new Date('2100-01-01T00:00:00Z');

/** Ingestion's appends for facts from Kafka: each with its topic, partition and offset. */
const appendsOf = (facts: Iterable<BankFact>) => {
  const offsets = new Map<string, number>();
  const appends: { stream: string; event: NewEvent }[] = [];
  for (const fact of facts) {
    const message = factMessage(fact);
    const offset = offsets.get(message.topic) ?? 0;
    offsets.set(message.topic, offset + 1);
    const decoded = decodeMessage(messageEnvelope(message, { offset: String(offset) }), {
      now: NOW,
    });
    if (decoded.kind !== 'facts') throw new Error(`bench fact refused: ${decoded.detail}`);
    appends.push(...decoded.appends);
  }
  return appends;
};

const store = async (
  target: EventStore,
  appends: readonly { stream: string; event: NewEvent }[],
) => {
  let position = 0;
  for (let from = 0; from < appends.length; from += 2_000) {
    const results = await Promise.all(
      appends
        .slice(from, from + 2_000)
        .map(({ stream, event }) => target.append(stream, [event], { expectedRevision: 'any' })),
    );
    position = results[results.length - 1]?.position ?? position;
  }
  return position;
};

/** The ten-year customer, stored as ingestion stores it, with the risk engine's events. */
const prepareCustomerStore = async (dir: string): Promise<Customer> => {
  const facts = generateCustomerHistory({ customerId: CUSTOMER, seed: 42, years: 10 });
  const target = SqliteEventStore.open(join(dir, 'events.db'));
  try {
    const last = await store(target, appendsOf(facts));
    const engine = new RiskEngine(loadRiskPolicy(POLICY));
    const loop = new RiskEngineLoop(target, target.checkpointStore(), engine, {
      subscriberId: 'risk-engine',
      flushEveryInputs: 10_000,
      flushEveryMs: 100,
    });
    await loop.start();
    await loop.handledUpTo(last, 300_000);
    await loop.stop();
    const events = (await target.loadStream(`customer-${CUSTOMER}`)).length;
    const times = facts.map((f) => Date.parse(f.data.occurredAt));
    return { events, firstMs: Math.min(...times), lastMs: Math.max(...times) };
  } finally {
    target.close();
  }
};

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });

const startService = async (
  dir: string,
  port: number,
  extraEnv: Readonly<Record<string, string>> = {},
): Promise<ChildProcess> => {
  const child = spawn(
    process.execPath,
    [
      require.resolve('ts-node/dist/bin'),
      '-P',
      'tsconfig.scripts.json',
      '-r',
      'tsconfig-paths/register',
      'services/audit-api/src/main.ts',
    ],
    {
      env: {
        ...process.env,
        DATA_DIR: dir,
        PORT: String(port),
        HOST: '127.0.0.1',
        ALERTING_JWT_SECRET: SECRET,
        ...extraEnv,
      },
      stdio: ['ignore', 'ignore', 'inherit'],
    },
  );
  const deadline = Date.now() + 180_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the audit API exited with ${child.exitCode}`);
    if (Date.now() > deadline) throw new Error('the audit API did not answer /health within 180 s');
    const up = await fetch(`http://127.0.0.1:${port}/health`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) return child;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
};

const stopService = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });

/**
 * The load generator, run by a second Node process: an open schedule of `RATE` requests a
 * second (one due every 1000/RATE ms, sent when due whether or not earlier ones have answered)
 * over a keep-alive agent; latency from the moment each was due.
 */
const LOAD_SCRIPT = `
const http = require('node:http');
const e = process.env;
const rate = Number(e.RATE), seconds = Number(e.SECONDS), total = rate * seconds;
const first = Number(e.FIRST_MS), last = Number(e.LAST_MS);
const agent = new http.Agent({ keepAlive: true, maxSockets: 256 });
let seed = Number(e.SEED) >>> 0;
const random = () => { seed = (seed + 0x6d2b79f5) >>> 0; let t = seed;
  t = Math.imul(t ^ (t >>> 15), t | 1); t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296; };
const pathOf = () => e.KIND === 'health' ? '/health'
  : e.PATH + '?at=' + encodeURIComponent(new Date(first + random() * (last - first)).toISOString());
const due = [], sent = [], bad = [];
let done = 0, errors = 0, next = 0, lastEnd = 0;
const start = performance.now() + 20;
const finish = (now) => { lastEnd = Math.max(lastEnd, now); if (++done === total) report(); };
const send = (i) => {
  const dueAt = start + (i * 1000) / rate, sentAt = performance.now();
  const req = http.request({ host: '127.0.0.1', port: Number(e.PORT), path: pathOf(), agent,
    headers: { authorization: 'Bearer ' + e.TOKEN } }, (res) => {
    res.resume();
    res.on('end', () => { const now = performance.now(); due.push(now - dueAt); sent.push(now - sentAt);
      if (res.statusCode !== 200) bad.push(res.statusCode); finish(now); });
  });
  req.on('error', () => { errors++; finish(performance.now()); });
  req.end();
};
const pump = () => {
  const now = performance.now();
  while (next < total && start + (next * 1000) / rate <= now) send(next++);
  if (next < total) setTimeout(pump, Math.max(0, start + (next * 1000) / rate - performance.now()));
};
const pct = (xs, p) => xs[Math.min(xs.length - 1, Math.max(0, Math.ceil((p / 100) * xs.length) - 1))];
const report = () => {
  due.sort((a, b) => a - b); sent.sort((a, b) => a - b);
  const statuses = {}; for (const s of bad) statuses[s] = (statuses[s] || 0) + 1;
  process.stdout.write(JSON.stringify({ requests: total, answered: due.length, errors, notOk: bad.length, statuses,
    p50: pct(due, 50), p99: pct(due, 99), max: due[due.length - 1],
    sentP50: pct(sent, 50), sentP99: pct(sent, 99), rate: due.length / ((lastEnd - start) / 1000) }));
  agent.destroy();
};
setTimeout(pump, 20);
`;

interface LoadResult {
  readonly requests: number;
  readonly answered: number;
  readonly errors: number;
  readonly notOk: number;
  readonly statuses: Readonly<Record<string, number>>;
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  readonly rate: number;
}

const drive = (env: Record<string, string>, seconds: number): Promise<LoadResult> =>
  new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['-e', LOAD_SCRIPT], {
      env: { ...process.env, ...env, RATE: String(RATE), SECONDS: String(seconds) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) =>
      code === 0
        ? resolve(JSON.parse(out) as LoadResult)
        : reject(new Error(`load generator exited ${code}`)),
    );
  });

const rebuildBranch = async () => {
  const facts = simulateBranch({ seed: 7, customers: BRANCH_CUSTOMERS, years: BRANCH_YEARS }).facts;
  const dir = mkdtempSync(join(tmpdir(), 'audit-rebuild-bench-'));
  const target = SqliteEventStore.open(join(dir, 'events.db'), { synchronous: 'NORMAL' });
  try {
    const inputs: { stream: string; event: NewEvent }[] = [];
    for (const fact of facts)
      inputs.push({
        stream: `customer-${fact.data.customerId}`,
        event: {
          id: `00000000-0000-5000-8000-${inputs.length.toString(16).padStart(12, '0')}`,
          type: fact.type,
          data: fact.data,
          metadata: { occurredAt: fact.data.occurredAt, schemaVersion: fact.schemaVersion },
        },
      });
    await store(target, inputs);
    const bare = process.hrtime.bigint();
    let read = 0;
    for await (const _event of target.readAll({ streamPrefixes: ['customer-'] })) read += 1;
    const bareSeconds = Number(process.hrtime.bigint() - bare) / 1e9;
    const models = new AuditReadModels(target);
    const report = await models.rebuild();
    await models.stop();
    return { events: read, bareSeconds, report };
  } finally {
    target.close();
    rmSync(dir, { recursive: true, force: true });
  }
};

interface Customer {
  readonly events: number;
  readonly firstMs: number;
  readonly lastMs: number;
}

/** One configuration of the service under the fixed schedule: started, measured, stopped. */
const measureService = async (
  dir: string,
  customer: Customer,
  label: string,
  extraEnv: Readonly<Record<string, string>>,
): Promise<BenchRow[]> => {
  const port = await freePort();
  const service = await startService(dir, port, extraEnv);
  try {
    const auth = alertingAuthOptionsFromEnv({ ALERTING_JWT_SECRET: SECRET });
    const tokens = new StaffTokens(tokenKeysOf(auth), { now: () => new Date() });
    const token = (await tokens.issueStaffToken('AUD-001')).accessToken;
    const common = {
      PORT: String(port),
      TOKEN: token,
      FIRST_MS: String(customer.firstMs),
      LAST_MS: String(customer.lastMs),
      PATH: `/audit/customers/${CUSTOMER}/state`,
    };
    const coldStart = process.hrtime.bigint();
    const first = await fetch(`http://127.0.0.1:${port}${common.PATH}`, {
      headers: { authorization: `Bearer ${token}` },
    });
    const body = await first.text();
    if (first.status !== 200) throw new Error(`state-as-of answered ${first.status}: ${body}`);
    const coldMs = Number(process.hrtime.bigint() - coldStart) / 1e6;
    await drive({ ...common, KIND: 'state', SEED: '1' }, 3); // warm-up: JIT and snapshots
    const health = await drive({ ...common, KIND: 'health', SEED: '2' }, SECONDS);
    const state = await drive({ ...common, KIND: 'state', SEED: '3' }, SECONDS);
    const failed = state.errors + state.notOk;
    const failures = Object.entries(state.statuses).map(([status, n]) => `${n} × ${status}`);
    if (state.errors > 0) failures.push(`${state.errors} connection errors`);
    const where = `${customer.events.toLocaleString('en-US')}-event ten-year customer, ${RATE} req/s for ${SECONDS} s from a second process`;
    return [
      {
        bench: 'audit',
        measure: `${label}: GET state-as-of, random moments, ${where}, p50 (baseline: GET /health on the same schedule)`,
        value: state.p50,
        unit: 'ms',
        baseline: health.p50,
      },
      {
        bench: 'audit',
        measure: `${label}: same, p99`,
        value: state.p99,
        unit: 'ms',
        baseline: health.p99,
        target: '<= 50 ms at 200 req/s',
        met: state.p99 <= 50 && failed === 0 && state.rate >= RATE * 0.95,
      },
      {
        bench: 'audit',
        measure: `${label}: same, max`,
        value: state.max,
        unit: 'ms',
        baseline: health.max,
      },
      {
        bench: 'audit',
        measure: `${label}: same, rate achieved (${state.answered} answered, ${failed} failed${failures.length ? `: ${failures.join(', ')}` : ''})`,
        value: state.rate,
        unit: 'req/s',
        baseline: health.rate,
      },
      {
        bench: 'audit',
        measure: `${label}: the customer's first query (read and fold ten years, keep month-end snapshots)`,
        value: coldMs,
        unit: 'ms',
      },
    ];
  } finally {
    await stopService(service);
  }
};

export const auditBenchmark: Benchmark = {
  name: 'audit',
  async run(): Promise<readonly BenchRow[]> {
    const dir = mkdtempSync(join(tmpdir(), 'audit-bench-'));
    try {
      const customer = await prepareCustomerStore(dir);
      const alone = await measureService(dir, customer, 'audit routes alone', {
        AUDIT_BRANCH_ANALYTICS: 'false',
      });
      const shipped = await measureService(
        dir,
        customer,
        'service as shipped (+ branch analytics)',
        {},
      );
      const branch = await rebuildBranch();
      return [
        ...alone,
        ...shipped,
        {
          bench: 'audit',
          measure: `rebuild all audit read models (alert index + branch clock), ${BRANCH_CUSTOMERS.toLocaleString('en-US')} customers × ${BRANCH_YEARS} years (${branch.events.toLocaleString('en-US')} events); baseline: bare readAll`,
          value: branch.report.seconds,
          unit: 's',
          baseline: branch.bareSeconds,
        },
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
