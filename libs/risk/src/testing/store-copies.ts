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
  /** A fresh copy, opened, and its file. */
  const copyWithFile = (): { readonly file: string; readonly store: SqliteEventStore } => {
    const file = join(dir, `run-${++copies}.db`);
    copyFileSync(template, file);
    return { file, store: SqliteEventStore.open(file, { synchronous: 'NORMAL' }) };
  };
  return { template, copyWithFile, copy: (): SqliteEventStore => copyWithFile().store };
};
