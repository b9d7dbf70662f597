// deploy/k8s as a cluster would receive it: `kubectl kustomize` renders the base and both
// overlays, every object is validated against the Kubernetes OpenAPI schemas (kubernetes-models,
// an npm package of the schemas compiled to validators: no cluster, no network), and the rules
// the issue sets are checked on the rendered objects: probes, resources, autoscalers within the
// partition counts, disruption budgets, the policy ConfigMap, secrets by reference only, the
// three-broker and three-node reference topology, the topic plan equal to the code's.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_TOPIC_PLAN, projectTopics } from '@churn/messaging';
import { parseAllDocuments } from 'yaml';
import { DEPLOY, REPO_ROOT, run } from './tools';

const K8S = join(DEPLOY, 'k8s');
/** The RM API's token key: `kubectl create secret` in deploy/k8s/README.md, never a file. */
const MADE_BY_HAND_ON_THE_LAPTOP = ['Secret/churn-alerting'];
const MODELS = 'kubernetes-models';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Obj = Record<string, any>;

interface Rendered {
  readonly name: string;
  readonly objects: Obj[];
}

const render = (dir: string): Rendered => {
  const result = run('kubectl', ['kustomize', join(K8S, dir)]);
  if (result.status !== 0)
    throw new Error(`kubectl kustomize ${dir} failed:\n${result.transcript}`);
  const objects = parseAllDocuments(result.stdout).map((d) => d.toJS() as Obj);
  return { name: dir, objects: objects.filter((o) => o !== null) };
};

let base: Rendered;
let laptop: Rendered;
let bank: Rendered;

beforeAll(() => {
  const version = run('kubectl', ['version', '--client']);
  const kustomize = /Kustomize Version: v(\d+)/.exec(version.stdout)?.[1];
  if (version.status !== 0 || kustomize === undefined || Number(kustomize) < 4)
    throw new Error(
      'kubectl with kustomize v4 or later is needed to render deploy/k8s (this machine kind ships ' +
        "one with google-cloud-cli; Debian's kubernetes-client 1.20 embeds kustomize v2, too old): " +
        version.transcript,
    );
  base = render('base');
  laptop = render('overlays/laptop');
  bank = render('overlays/bank');
});

const all = (): Rendered[] => [base, laptop, bank];
const ofKind = (r: Rendered, kind: string): Obj[] => r.objects.filter((o) => o['kind'] === kind);
const named = (r: Rendered, kind: string, name: string): Obj | undefined =>
  ofKind(r, kind).find((o) => o['metadata']['name'] === name);
const workloads = (r: Rendered): Obj[] =>
  r.objects.filter((o) => ['Deployment', 'StatefulSet', 'Job'].includes(o['kind']));
const podSpec = (o: Obj): Obj => o['spec']['template']['spec'];
const podLabels = (o: Obj): Record<string, string> => o['spec']['template']['metadata']['labels'];
const matches = (selector: Record<string, string>, labels: Record<string, string>): boolean =>
  Object.entries(selector).every(([k, v]) => labels[k] === v);
const id = (o: Obj): string => `${o['kind']}/${o['metadata']['name']}`;

/**
 * kustomize folds a generated Secret's long base64 values over several lines; the API server's
 * decoder skips line breaks, the schema's "byte" format does not.
 */
const normalized = (o: Obj): Obj =>
  o['kind'] === 'Secret' && o['data']
    ? {
        ...o,
        data: Object.fromEntries(
          Object.entries(o['data']).map(([k, v]) => [k, String(v).replace(/\s+/g, '')]),
        ),
      }
    : o;

