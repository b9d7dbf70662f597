// The deploy assets against a running system: the standalone process (`npm start` on a small
// demo branch) and, for the Kafka path it does not run, the ingestion service against the real
// broker. (e) every metric the alert rules and the Grafana dashboards name is served on their
// /metrics; (f) Debian's Prometheus server, run with deploy/prometheus/prometheus-standalone.yml
// pointed at them, scrapes every target and evaluates every rule group without error.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { requireKafkaBroker, waitUntil } from '@churn/messaging/testing';
import { parse, stringify } from 'yaml';
import {
  httpGet,
  startIngestionProcess,
  type IngestionProcess,
} from '../support/ingestion-process';
import {
  freePort,
  startStandaloneProcess,
  type StandaloneProcess,
} from '../support/standalone-process';
import {
  exposedFamilies,
  isExposed,
  metricsInDashboards,
  metricsInRules,
  recordedNames,
  type MetricUse,
} from './metric-names';
import { DEPLOY, requireTool } from './tools';

const RULES = join(DEPLOY, 'prometheus', 'rules');
const DASHBOARDS = join(DEPLOY, 'grafana', 'dashboards');

/**
 * Series no churn process serves, each with who does. Everything else the rules and dashboards
 * name must be on a running process's /metrics.
 */
const NOT_FROM_THE_SERVICES: Readonly<Record<string, string>> = {
  up: "Prometheus' own series for every scrape",
  eventstore_sys_disk_bytes: "EventStoreDB's own /metrics (23.6+), scraped as job eventstore",
};

jest.setTimeout(120_000);

let standalone: StandaloneProcess | undefined;
let ingestion: IngestionProcess | undefined;
let ingestionDir: string | undefined;

beforeAll(async () => {
  const { brokers } = await requireKafkaBroker();
  ingestionDir = mkdtempSync(join(tmpdir(), 'deploy-ingestion-'));
  const started = await Promise.allSettled([
    startStandaloneProcess({ demoCustomers: 50, demoYears: 1 }),
    startIngestionProcess({
      brokers: brokers.join(','),
      storePath: join(ingestionDir, 'events.db'),
      groupId: `system-tests.deploy.${randomUUID().slice(0, 8)}`,
      extra: { INGESTION_ENSURE_TOPICS: 'true' },
    }),
  ]);
  if (started[0].status === 'fulfilled') standalone = started[0].value;
  if (started[1].status === 'fulfilled') ingestion = started[1].value;
  for (const s of started) if (s.status === 'rejected') throw s.reason;
}, 120_000);

afterAll(async () => {
  await Promise.allSettled([standalone?.stop(), ingestion?.stop()]);
  if (ingestionDir !== undefined) rmSync(ingestionDir, { recursive: true, force: true });
}, 60_000);

const running = (): { standalone: StandaloneProcess; ingestion: IngestionProcess } => {
  if (standalone === undefined || ingestion === undefined) throw new Error('not started');
  return { standalone, ingestion };
};

describe('the metrics the rules and dashboards name', () => {
  it('are served by the running processes', async () => {
    const { standalone: s, ingestion: i } = running();
    const served = {
      standalone: exposedFamilies((await httpGet(`${s.url}/metrics`)).body),
      ingestion: exposedFamilies((await httpGet(`${i.url}/metrics`)).body),
    };
    const uses: MetricUse[] = [...metricsInRules(RULES), ...metricsInDashboards(DASHBOARDS)];
    expect(uses.length).toBeGreaterThan(40);
    const recorded = recordedNames(RULES);
    const missing = new Map<string, string[]>();
    for (const { metric, where } of uses) {
      if (metric in NOT_FROM_THE_SERVICES || recorded.has(metric)) continue;
      if (isExposed(metric, served.standalone) || isExposed(metric, served.ingestion)) continue;
      missing.set(metric, [...(missing.get(metric) ?? []), where]);
    }
    const report = [...missing].map(
      ([metric, where]) =>
        `${metric}: on neither /metrics, used by ${[...new Set(where)].join('; ')}`,
    );
    expect(report).toEqual([]);
  });
});

