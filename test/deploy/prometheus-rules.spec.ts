// deploy/prometheus with Debian's promtool: every configuration loads, every rule file is
// valid, every rule file has a unit-test file and every alert is shown firing in at least one
// test case; `promtool test rules` passes for each test file.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse, stringify } from 'yaml';
import { DEPLOY, requireTool, run } from './tools';

const PROMETHEUS = join(DEPLOY, 'prometheus');
const RULES = join(PROMETHEUS, 'rules');
const TESTS = join(PROMETHEUS, 'tests');
const HINT = "Debian's prometheus package provides it (apt-get install prometheus; .ci/run does)";

const ruleFiles = readdirSync(RULES)
  .filter((f) => f.endsWith('.yaml'))
  .sort();
const testFiles = readdirSync(TESTS)
  .filter((f) => f.endsWith('.test.yaml'))
  .sort();

interface RuleTestFile {
  rule_files: string[];
  tests: {
    alert_rule_test?: { alertname: string; exp_alerts?: unknown[] }[];
  }[];
}

const readTest = (file: string): RuleTestFile =>
  parse(readFileSync(join(TESTS, file), 'utf8')) as RuleTestFile;

const alertsOf = (file: string): string[] =>
  (
    parse(readFileSync(join(RULES, file), 'utf8')) as {
      groups: { rules: { alert?: string }[] }[];
    }
  ).groups.flatMap((g) => g.rules.flatMap((r) => (r.alert ? [r.alert] : [])));

beforeAll(() => requireTool('promtool', HINT));

describe('the Prometheus configurations', () => {
  it.each(['prometheus.yml', 'prometheus-standalone.yml'])(
    '%s loads, with its rule files',
    (file) => {
      const result = run('promtool', ['check', 'config', join(PROMETHEUS, file)]);
      expect({ status: result.status, output: result.transcript }).toMatchObject({ status: 0 });
    },
  );

  it('prometheus-kubernetes.yml loads (its pod discovery checked as static targets)', () => {
    // Debian builds Prometheus without Kubernetes service discovery, so promtool rejects the
    // kubernetes_sd_configs key itself. Everything else (relabelling, rule files) is checked by
    // loading the same configuration with static targets in its place.
    const config = parse(readFileSync(join(PROMETHEUS, 'prometheus-kubernetes.yml'), 'utf8')) as {
      rule_files: string[];
      scrape_configs: Record<string, unknown>[];
    };
    expect(config.scrape_configs.every((job) => 'kubernetes_sd_configs' in job)).toBe(true);
    const dir = mkdtempSync(join(tmpdir(), 'prometheus-k8s-'));
    try {
      const checked = {
        ...config,
        rule_files: config.rule_files.map((glob) => join(PROMETHEUS, glob)),
        scrape_configs: config.scrape_configs.map(({ kubernetes_sd_configs: _, ...job }) => ({
          ...job,
          static_configs: [{ targets: ['10.0.0.1:3001'] }],
        })),
      };
      writeFileSync(join(dir, 'prometheus.yml'), stringify(checked));
      const result = run('promtool', ['check', 'config', join(dir, 'prometheus.yml')]);
      expect({ status: result.status, output: result.transcript }).toMatchObject({ status: 0 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the alert rules', () => {
  it('cover what the issue asks for', () => {
    const alerts = ruleFiles.flatMap(alertsOf);
    for (const expected of [
      'IngestionConsumerLagHigh',
      'IngestionDeadLetterRateHigh',
      'AlertingRiskBridgeLagHigh',
      'AlertEscalationBacklog',
      'AlertSlaBreached',
      'NotificationFailureRateHigh',
      'NotificationsUndeliverable',
      'EventStoreDiskSpaceLow',
      'EmbeddedEventStoreDiskSpaceLow',
    ])
      expect(alerts).toContain(expected);
    expect(new Set(alerts).size).toBe(alerts.length);
  });

  it.each(ruleFiles)('%s passes promtool check rules', (file) => {
    const result = run('promtool', ['check', 'rules', join(RULES, file)]);
    expect({ status: result.status, output: result.transcript }).toMatchObject({ status: 0 });
  });

  it.each(ruleFiles)('%s has a unit-test file that shows each of its alerts firing', (file) => {
    const covering = testFiles.filter((t) =>
      readTest(t).rule_files.some((r) => r.endsWith(`/${file}`) || r === file),
    );
    expect(covering).not.toEqual([]);
    const fired = new Set(
      covering.flatMap((t) =>
        readTest(t).tests.flatMap((c) =>
          (c.alert_rule_test ?? []).filter((a) => (a.exp_alerts ?? []).length > 0),
        ),
      ),
    );
    const firedNames = new Set([...fired].map((a) => a.alertname));
    expect(alertsOf(file).filter((alert) => !firedNames.has(alert))).toEqual([]);
  });
});

describe('the unit tests of the rules', () => {
  it.each(testFiles)('promtool test rules %s', (file) => {
    const result = run('promtool', ['test', 'rules', file], { cwd: TESTS });
    expect({ status: result.status, output: result.transcript }).toMatchObject({ status: 0 });
  });
});
