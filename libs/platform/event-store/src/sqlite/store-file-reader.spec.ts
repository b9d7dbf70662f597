import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { collect } from '../collect';
import { aFact } from '../testing';
import { SqliteEventStore } from './sqlite-event-store';
import { StoreFileReader } from './store-file-reader';

const dir = mkdtempSync(join(tmpdir(), 'store-file-reader-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("an embedded store's file read on a connection of its own", () => {
  const file = join(dir, 'events.db');
  let store: SqliteEventStore;
  let reader: StoreFileReader;

  beforeAll(async () => {
    store = SqliteEventStore.open(file);
    // 2,500 events (pages of 1,000), one in five in a stream the reads below leave out.
    for (let i = 0; i < 2_500; i++)
      await store.append(
        i % 5 === 4 ? `alert-${i % 3}` : `customer-${i % 11}`,
        [aFact({ data: { n: i } })],
        { expectedRevision: 'any' },
      );
    reader = new StoreFileReader(file);
  });
  afterAll(() => {
    reader.close();
    store.close();
  });

  it("returns what the store's readAll returns, in the same order, up to a position", async () => {
    const all = await collect(store.readAll({ streamPrefixes: ['customer-'] }));
    const upTo = 2_104;
    const read = [...reader.events({ streamPrefixes: ['customer-'], upToPosition: upTo })];
    expect(read).toEqual(
      all
        .filter((e) => e.position <= upTo)
        .map(({ position, id, type, data, metadata }) => ({ position, id, type, data, metadata })),
    );
    expect(read.at(-1)?.position).toBe(2_104);
    const after = [
      ...reader.events({
        streamPrefixes: ['customer-'],
        afterPosition: 1_000,
        upToPosition: 1_010,
      }),
    ];
    expect(after.map((e) => e.position)).toEqual([
      1_001, 1_002, 1_003, 1_004, 1_006, 1_007, 1_008, 1_009,
    ]);
  });

  it('finds the last position of the wanted streams at or before a position', () => {
    expect(reader.lastPosition({ streamPrefixes: ['customer-'], upToPosition: 2_105 })).toBe(2_104);
    expect(reader.lastPosition({ upToPosition: 2_105 })).toBe(2_105);
    expect(reader.lastPosition({ streamPrefixes: ['customer-'], upToPosition: 0 })).toBe(0);
  });

  it('sees what the store appends after it was opened', async () => {
    const { position } = await store.append('customer-late', [aFact()], {
      expectedRevision: 'any',
    });
    expect([
      ...reader.events({ afterPosition: position - 1, upToPosition: position }),
    ]).toHaveLength(1);
  });

  it('refuses a file that does not exist: it never creates one', () => {
    expect(() => new StoreFileReader(join(dir, 'missing.db'))).toThrow();
  });
});
