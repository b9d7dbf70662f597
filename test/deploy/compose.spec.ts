// deploy/compose/compose.yaml as Docker Compose reads it (`docker compose config`, or Debian's
// docker-compose where the docker CLI has no compose plugin): it loads, it has the topology the
// README describes, the services' environment is accepted by their own settings parsers, and
// Prometheus' targets are the compose services. No engine runs here: nothing is built or started.
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DEPLOY, REPO_ROOT, available, run } from './tools';

const COMPOSE_FILE = join(DEPLOY, 'compose', 'compose.yaml');
const SERVICES = ['ingestion', 'risk-engine', 'alerting', 'audit-api'] as const;

interface ComposeService {
  image?: string;
  build?: { context: string; dockerfile: string };
  environment?: Record<string, string | number | null>;
  ports?: { published: string | number; target: number | string }[];
  volumes?: (string | { type: string; source: string; target: string })[];
  healthcheck?: unknown;
  depends_on?: Record<string, { condition: string }> | string[];
}

interface ComposeModel {
  services: Record<string, ComposeService>;
}

let model: ComposeModel;
let compose: { cmd: string; args: string[] };
/** The RM API's token key, which the compose file requires from the environment. */
const JWT_SECRET = randomBytes(32).toString('hex');

beforeAll(() => {
  const command = available('docker', ['compose', 'version'])
    ? { cmd: 'docker', args: ['compose'] }
    : available('docker-compose', ['version'])
      ? { cmd: 'docker-compose', args: [] }
      : undefined;
  if (command === undefined)
    throw new Error(
      "neither `docker compose` nor `docker-compose` runs here: install Debian's docker-compose (.ci/run does)",
    );
  compose = command;
  const result = run(command.cmd, [...command.args, '-f', COMPOSE_FILE, 'config'], {
    env: { ALERTING_JWT_SECRET: JWT_SECRET },
  });
  if (result.status !== 0) throw new Error(`compose config failed:\n${result.transcript}`);
  model = parse(result.stdout) as ComposeModel;
});

const env = (service: string): Record<string, string> =>
  Object.fromEntries(
    Object.entries(model.services[service]?.environment ?? {}).map(([k, v]) => [k, String(v)]),
  );

const bindSources = (service: ComposeService): string[] =>
  (service.volumes ?? []).flatMap((v) => {
    if (typeof v === 'string') {
      const source = v.split(':')[0] ?? '';
      return source.startsWith('/') ? [source] : [];
    }
    return v.type === 'bind' ? [v.source] : [];
  });

describe('the compose file', () => {
  it('loads, with Kafka, EventStoreDB, the four services, Prometheus and Grafana', () => {
    expect(Object.keys(model.services).sort()).toEqual(
      [...SERVICES, 'kafka', 'eventstore', 'prometheus', 'grafana'].sort(),
    );
  });

  it('runs Kafka 3.9 in KRaft mode without topic auto-creation', () => {
    const kafka = model.services['kafka'] as ComposeService;
    expect(kafka.image).toMatch(/^apache\/kafka:3\.9\.\d+$/);
    expect(env('kafka')).toMatchObject({
      KAFKA_PROCESS_ROLES: 'broker,controller',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
    });
    expect(kafka.healthcheck).toBeDefined();
  });

  it('runs EventStoreDB as one insecure node without projections', () => {
    expect(env('eventstore')).toMatchObject({
      EVENTSTORE_CLUSTER_SIZE: '1',
      EVENTSTORE_INSECURE: 'true',
      EVENTSTORE_RUN_PROJECTIONS: 'None',
    });
    expect(model.services['eventstore']?.healthcheck).toBeDefined();
  });

  it.each(SERVICES)(
    'builds %s from its Dockerfile and publishes the port it listens on',
    (name) => {
      const service = model.services[name] as ComposeService;
      expect(service.build).toBeDefined();
      const dockerfile = join(service.build?.context ?? '', service.build?.dockerfile ?? '');
      expect(dockerfile).toBe(join(REPO_ROOT, 'deploy', 'docker', `${name}.Dockerfile`));
      expect(existsSync(dockerfile)).toBe(true);
      const port = env(name)['PORT'];
      expect(service.ports?.map((p) => String(p.target))).toEqual([port]);
      expect(readFileSync(dockerfile, 'utf8')).toMatch(new RegExp(`^EXPOSE ${port}$`, 'm'));
      expect(service.depends_on).toMatchObject({
        kafka: { condition: 'service_healthy' },
        eventstore: { condition: 'service_healthy' },
      });
    },
  );

  it.each(SERVICES)('gives %s an environment its settings parser accepts', async (name) => {
    const settingsFile = join(REPO_ROOT, 'services', name, 'src', 'settings.ts');
    const serviceEnv = env(name);
    expect(serviceEnv['EVENTSTORE_URL']).toMatch(/^esdb:\/\/eventstore:2113\?tls=false$/);
    if (!existsSync(settingsFile)) {
      // Not yet built (audit-api, alerting): its readSettings is checked once it exists.
      return;
    }
    const { readSettings } = (await import(settingsFile)) as {
      readSettings: (env: NodeJS.ProcessEnv) => { port: number; host: string };
    };
    const settings = readSettings(serviceEnv);
    expect({ host: settings.host, port: settings.port }).toEqual({
      host: '0.0.0.0',
      port: Number(serviceEnv['PORT']),
    });
  });

  it('refuses to start without the RM API token key, which is never written in it', () => {
    expect(env('alerting')['ALERTING_JWT_SECRET']).toBe(JWT_SECRET);
    const result = run(compose.cmd, [...compose.args, '-f', COMPOSE_FILE, 'config'], {
      env: { ALERTING_JWT_SECRET: '' },
    });
    expect(result.status).not.toBe(0);
    expect(result.transcript).toContain('set ALERTING_JWT_SECRET');
  });

  it('mounts only folders that exist in the repository', () => {
    for (const service of Object.values(model.services))
      for (const source of bindSources(service))
        expect([source, existsSync(source)]).toEqual([source, true]);
  });

  it("names every published port in deploy/compose/README.md's port table", () => {
    const readme = readFileSync(join(DEPLOY, 'compose', 'README.md'), 'utf8');
    const published = Object.entries(model.services).flatMap(([name, s]) =>
      (s.ports ?? []).map((p) => ({ name, port: String(p.published) })),
    );
    expect(published.length).toBeGreaterThanOrEqual(8);
    for (const { name, port } of published)
      expect([name, port, readme.includes(`| ${port} `)]).toEqual([name, port, true]);
  });

  it("points Prometheus at the compose services' ports", () => {
    const config = parse(readFileSync(join(DEPLOY, 'prometheus', 'prometheus.yml'), 'utf8')) as {
      scrape_configs: { job_name: string; static_configs: { targets: string[] }[] }[];
    };
    const targets = config.scrape_configs.flatMap((job) =>
      job.static_configs.flatMap((s) => s.targets.map((t) => ({ job: job.job_name, target: t }))),
    );
    for (const name of SERVICES)
      expect(targets).toContainEqual({ job: name, target: `${name}:${env(name)['PORT']}` });
    for (const { job, target } of targets) {
      const host = target.split(':')[0] ?? '';
      if (host === 'localhost') continue; // Prometheus itself
      expect([job, host, host in model.services]).toEqual([job, host, true]);
    }
  });
});
