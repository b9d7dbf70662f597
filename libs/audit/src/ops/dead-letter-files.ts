import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import {
  decodeCursor,
  encodeCursor,
  type DeadLetterEntry,
  type DeadLetterPage,
} from './dead-letter-entry';

/** What `npm run ingest` and the demo feed write per rejected line (libs/ingestion file mode). */
interface FileDeadLetter {
  readonly line?: number;
  readonly reason?: string;
  readonly field?: string;
  readonly detail?: string;
  readonly original?: string;
}

interface FileCursor {
  readonly file: string;
  /** The 1-based line of the dead-letter file shown last; older ones are above it. */
  readonly line: number;
}

const isFileCursor = (value: unknown): value is FileCursor =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as FileCursor).file === 'string' &&
  Number.isInteger((value as FileCursor).line);

export const DEAD_LETTER_FILE_SUFFIX = '.dlq.ndjson';

/**
 * File mode: the `*.dlq.ndjson` files in DATA_DIR, newest file first (by modification time),
 * each read from its last line up. A file's dead letters are appended, never rewritten, so a
 * cursor (file and line) stays valid while new ones arrive.
 */
export const readDeadLetterFiles = async (
  dataDir: string,
  limit: number,
  cursor?: string,
): Promise<DeadLetterPage> => {
  const files = await deadLetterFiles(dataDir);
  const after = cursor === undefined ? undefined : decodeCursor(cursor, isFileCursor);
  let index = after === undefined ? 0 : files.indexOf(after.file);
  if (index < 0) index = files.length;
  const items: DeadLetterEntry[] = [];
  let last: FileCursor | undefined;
  let more = false;
  for (; index < files.length && !more; index++) {
    const file = files[index] as string;
    const lines = (await readFile(join(dataDir, file), 'utf8')).split('\n');
    let line = after?.file === file ? after.line - 1 : lines.length;
    for (; line >= 1; line--) {
      const text = lines[line - 1] ?? '';
      if (text.trim() === '') continue;
      if (items.length === limit) {
        more = true;
        break;
      }
      items.push(entryOf(file, line, text));
      last = { file, line };
    }
  }
  return {
    source: 'files',
    items,
    nextCursor: more && last !== undefined ? encodeCursor(last) : null,
    complete: true,
  };
};

const deadLetterFiles = async (dataDir: string): Promise<string[]> => {
  let names: string[];
  try {
    names = (await readdir(dataDir)).filter((n) => n.endsWith(DEAD_LETTER_FILE_SUFFIX));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  const dated = await Promise.all(
    names.map(async (name) => ({ name, mtimeMs: (await stat(join(dataDir, name))).mtimeMs })),
  );
  return dated
    .sort((a, b) => b.mtimeMs - a.mtimeMs || a.name.localeCompare(b.name))
    .map((f) => f.name);
};

/** A line that is not the ingestion's JSON is shown as it is, never dropped. */
const entryOf = (file: string, line: number, text: string): DeadLetterEntry => {
  let letter: FileDeadLetter;
  try {
    letter = JSON.parse(text) as FileDeadLetter;
  } catch {
    letter = { reason: 'unreadable-dead-letter', original: text };
  }
  const feedLine = feedLineOf(letter.original);
  return {
    reason: letter.reason ?? null,
    field: letter.field ?? null,
    detail: letter.detail ?? null,
    source: {
      topic: feedLine.topic,
      partition: feedLine.topic === null ? null : 0,
      offset: letter.line === undefined ? null : String(letter.line),
    },
    firstSeenAt: null,
    key: feedLine.key,
    original: letter.original ?? null,
    kept: { kind: 'file', file, line },
  };
};

/** File mode: line n of a feed plays offset n on partition 0 of its topic (libs/ingestion). */
const feedLineOf = (original: string | undefined): { topic: string | null; key: string | null } => {
  try {
    const parsed = JSON.parse(original ?? '') as { topic?: unknown; key?: unknown };
    return {
      topic: typeof parsed.topic === 'string' ? parsed.topic : null,
      key: typeof parsed.key === 'string' ? parsed.key : null,
    };
  } catch {
    return { topic: null, key: null };
  }
};
