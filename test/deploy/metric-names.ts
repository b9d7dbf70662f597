// Which metric names the deploy assets use (the PromQL of the alert rules and of the Grafana
// panels) and whether a /metrics exposition has them. A small lexer, not a PromQL parser: it
// blanks out strings, label matchers, ranges and label lists, then keeps every identifier that
// is not a function call, a keyword or part of a number.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';

const KEYWORDS = new Set([
  'by',
  'without',
  'on',
  'ignoring',
  'group_left',
  'group_right',
  'bool',
  'and',
  'or',
  'unless',
  'offset',
  'atan2',
  'inf',
  'nan',
]);

/** Metric names referenced by one PromQL expression (Grafana's $variables allowed in ranges). */
export function metricNamesIn(expr: string): string[] {
  const blanked = expr
    .replace(/"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`/g, ' ')
    .replace(/\{[^}]*\}/g, ' ')
    .replace(/\[[^\]]*\]/g, ' ')
    .replace(/\b(?:by|without|on|ignoring|group_left|group_right)\s*\([^)]*\)/g, ' ');
  const names = new Set<string>();
  for (const match of blanked.matchAll(/(?<![\w.$:])[a-zA-Z_:][\w:]*/g)) {
    const name = match[0];
    const rest = blanked.slice((match.index ?? 0) + name.length);
    if (/^\s*\(/.test(rest) || KEYWORDS.has(name.toLowerCase())) continue;
    names.add(name);
  }
  return [...names];
}

export interface MetricUse {
  readonly metric: string;
  /** e.g. "rules/pipeline.yaml: IngestionStalled" or "dashboards/pipeline.json: CPU". */
  readonly where: string;
}

/** Every metric named in deploy/prometheus/rules/*.yaml, with the rule that names it. */
export function metricsInRules(rulesDir: string): MetricUse[] {
  const uses: MetricUse[] = [];
  for (const file of yamlFiles(rulesDir)) {
    const doc = parse(readFileSync(join(rulesDir, file), 'utf8')) as {
      groups: { rules: { alert?: string; record?: string; expr: string }[] }[];
    };
    for (const group of doc.groups)
      for (const rule of group.rules)
        for (const metric of metricNamesIn(String(rule.expr)))
          uses.push({ metric, where: `rules/${file}: ${rule.alert ?? rule.record}` });
  }
  return uses;
}

/** Names of the recording rules (defined by the rules, not by any process). */
export function recordedNames(rulesDir: string): Set<string> {
  const names = new Set<string>();
  for (const file of yamlFiles(rulesDir)) {
    const doc = parse(readFileSync(join(rulesDir, file), 'utf8')) as {
      groups: { rules: { record?: string }[] }[];
    };
    for (const group of doc.groups)
      for (const rule of group.rules) if (rule.record) names.add(rule.record);
  }
  return names;
}

interface Panel {
  readonly title?: string;
  readonly targets?: { readonly expr?: string }[];
  readonly panels?: Panel[];
}

/** Every metric named by a panel query of deploy/grafana/dashboards/*.json. */
export function metricsInDashboards(dashboardsDir: string): MetricUse[] {
  const uses: MetricUse[] = [];
  const visit = (file: string, panel: Panel): void => {
    for (const target of panel.targets ?? [])
      for (const metric of metricNamesIn(target.expr ?? ''))
        uses.push({ metric, where: `dashboards/${file}: ${panel.title ?? '(untitled)'}` });
    for (const inner of panel.panels ?? []) visit(file, inner);
  };
  for (const file of readdirSync(dashboardsDir)
    .filter((f) => f.endsWith('.json'))
    .sort()) {
    const board = JSON.parse(readFileSync(join(dashboardsDir, file), 'utf8')) as Panel;
    visit(file, board);
  }
  return uses;
}

/** Metric families of a text exposition: name → type, from its `# TYPE` lines. */
export function exposedFamilies(exposition: string): Map<string, string> {
  const families = new Map<string, string>();
  for (const line of exposition.split('\n')) {
    const match = /^# TYPE (\S+) (\S+)/.exec(line);
    if (match?.[1] !== undefined && match[2] !== undefined) families.set(match[1], match[2]);
  }
  return families;
}

/** Whether a series name is served: a family itself, or a histogram/summary's part. */
export function isExposed(name: string, families: ReadonlyMap<string, string>): boolean {
  if (families.has(name)) return true;
  const part = /^(.*)_(bucket|sum|count)$/.exec(name);
  if (part?.[1] === undefined) return false;
  const type = families.get(part[1]);
  return type === 'histogram' || (type === 'summary' && part[2] !== 'bucket');
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
}
