// deploy/grafana as Grafana's provisioning reads it: one Prometheus datasource, a file provider
// reading the folder compose mounts the dashboards into, and three dashboards whose panels all
// query that datasource. (Whether their metrics exist is running-system.spec.ts' job.)
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEPLOY } from './tools';

const GRAFANA = join(DEPLOY, 'grafana');

interface Panel {
  id: number;
  type: string;
  title: string;
  datasource?: { type: string; uid: string };
  targets?: { expr: string; refId: string; datasource?: { uid: string } }[];
  gridPos: { x: number; y: number; w: number; h: number };
}

const dashboards = readdirSync(join(GRAFANA, 'dashboards'))
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => ({
    file,
    board: JSON.parse(readFileSync(join(GRAFANA, 'dashboards', file), 'utf8')) as {
      uid: string;
      title: string;
      panels: Panel[];
    },
  }));

describe('the Grafana provisioning', () => {
  const datasources = parse(
    readFileSync(join(GRAFANA, 'provisioning', 'datasources', 'prometheus.yaml'), 'utf8'),
  ) as { datasources: { uid: string; type: string; url: string }[] };
  const providers = parse(
    readFileSync(join(GRAFANA, 'provisioning', 'dashboards', 'churn.yaml'), 'utf8'),
  ) as { providers: { type: string; options: { path: string } }[] };
  const compose = readFileSync(join(DEPLOY, 'compose', 'compose.yaml'), 'utf8');

  it('provides the Prometheus of the compose file and reads the dashboards where compose mounts them', () => {
    expect(datasources.datasources).toEqual([
      expect.objectContaining({
        uid: 'prometheus',
        type: 'prometheus',
        url: 'http://prometheus:9090',
      }),
    ]);
    const path = providers.providers[0]?.options.path;
    expect(compose).toContain(`../grafana/dashboards:${path}:ro`);
    expect(compose).toContain('../grafana/provisioning:/etc/grafana/provisioning:ro');
  });

  it('has the pipeline, alerts-and-SLAs and branch dashboards, with distinct uids', () => {
    expect(dashboards.map((d) => d.file)).toEqual([
      'alerts-and-slas.json',
      'branch-churn.json',
      'pipeline.json',
    ]);
    expect(new Set(dashboards.map((d) => d.board.uid)).size).toBe(3);
  });

  it.each(dashboards.map((d) => [d.file, d.board] as const))(
    '%s: every panel queries the provisioned datasource, ids unique, within the 24-column grid',
    (_file, board) => {
      const ids = board.panels.map((p) => p.id);
      expect(new Set(ids).size).toBe(ids.length);
      const queries = board.panels.filter((p) => p.type !== 'row');
      expect(queries.length).toBeGreaterThanOrEqual(6);
      for (const panel of queries) {
        expect([panel.title, panel.datasource?.uid]).toEqual([panel.title, 'prometheus']);
        expect([panel.title, (panel.targets ?? []).length > 0]).toEqual([panel.title, true]);
        for (const t of panel.targets ?? []) expect(t.expr.trim()).not.toBe('');
        expect(panel.gridPos.x + panel.gridPos.w).toBeLessThanOrEqual(24);
      }
    },
  );
});
