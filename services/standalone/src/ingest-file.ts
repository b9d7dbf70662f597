import { openEventStore } from '@churn/event-store';
import { ingestNdjsonFile } from '@churn/ingestion';
import { SettingError } from '@churn/config';
import { readSettings } from './settings';

/**
 * `npm run ingest -- <feed.ndjson>`: one inbound message per line (`{"topic","key","value"}`,
 * libs/ingestion/CONTRACTS.md), through the same validation as Kafka, into ./data. Rejected lines
 * go to `<feed>.dlq.ndjson` with the reason and the original line.
 */
const main = async (): Promise<void> => {
  const file = process.argv[2];
  if (!file) throw new SettingError('usage: npm run ingest -- <feed.ndjson>');
  const settings = readSettings(process.env);
  const opened = openEventStore({ kind: 'embedded', path: settings.storePath });
  const deadLetterPath = `${file}.dlq.ndjson`;
  try {
    const report = await ingestNdjsonFile(file, opened.store, {
      deadLetterPath,
      now: () => new Date(),
    });
    console.log(
      `${report.lines} lines: ${report.stored} stored (or already stored), ${report.deadLettered} dead-lettered` +
        (report.deadLettered > 0 ? ` → ${deadLetterPath}` : ''),
    );
  } finally {
    await opened.close();
  }
};

main().catch((error: unknown) => {
  console.error(error instanceof SettingError ? error.message : error);
  process.exit(1);
});