describe("Debian's Prometheus against the running processes", () => {
  let prometheus: ChildProcess | undefined;
  let prometheusDir: string | undefined;
  let output = '';
  let url = '';

  beforeAll(async () => {
    requireTool(
      'prometheus',
      "Debian's prometheus package (apt-get install prometheus; .ci/run does)",
    );
    const { standalone: s, ingestion: i } = running();
    prometheusDir = mkdtempSync(join(tmpdir(), 'prometheus-'));
    // The shipped configuration, with the test's own processes as targets and 1 s intervals.
    const config = parse(
      readFileSync(join(DEPLOY, 'prometheus', 'prometheus-standalone.yml'), 'utf8'),
    ) as {
      global: Record<string, unknown>;
      rule_files: string[];
      scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
    };
    const targets: Record<string, string> = {
      standalone: `127.0.0.1:${s.port}`,
      ingestion: new URL(i.url).host,
    };
    expect(config.scrape_configs.map((j) => j.job_name).sort()).toEqual(
      Object.keys(targets).sort(),
    );
    const testConfig = {
      ...config,
      global: {
        ...config.global,
        scrape_interval: '1s',
        scrape_timeout: '1s',
        evaluation_interval: '1s',
      },
      rule_files: config.rule_files.map((glob) => join(DEPLOY, 'prometheus', glob)),
      scrape_configs: config.scrape_configs.map((job) => ({
        ...job,
        static_configs: [{ targets: [targets[job.job_name]] }],
      })),
    };
    writeFileSync(join(prometheusDir, 'prometheus.yml'), stringify(testConfig));
    const port = await freePort();
    url = `http://127.0.0.1:${port}`;
    prometheus = spawn(
      'prometheus',
      [
        `--config.file=${join(prometheusDir, 'prometheus.yml')}`,
        `--storage.tsdb.path=${join(prometheusDir, 'data')}`,
        `--web.listen-address=127.0.0.1:${port}`,
      ],
      { stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const collect = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-20_000);
    };
    prometheus.stdout?.on('data', collect);
    prometheus.stderr?.on('data', collect);
    await waitUntil(
      async () => {
        if (prometheus?.exitCode !== null) throw new Error(`prometheus exited:\n${output}`);
        return (await httpGet(`${url}/-/ready`).catch(() => ({ status: 0 }))).status === 200;
      },
      { timeoutMs: 30_000, intervalMs: 200, what: () => `prometheus not ready:\n${output}` },
    );
  }, 60_000);

  afterAll(async () => {
    if (prometheus !== undefined && prometheus.exitCode === null) {
      const exited = new Promise((done) => prometheus?.once('exit', done));
      prometheus.kill('SIGTERM');
      await exited;
    }
    if (prometheusDir !== undefined) rmSync(prometheusDir, { recursive: true, force: true });
  }, 30_000);

  const api = async <T>(path: string): Promise<T> => {
    const { status, body } = await httpGet(`${url}${path}`);
    if (status !== 200) throw new Error(`GET ${path}: ${status} ${body}`);
    return (JSON.parse(body) as { data: T }).data;
  };

  it('scrapes every target', async () => {
    interface Target {
      labels: { job: string };
      health: string;
      lastError: string;
    }
    let targets: Target[] = [];
    await waitUntil(
      async () => {
        targets = (await api<{ activeTargets: Target[] }>('/api/v1/targets')).activeTargets;
        return targets.length === 2 && targets.every((t) => t.health === 'up');
      },
      { timeoutMs: 30_000, intervalMs: 250, what: () => JSON.stringify(targets) },
    );
    expect(targets.map((t) => t.labels.job).sort()).toEqual(['ingestion', 'standalone']);
  });

  it('evaluates every rule group of deploy/prometheus/rules without error', async () => {
    interface Rule {
      name: string;
      health: string;
      lastError?: string;
      lastEvaluation: string;
    }
    interface Group {
      name: string;
      file: string;
      rules: Rule[];
      lastEvaluation: string;
    }
    const expected = ruleGroupNames();
    let groups: Group[] = [];
    const evaluated = (r: { lastEvaluation: string }): boolean =>
      !r.lastEvaluation.startsWith('0001-01-01');
    await waitUntil(
      async () => {
        groups = (await api<{ groups: Group[] }>('/api/v1/rules')).groups;
        return (
          groups.length === expected.length &&
          groups.every((g) => evaluated(g) && g.rules.every(evaluated))
        );
      },
      { timeoutMs: 30_000, intervalMs: 250, what: () => JSON.stringify(groups).slice(0, 3000) },
    );
    expect(groups.map((g) => g.name).sort()).toEqual([...expected].sort());
    const unhealthy = groups.flatMap((g) =>
      g.rules
        .filter((r) => r.health !== 'ok')
        .map((r) => `${g.name}/${r.name}: ${r.health} ${r.lastError ?? ''}`),
    );
    expect(unhealthy).toEqual([]);
  });

  it('sees the processes up and the risk engine at work', async () => {
    const up = await api<{ result: { metric: { job: string }; value: [number, string] }[] }>(
      '/api/v1/query?query=up',
    );
    expect(up.result.map((r) => [r.metric.job, r.value[1]]).sort()).toEqual([
      ['ingestion', '1'],
      ['standalone', '1'],
    ]);
    const folded = await api<{ result: { value: [number, string] }[] }>(
      '/api/v1/query?query=sum(risk_events_folded_total)',
    );
    expect(Number(folded.result[0]?.value[1])).toBeGreaterThan(0);
  });
});

/** The rule group names of deploy/prometheus/rules/*.yaml. */
function ruleGroupNames(): string[] {
  return readdirSync(RULES)
    .filter((f) => f.endsWith('.yaml'))
    .flatMap((file) =>
      (parse(readFileSync(join(RULES, file), 'utf8')) as { groups: { name: string }[] }).groups.map(
        (g) => g.name,
      ),
    );
}
