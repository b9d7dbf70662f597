// One run of the three services for the system benchmark: a fresh store in a temp dir, the
// inbound topics recreated empty, a real SMTP server for the e-mail channel, each service its own
// process (services/<name>/src/main.ts, as package.json's scripts run them).
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createKafka } from '@churn/messaging';
import { waitUntil } from '@churn/messaging/testing';
import { startSmtpServer, type SmtpTestServer } from '@churn/notification/testing';
import type { Kafka } from 'kafkajs';
import { TestProducer } from '../../support/expected-facts';
import { Pipeline } from '../../support/pipeline';
import { metricValue, progressOf } from '../../support/pipeline-status';
import { recreateInboundTopics } from '../../support/project-topics';
import type { ServiceProcess } from '../../support/service-process';
import { StoreWatch } from '../../support/store-watch';

export interface SystemRun {
  readonly kafka: Kafka;
  readonly producer: TestProducer;
  readonly pipeline: Pipeline;
  readonly watch: StoreWatch;
  readonly smtp: SmtpTestServer;
  close(): Promise<void>;
}

export async function prepareSystemRun(
  name: string,
  brokers: readonly string[],
  clockSpeed = 1,
): Promise<SystemRun> {
  const kafka = createKafka({
    brokers: [...brokers],
    clientId: `bench-system-${name}`,
    logLevel: 'nothing',
  });
  await recreateInboundTopics(kafka);
  const dir = mkdtempSync(join(tmpdir(), `bench-system-${name}-`));
  const smtp = await startSmtpServer();
  const pipeline = new Pipeline({
    brokers,
    dataDir: dir,
    groupId: `bench-system-${name}-${randomUUID().slice(0, 8)}`,
    smtp: { host: smtp.host, port: smtp.port },
    clock: { speed: clockSpeed, anchorMs: Date.now() },
    alertingIntervalMs: 1_000,
  });
  const watch = new StoreWatch(pipeline.storePath);
  const producer = new TestProducer(kafka);
  return {
    kafka,
    producer,
    pipeline,
    watch,
    smtp,
    close: async () => {
      await pipeline.killAll();
      await producer.close();
      watch.close();
      await smtp.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Memory {
  readonly rssBytes: number;
  readonly heapUsedBytes: number;
}

/** RSS and V8 heap in use, from the process's own /metrics (prom-client's process metrics). */
export async function memoryOf(service: ServiceProcess): Promise<Memory> {
  const rss = await metricValue(service, 'process_resident_memory_bytes');
  const heap = await metricValue(service, 'nodejs_heap_size_used_bytes');
  if (rss > 0) return { rssBytes: rss, heapUsedBytes: heap };
  // Without the metric: the kernel's own count.
  const status = readFileSync(`/proc/${service.pid}/status`, 'utf8');
  const kib = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return { rssBytes: kib * 1024, heapUsedBytes: heap };
}

export type PipelineMemory = Record<'ingestion' | 'risk-engine' | 'alerting', Memory>;

export async function memoryOfAll(pipeline: Pipeline): Promise<PipelineMemory> {
  return {
    ingestion: await memoryOf(pipeline.get('ingestion')),
    'risk-engine': await memoryOf(pipeline.get('risk-engine')),
    alerting: await memoryOf(pipeline.get('alerting')),
  };
}

/** Times (performance.now) at which each part of the pipeline had handled everything. */
export interface Finish {
  readonly firstFact: number;
  readonly stored: number;
  readonly risk: number;
  readonly alerting: number;
}

/**
 * Polls until the store holds `facts` and the risk engine and the alerting bridge have passed
 * the last customer event, and stayed there for `quietMs` (the risk engine appends what it
 * decided up to a second after reading it: a first "caught up" may be followed by more events).
 * Each time noted is when that part first reached the end it then stayed at.
 */
export async function timeFinish(
  run: SystemRun,
  facts: number,
  timeoutMs: number,
  quietMs = 1_500,
): Promise<Finish> {
  const at = { firstFact: 0, stored: 0 };
  let risk: { at: number; end: number } | undefined;
  let alerting: { at: number; end: number } | undefined;
  let done = false;
  await waitUntil(
    async () => {
      const now = performance.now();
      const stored = run.watch.factsStored();
      if (at.firstFact === 0 && stored > 0) at.firstFact = now;
      if (at.stored === 0 && stored >= facts) at.stored = now;
      if (at.stored === 0) return false;
      const p = await progressOf(run.pipeline, run.watch);
      const end = p.lastCustomerEvent;
      const riskThere = p.risk !== undefined && !p.risk.rebuilding && p.risk.position >= end;
      const bridgeThere = (p.alerting?.bridge?.handled ?? 0) >= end;
      if (!riskThere || risk?.end !== end) risk = riskThere ? { at: now, end } : undefined;
      if (!bridgeThere || alerting?.end !== end)
        alerting = riskThere && bridgeThere ? { at: now, end } : undefined;
      done = alerting !== undefined && now - alerting.at >= quietMs;
      return done;
    },
    {
      timeoutMs,
      intervalMs: 50,
      what: () =>
        `pipeline not done: ${JSON.stringify({ at, risk, alerting })}\n${run.pipeline.outputs()}`,
    },
  );
  return { ...at, risk: (risk as { at: number }).at, alerting: (alerting as { at: number }).at };
}
