import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { FactMessage } from '@churn/ingestion';

export interface WrittenFile {
  readonly path: string;
  readonly lines: number;
  readonly bytes: number;
}

/** Lines are gathered into chunks of about a megabyte: one write per line would dominate. */
const CHUNK_CHARS = 1 << 20;

/**
 * Writes one inbound message a line, `{"topic":…,"key":…,"value":{…}}`, the value exactly as
 * CONTRACTS.md defines it, honouring the stream's back-pressure so that a full branch streams
 * to disk in bounded memory.
 */
export const writeNdjson = async (
  path: string,
  messages: Iterable<FactMessage>,
): Promise<WrittenFile> => {
  await mkdir(dirname(path), { recursive: true });
  const out = createWriteStream(path, { encoding: 'utf8' });
  let chunk = '';
  let lines = 0;
  let bytes = 0;
  const flush = async (): Promise<void> => {
    bytes += Buffer.byteLength(chunk, 'utf8');
    const ready = out.write(chunk);
    chunk = '';
    if (!ready) await once(out, 'drain');
  };
  for (const message of messages) {
    chunk += `${JSON.stringify(message)}\n`;
    lines += 1;
    if (chunk.length >= CHUNK_CHARS) await flush();
  }
  if (chunk.length > 0) await flush();
  out.end();
  await once(out, 'finish');
  return { path, lines, bytes };
};
