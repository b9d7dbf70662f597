import { copyFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@churn/event-store';

/**
 * An embedded store file filled once (`template`) and copied for each run, so that every run of
 * a test starts from the same stored history.
 */
export const storeCopies = (prefix: string) => {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const template = join(dir, 'template.db');
  let copies = 0;
  return {
    template,
    copy: (): SqliteEventStore => {
      const path = join(dir, `run-${++copies}.db`);
      copyFileSync(template, path);
      return SqliteEventStore.open(path, { synchronous: 'NORMAL' });
    },
  };
};
