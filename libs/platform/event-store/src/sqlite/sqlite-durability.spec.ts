import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect } from '../collect';
import { SqliteEventStore } from './sqlite-event-store';

const CHILD = join(__dirname, 'testing', 'append-until-killed.ts');
const ACKS_BEFORE_KILL = 400;

/** Runs the appender until it has acknowledged `acks` events, then SIGKILLs it; resolves with every acknowledged id. */
const appendThenKill = (file: string, acks: number): Promise<string[]> =>
  new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['-r', require.resolve('ts-node/register/transpile-only'), CHILD, file],
      {
        env: { ...process.env, TS_NODE_PROJECT: join(__dirname, '..', '..', 'tsconfig.json') },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let out = '';
    let err = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
      if (out.split('\n').length > acks) child.kill('SIGKILL');
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (err += chunk));
    child.on('error', reject);
    child.on('exit', (_code, signal) => {
      // Only complete lines were acknowledged; a torn last line was not.
      const acked = out.split('\n').slice(0, -1);
      if (signal === 'SIGKILL') resolve(acked);
      else reject(new Error(`appender ended without being killed: ${err}`));
    });
  });

describe('an embedded store whose process is killed while appending', () => {
  const dir = mkdtempSync(join(tmpdir(), 'event-store-durability-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('reopens cleanly with every acknowledged event present exactly once', async () => {
    const file = join(dir, 'events.db');
    const acked = await appendThenKill(file, ACKS_BEFORE_KILL);
    expect(acked.length).toBeGreaterThanOrEqual(ACKS_BEFORE_KILL);

    const store = SqliteEventStore.open(file);
    try {
      expect(store.integrityCheck()).toBe('ok');
      const stored = (await collect(store.readAll())).map((e) => e.id);
      const counts = new Map<string, number>();
      for (const id of stored) counts.set(id, (counts.get(id) ?? 0) + 1);
      expect(acked.filter((id) => counts.get(id) !== 1)).toEqual([]);
      expect([...counts.values()].every((n) => n === 1)).toBe(true);
    } finally {
      store.close();
    }
  }, 20_000);
});
