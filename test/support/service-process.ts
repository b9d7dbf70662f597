// One of the system's services (services/<name>/src/main.ts through ts-node, as package.json's
// scripts run them) as a real OS process, so that SIGKILL is a real crash: no shutdown hook
// runs, nothing is flushed or committed. PORT=0 lets the OS pick the port; the URL is read from
// the "ready" line each service prints. Everything it prints is kept for failure messages.
import { startNodeProcess, type ExitStatus } from './node-process';

export type { ExitStatus } from './node-process';

export type ServiceName = 'ingestion' | 'risk-engine' | 'alerting' | 'audit-api';
/** The pipeline proper: Kafka in, alerts out. The audit API only reads the store. */
export const SERVICE_NAMES: readonly ServiceName[] = ['ingestion', 'risk-engine', 'alerting'];

/** What each service prints once it listens (services/<name>/src/main.ts): its origin comes first. */
const READY: Readonly<Record<ServiceName, RegExp>> = {
  ingestion: /ingestion ready: (http:\/\/[^\s/]+)/,
  'risk-engine': /risk engine ready: (http:\/\/[^\s/]+)/,
  alerting: /alerting ready: (http:\/\/[^\s/]+)/,
  'audit-api': /audit API ready: (http:\/\/[^\s/]+)/,
};

export interface ServiceProcess {
  readonly name: ServiceName;
  readonly pid: number;
  /** http://127.0.0.1:<port> */
  readonly url: string;
  /** Milliseconds from spawn to the ready line. */
  readonly startupMs: number;
  output(): string;
  readonly exited: Promise<ExitStatus>;
  alive(): boolean;
  /** SIGKILL: a crash. */
  kill(): Promise<ExitStatus>;
  /** SIGTERM (SIGKILL after timeoutMs): the graceful stop an orchestrator asks for. */
  stop(timeoutMs?: number): Promise<ExitStatus>;
}

export async function startServiceProcess(
  name: ServiceName,
  env: Readonly<Record<string, string>>,
  readyTimeoutMs = 90_000,
): Promise<ServiceProcess> {
  const started = await startNodeProcess({
    name,
    script: `services/${name}/src/main.ts`,
    env,
    ready: READY[name],
    readyTimeoutMs,
    keepOutput: 400_000,
  });
  return {
    ...started,
    name,
    url: started.ready.replace('localhost', '127.0.0.1'),
    stop: (timeoutMs = 40_000) => started.stop(timeoutMs),
  };
}