describe('the rendered manifests', () => {
  it('validate against the Kubernetes API schemas', async () => {
    let models: (
      apiVersion: string,
    ) => Promise<Record<string, new (o: Obj) => { validate(): void }>>;
    try {
      await import(`${MODELS}/v1`);
      models = (apiVersion) => import(`${MODELS}/${apiVersion}`);
    } catch {
      throw new Error(
        'the npm package kubernetes-models (4.5.1: the Kubernetes OpenAPI schemas as validators, ' +
          'CommonJS, Node >= 14) is needed as a devDependency to validate deploy/k8s; see deploy/README.md',
      );
    }
    const problems: string[] = [];
    for (const rendered of all())
      for (const object of rendered.objects) {
        const Model = (await models(object['apiVersion']))[object['kind']];
        if (Model === undefined) {
          problems.push(`${rendered.name}: ${id(object)}: no schema for ${object['apiVersion']}`);
          continue;
        }
        try {
          new Model(normalized(object)).validate();
        } catch (error) {
          problems.push(`${rendered.name}: ${id(object)}: ${(error as Error).message}`);
        }
      }
    expect(problems).toEqual([]);
  });

  it('give every long-running container readiness and liveness probes', () => {
    for (const r of all())
      for (const w of workloads(r).filter((o) => o['kind'] !== 'Job'))
        for (const c of podSpec(w)['containers'])
          expect([r.name, id(w), Boolean(c.readinessProbe), Boolean(c.livenessProbe)]).toEqual([
            r.name,
            id(w),
            true,
            true,
          ]);
  });

  it('give every container CPU and memory requests and limits, and no root', () => {
    for (const r of all())
      for (const w of workloads(r)) {
        const spec = podSpec(w);
        expect([id(w), spec['securityContext']?.['runAsNonRoot']]).toEqual([id(w), true]);
        for (const c of spec['containers']) {
          const res = c.resources ?? {};
          expect([id(w), res.requests?.cpu, res.requests?.memory, res.limits?.memory]).toEqual([
            id(w),
            expect.anything(),
            expect.anything(),
            expect.anything(),
          ]);
          expect([id(w), c.securityContext?.allowPrivilegeEscalation]).toEqual([id(w), false]);
        }
      }
  });

  it('probe the ports the containers declare, and the services select pods that exist', () => {
    for (const r of all()) {
      for (const w of workloads(r))
        for (const c of podSpec(w)['containers']) {
          const ports = new Set(
            (c.ports ?? []).flatMap((p: Obj) => [p['name'], p['containerPort']]),
          );
          for (const probe of [c.startupProbe, c.readinessProbe, c.livenessProbe].filter(Boolean)) {
            const port = probe.httpGet?.port ?? probe.tcpSocket?.port;
            expect([id(w), port, ports.has(port)]).toEqual([id(w), port, true]);
          }
        }
      for (const s of ofKind(r, 'Service')) {
        const targets = workloads(r).filter((w) => matches(s['spec']['selector'], podLabels(w)));
        expect([r.name, id(s), targets.length]).toEqual([r.name, id(s), 1]);
        const declared = podSpec(targets[0] as Obj)['containers'].flatMap((c: Obj) =>
          (c['ports'] ?? []).map((p: Obj) => p['name']),
        );
        for (const p of s['spec']['ports']) expect(declared).toContain(p.targetPort);
      }
    }
  });

  it('scrape each service on the port it listens on', () => {
    for (const d of ofKind(base, 'Deployment')) {
      const annotations = d['spec']['template']['metadata']['annotations'];
      const container = podSpec(d)['containers'][0];
      const port = container.env.find((e: Obj) => e['name'] === 'PORT')?.value;
      expect([
        id(d),
        annotations['prometheus.io/scrape'],
        annotations['prometheus.io/port'],
      ]).toEqual([id(d), 'true', port]);
      expect(container.ports[0].containerPort).toBe(Number(port));
    }
  });

  it('autoscale ingestion and the risk engine, ingestion within the partitions of its topics', () => {
    for (const r of [base, bank]) {
      const hpas = ofKind(r, 'HorizontalPodAutoscaler');
      expect(hpas.map((h) => h['spec']['scaleTargetRef']['name']).sort()).toEqual([
        'ingestion',
        'risk-engine',
      ]);
      for (const h of hpas) {
        expect(named(r, 'Deployment', h['spec']['scaleTargetRef']['name'])).toBeDefined();
        const kinds = h['spec']['metrics'].map((m: Obj) => m['type']);
        expect(kinds).toEqual(['External', 'Resource']);
      }
      const ingestion = named(r, 'HorizontalPodAutoscaler', 'ingestion') as Obj;
      // A member beyond the partition count of a topic would own no partition of it.
      expect(ingestion['spec']['maxReplicas']).toBeLessThanOrEqual(
        DEFAULT_TOPIC_PLAN.inboundPartitions,
      );
      expect(ingestion['spec']['minReplicas']).toBeGreaterThanOrEqual(2);
    }
    for (const h of ofKind(laptop, 'HorizontalPodAutoscaler'))
      expect(h['spec']['metrics'].map((m: Obj) => m['type'])).toEqual(['Resource']);
  });

  it('cover every workload with a disruption budget', () => {
    for (const r of all())
      for (const w of workloads(r).filter((o) => o['kind'] !== 'Job')) {
        const budgets = ofKind(r, 'PodDisruptionBudget').filter((p) =>
          matches(p['spec']['selector']['matchLabels'], podLabels(w)),
        );
        expect([r.name, id(w), budgets.length]).toEqual([r.name, id(w), 1]);
      }
  });

  it('carry the policy files as a ConfigMap, mounted where the services read them', () => {
    const policyFiles = readdirSync(join(DEPLOY, 'policy'))
      .filter((f) => f.endsWith('.yaml') && f !== 'kustomization.yaml')
      .sort();
    for (const r of all()) {
      const policy = r.objects.find(
        (o) => o['kind'] === 'ConfigMap' && /^churn-policy-[a-z0-9]+$/.test(o['metadata']['name']),
      ) as Obj;
      expect(Object.keys(policy['data']).sort()).toEqual(policyFiles);
      for (const file of policyFiles)
        expect(policy['data'][file]).toBe(readFileSync(join(DEPLOY, 'policy', file), 'utf8'));
      for (const name of ['risk-engine', 'alerting']) {
        const spec = podSpec(named(r, 'Deployment', name) as Obj);
        const volume = spec['volumes'].find(
          (v: Obj) => v['configMap']?.['name'] === policy['metadata']['name'],
        );
        const mount = spec['containers'][0].volumeMounts.find(
          (m: Obj) => m['name'] === volume?.name,
        );
        expect([name, mount?.mountPath]).toEqual([name, '/app/deploy/policy']);
      }
    }
  });

  it('take credentials from Secrets by reference only; the bank overlay defines no Secret', () => {
    const secretish = /PASSWORD|SECRET|TOKEN|EVENTSTORE_URL/;
    for (const r of all()) {
      for (const w of workloads(r))
        for (const c of podSpec(w)['containers'])
          for (const e of c.env ?? [])
            if (secretish.test(e['name']))
              expect([id(w), e['name'], e['valueFrom']?.['secretKeyRef']?.['name']]).toEqual([
                id(w),
                e['name'],
                expect.any(String),
              ]);
      for (const cm of ofKind(r, 'ConfigMap'))
        for (const key of Object.keys(cm['data'] ?? {}))
          expect([id(cm), key, secretish.test(key)]).toEqual([id(cm), key, false]);
    }
    expect(ofKind(base, 'Secret')).toEqual([]);
    expect(ofKind(bank, 'Secret')).toEqual([]);
    const referenced = new Set<string>();
    for (const w of workloads(bank)) {
      const spec = podSpec(w);
      for (const c of spec['containers']) {
        for (const e of c.env ?? []) {
          const ref = e['valueFrom']?.['secretKeyRef']?.['name'];
          if (ref) referenced.add(ref);
        }
        for (const f of c.envFrom ?? []) if (f['secretRef']) referenced.add(f['secretRef']['name']);
      }
      for (const v of spec['volumes'] ?? [])
        if (v['secret']) referenced.add(v['secret']['secretName']);
    }
    // The Secrets deploy/k8s/README.md tells the bank to provide, and no others.
    expect([...referenced].sort()).toEqual([
      'churn-alerting',
      'churn-eventstore',
      'eventstore-admin',
      'eventstore-tls',
    ]);
  });

  it('resolve every ConfigMap and Secret reference on the laptop (but the token key made by hand)', () => {
    const names = new Set(
      laptop.objects
        .filter((o) => o['kind'] === 'ConfigMap' || o['kind'] === 'Secret')
        .map((o) => `${o['kind']}/${o['metadata']['name']}`),
    );
    for (const w of workloads(laptop)) {
      const spec = podSpec(w);
      const refs: { ref: string; optional: boolean }[] = [];
      for (const c of spec['containers']) {
        for (const e of c.env ?? []) {
          const s = e['valueFrom']?.['secretKeyRef'];
          const m = e['valueFrom']?.['configMapKeyRef'];
          if (s) refs.push({ ref: `Secret/${s.name}`, optional: Boolean(s.optional) });
          if (m) refs.push({ ref: `ConfigMap/${m.name}`, optional: Boolean(m.optional) });
        }
        for (const f of c.envFrom ?? []) {
          if (f['secretRef'])
            refs.push({
              ref: `Secret/${f.secretRef.name}`,
              optional: Boolean(f.secretRef.optional),
            });
          if (f['configMapRef'])
            refs.push({
              ref: `ConfigMap/${f.configMapRef.name}`,
              optional: Boolean(f.configMapRef.optional),
            });
        }
      }
      for (const v of spec['volumes'] ?? []) {
        if (v['secret'])
          refs.push({ ref: `Secret/${v.secret.secretName}`, optional: Boolean(v.secret.optional) });
        if (v['configMap'])
          refs.push({
            ref: `ConfigMap/${v.configMap.name}`,
            optional: Boolean(v.configMap.optional),
          });
      }
      for (const { ref, optional } of refs)
        if (!optional && !MADE_BY_HAND_ON_THE_LAPTOP.includes(ref))
          expect([id(w), ref, names.has(ref)]).toEqual([id(w), ref, true]);
    }
  });

  it.each(['ingestion', 'risk-engine', 'alerting', 'audit-api'])(
    'give %s on the laptop an environment its settings parser accepts',
    async (name) => {
      const settingsFile = join(REPO_ROOT, 'services', name, 'src', 'settings.ts');
      if (!existsSync(settingsFile)) return; // not built yet (audit-api): checked once it is
      const deployment = named(laptop, 'Deployment', name) as Obj;
      const container = podSpec(deployment)['containers'][0];
      const data = (kind: string, ref: string): Record<string, string> => {
        if (ref === 'churn-alerting') return { ALERTING_JWT_SECRET: 'k'.repeat(64) };
        const object = laptop.objects.find(
          (o) => o['kind'] === kind && o['metadata']['name'] === ref,
        ) as Obj;
        const values: Record<string, string> = object['data'] ?? {};
        return kind === 'Secret'
          ? Object.fromEntries(
              Object.entries(values).map(([k, v]) => [k, Buffer.from(v, 'base64').toString()]),
            )
          : values;
      };
      const env: Record<string, string> = {};
      for (const from of container.envFrom ?? []) {
        if (from['configMapRef']) Object.assign(env, data('ConfigMap', from.configMapRef.name));
        if (from['secretRef']) Object.assign(env, data('Secret', from.secretRef.name));
      }
      for (const e of container.env ?? []) {
        const secret = e['valueFrom']?.['secretKeyRef'];
        const map = e['valueFrom']?.['configMapKeyRef'];
        if (secret) env[e.name] = data('Secret', secret.name)[secret.key] ?? '';
        else if (map) env[e.name] = data('ConfigMap', map.name)[map.key] ?? '';
        else if (e['value'] !== undefined) env[e.name] = String(e.value);
      }
      const { readSettings } = (await import(settingsFile)) as {
        readSettings: (env: NodeJS.ProcessEnv) => { port: number; host: string };
      };
      const settings = readSettings(env);
      expect({ host: settings.host, port: settings.port }).toEqual({
        host: '0.0.0.0',
        port: container.ports[0].containerPort,
      });
      expect(env['EVENTSTORE_URL']).toMatch(/^esdb:\/\/eventstore-0\.eventstore-headless:2113/);
    },
  );

  it('run the reference topology in the bank overlay: three Kafka brokers, three EventStoreDB nodes', () => {
    const kafka = named(bank, 'StatefulSet', 'kafka') as Obj;
    const eventstore = named(bank, 'StatefulSet', 'eventstore') as Obj;
    expect(kafka['spec']['replicas']).toBe(3);
    expect(eventstore['spec']['replicas']).toBe(3);
    const kafkaSettings = (named(bank, 'ConfigMap', 'kafka-settings') as Obj)['data'];
    expect(kafkaSettings['KAFKA_CONTROLLER_QUORUM_VOTERS'].split(',')).toHaveLength(3);
    expect(kafkaSettings).toMatchObject({
      KAFKA_DEFAULT_REPLICATION_FACTOR: '3',
      KAFKA_MIN_INSYNC_REPLICAS: '2',
      KAFKA_AUTO_CREATE_TOPICS_ENABLE: 'false',
    });
    const esSettings = (named(bank, 'ConfigMap', 'eventstore-settings') as Obj)['data'];
    expect(esSettings).toMatchObject({
      EVENTSTORE_CLUSTER_SIZE: '3',
      EVENTSTORE_INSECURE: 'false',
      EVENTSTORE_RUN_PROJECTIONS: 'None',
    });
    expect(esSettings['EVENTSTORE_GOSSIP_SEED'].split(',')).toHaveLength(3);
    for (const r of [laptop]) {
      expect((named(r, 'StatefulSet', 'kafka') as Obj)['spec']['replicas']).toBe(1);
      expect((named(r, 'ConfigMap', 'eventstore-settings') as Obj)['data']).toMatchObject({
        EVENTSTORE_CLUSTER_SIZE: '1',
        EVENTSTORE_INSECURE: 'true',
      });
    }
  });

  it("create the project's topics as libs/platform/messaging/src/topics.ts plans them", () => {
    for (const r of [laptop, bank]) {
      const plan = r.objects.find(
        (o) => o['kind'] === 'ConfigMap' && o['metadata']['name'].startsWith('kafka-topic-plan'),
      ) as Obj;
      const rows = String(plan['data']['topics.tsv'])
        .split('\n')
        .filter((l) => l.trim() !== '' && !l.startsWith('#'))
        .map((l) => l.split('\t'));
      expect(rows).toEqual(
        projectTopics().map((t) => [t.name, String(t.partitions), String(t.retentionMs)]),
      );
      const job = named(r, 'Job', 'kafka-topics') as Obj;
      const env = Object.fromEntries(
        podSpec(job)['containers'][0].env.map((e: Obj) => [e['name'], e['value']]),
      );
      expect(env['REPLICATION_FACTOR']).toBe(r === bank ? '3' : '1');
    }
    // ingestion must not create them itself where the Job does (with replication factor 1).
    const ingestionEnv = podSpec(named(bank, 'Deployment', 'ingestion') as Obj)['containers'][0]
      .env;
    expect(ingestionEnv).toContainEqual({ name: 'INGESTION_ENSURE_TOPICS', value: 'false' });
  });

  it('put everything of an overlay in the churn namespace', () => {
    for (const r of [laptop, bank])
      for (const o of r.objects.filter((o) => o['kind'] !== 'Namespace'))
        expect([id(o), o['metadata']['namespace']]).toEqual([id(o), 'churn']);
  });
});
