// The clean slate every ingestion spec file starts from: the broker answering, the inbound
// topics (and dead letters) recreated empty, a temp dir for the store and a unique group id.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { createKafka } from '@churn/messaging';
import { requireKafkaBroker } from '@churn/messaging/testing';
import type { Kafka } from 'kafkajs';
import { recreateInboundTopics } from './project-topics';

export interface CleanSlate {
  readonly brokers: string[];
  readonly kafka: Kafka;
  readonly dir: string;
  readonly storePath: string;
  readonly groupId: string;
  /** Removes the temp dir (the topics stay for inspection until the next spec recreates them). */
  dispose(): void;
}

export async function cleanSlate(name: string, brokers?: string[]): Promise<CleanSlate> {
  const resolved = brokers ?? (await requireKafkaBroker()).brokers;
  // kafkajs logs every expected connection error of a broker outage; the assertions say enough.
  const kafka = createKafka({
    brokers: resolved,
    clientId: `system-tests-${name}`,
    logLevel: 'nothing',
  });
  await recreateInboundTopics(kafka);
  const dir = mkdtempSync(join(tmpdir(), `ingestion-${name}-`));
  return {
    brokers: resolved,
    kafka,
    dir,
    storePath: join(dir, 'events.db'),
    groupId: `system-tests.${name}.${randomUUID().slice(0, 8)}`,
    dispose: () => rmSync(dir, { recursive: true, force: true }),
  };
}
