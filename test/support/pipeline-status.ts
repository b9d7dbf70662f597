// What the running services say about themselves (/health details, /metrics), and waiting until
// the whole pipeline has caught up with the store: every fact in, the risk engine past the last
// customer event, the alerting bridge past it too, the alert book past the last alert event and
// no notification waiting.
import { request } from 'node:http';
import { waitUntil } from '@churn/messaging/testing';
import type { Pipeline } from './pipeline';
import type { ServiceProcess } from './service-process';
import type { StoreWatch } from './store-watch';

export interface HttpAnswer {
  readonly status: number;
  readonly body: string;
  readonly ms: number;
}

/** One request without keep-alive (no socket outlives the test), timed. */
export function httpRequest(
  url: string,
  options: { readonly headers?: Record<string, string>; readonly timeoutMs?: number } = {},
): Promise<HttpAnswer> {
  const timeoutMs = options.timeoutMs ?? 5_000;
  const started = performance.now();
  return new Promise((done, fail) => {
    const req = request(
      url,
      { agent: false, timeout: timeoutMs, headers: options.headers ?? {} },
      (response) => {
        let body = '';
        response.setEncoding('utf8');
        response.on('data', (chunk: string) => (body += chunk));
        response.on('end', () =>
          done({ status: response.statusCode ?? 0, body, ms: performance.now() - started }),
        );
        response.on('error', fail);
      },
    );
    req.on('timeout', () => req.destroy(new Error(`GET ${url}: no answer in ${timeoutMs} ms`)));
    req.on('error', fail);
    req.end();
  });
}

/** The detail of one health check (`checks.<name>.detail`), or undefined when it did not answer. */
export async function healthDetail<T>(
  service: ServiceProcess,
  check: string,
): Promise<T | undefined> {
  try {
    const { body } = await httpRequest(`${service.url}/health`);
    const parsed = JSON.parse(body) as { checks?: Record<string, { detail?: T }> };
    return parsed.checks?.[check]?.detail;
  } catch {
    return undefined;
  }
}

/** A Prometheus series summed over its labels (or those matching `labels`), from /metrics. */
export async function metricValue(
  service: ServiceProcess,
  name: string,
  labels: readonly string[] = [],
): Promise<number> {
  const { body } = await httpRequest(`${service.url}/metrics`);
  return body
    .split('\n')
    .filter((line) => line.startsWith(`${name}{`) || line.startsWith(`${name} `))
    .filter((line) => labels.every((l) => line.includes(l)))
    .reduce((sum, line) => sum + Number(line.slice(line.lastIndexOf(' ') + 1)), 0);
}

export interface RiskEngineDetail {
  readonly position: number;
  readonly checkpoint: number;
  readonly rebuilding: boolean;
  readonly folded: number;
  /** Threads its re-fold since the start runs on (1: no helpers). */
  readonly catchUpThreads: number;
}

export interface AlertingDetail {
  readonly alerts: number;
  readonly position: number;
  readonly bridge?: { readonly handled: number; readonly checkpoint: number };
  readonly timers: {
    readonly tracked: number;
    readonly nextDueAt: string | null;
    readonly fired: number;
    readonly alreadyHandled: number;
    readonly failed: number;
  };
  readonly dispatcher: { readonly waiting: number; readonly deliveries: number };
}

/** Where each part of the pipeline stands, against the store. */
export interface PipelineProgress {
  readonly facts: number;
  readonly lastCustomerEvent: number;
  readonly lastAlertEvent: number;
  readonly risk: RiskEngineDetail | undefined;
  readonly alerting: AlertingDetail | undefined;
}

export async function progressOf(pipeline: Pipeline, watch: StoreWatch): Promise<PipelineProgress> {
  return {
    facts: watch.factsStored(),
    lastCustomerEvent: watch.lastPosition('customer-'),
    lastAlertEvent: watch.lastPosition('alert-'),
    risk: await healthDetail<RiskEngineDetail>(pipeline.get('risk-engine'), 'risk-engine'),
    alerting: await healthDetail<AlertingDetail>(pipeline.get('alerting'), 'alerting'),
  };
}

const caughtUp = (p: PipelineProgress, facts: number): boolean =>
  p.facts >= facts &&
  p.risk !== undefined &&
  !p.risk.rebuilding &&
  p.risk.position >= p.lastCustomerEvent &&
  p.alerting?.bridge !== undefined &&
  p.alerting.bridge.handled >= p.lastCustomerEvent &&
  p.alerting.position >= p.lastAlertEvent &&
  p.alerting.dispatcher.waiting === 0;

/**
 * Resolves once every one of `facts` is stored and the risk engine, the alerting bridge, the
 * alert book and the dispatcher have all caught up, and no customer event was appended for
 * `quietMs` (the risk engine appends what it decided up to a second after it read the input).
 */
export async function waitSettled(
  pipeline: Pipeline,
  watch: StoreWatch,
  facts: number,
  timeoutMs = 120_000,
  quietMs = 1_500,
): Promise<PipelineProgress> {
  let last: PipelineProgress | undefined;
  let settledAt: number | undefined;
  let settledEnd = 0;
  await waitUntil(
    async () => {
      last = await progressOf(pipeline, watch);
      if (!caughtUp(last, facts)) {
        settledAt = undefined;
        return false;
      }
      // Escalations go on as SLA time runs: only the customer streams must have gone quiet.
      const end = last.lastCustomerEvent;
      if (settledAt === undefined || end !== settledEnd) {
        settledAt = Date.now();
        settledEnd = end;
        return false;
      }
      return Date.now() - settledAt >= quietMs;
    },
    {
      timeoutMs,
      intervalMs: 250,
      what: () =>
        `pipeline not settled: ${JSON.stringify(last)} (want ${facts} facts)\n${pipeline.outputs()}`,
    },
  );
  return last as PipelineProgress;
}
