import { join } from 'node:path';
import type { OpenedEventStore } from '@churn/event-store';
import { ingestNdjsonFile } from '@churn/ingestion';
import { simulateBranchMessages, writeNdjson } from '@churn/simulator';
import type { StandaloneSettings } from './settings';

/**
 * A new store gets a small simulated branch (libs/simulator: thesis-calibrated tiers, employers
 * and churn journeys), written as an NDJSON feed in ./data and fed through the same validation
 * as Kafka, so the risk engine has something to assess within a minute of `npm start`. A store
 * that already holds facts is left alone: restarts resume from checkpoints.
 */
export const feedDemoBranchIfEmpty = async (
  opened: OpenedEventStore,
  settings: StandaloneSettings,
  log: (line: string) => void,
): Promise<void> => {
  if (settings.demoCustomers === 0) return;
  for await (const _ of opened.store.readAll({ maxCount: 1 })) return;
  const { demoCustomers: customers, demoYears: years, demoSeed: seed } = settings;
  const feed = join(settings.dataDir, `demo-branch-${customers}x${years}y-seed${seed}.ndjson`);
  log(
    `empty store: simulating a ${customers}-customer branch over ${years} years (seed ${seed}) → ${feed}`,
  );
  const written = await writeNdjson(feed, simulateBranchMessages({ seed, customers, years }));
  const report = await ingestNdjsonFile(feed, opened.store, {
    deadLetterPath: `${feed}.dlq.ndjson`,
    now: () => new Date(),
  });
  log(
    `demo feed: ${written.lines} messages, ${report.stored} stored, ${report.deadLettered} dead-lettered`,
  );
};
