import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { EventStoreDBClient } from '@eventstore/db-client';
import type { CheckpointStore } from '../checkpoint-store.port';
import type { EventStore } from '../event-store.port';
import { EsdbCheckpointStore } from '../esdb/esdb-checkpoint-store';
import { EsdbEventStore } from '../esdb/esdb-event-store';
import { SqliteEventStore } from '../sqlite/sqlite-event-store';
import { filesystemUsage, type DiskUsage } from './disk-usage';

export type { DiskUsage } from './disk-usage';

/**
 * Which store a process uses: EventStoreDB when `EVENTSTORE_URL` is set (production), else the
 * embedded SQLite file (one machine, tests). The same port either way.
 */
export type EventStoreSettings =
  | {
      readonly kind: 'embedded';
      readonly path: string;
      /** `EVENT_STORE_READ_AHEAD=on`: subscriptions catch up reading on a second thread. */
      readonly readAhead?: boolean;
    }
  | { readonly kind: 'eventstoredb'; readonly url: string };

export interface OpenedEventStore {
  readonly store: EventStore;
  readonly checkpoints: CheckpointStore;
  readonly description: string;
  /** A cheap read that proves the store answers (for `/health`). */
  ping(): Promise<void>;
  /**
   * The filesystem holding the embedded store's file (`event_store_disk_bytes`); null for
   * EventStoreDB, which reports its own disks (`eventstore_sys_disk_bytes`).
   */
  readonly diskUsage: (() => Promise<DiskUsage>) | null;
  /**
   * The embedded store's file, which a reader may open on a connection of its own
   * (`StoreFileReader`: the risk engine's re-fold at start-up); null for EventStoreDB.
   */
  readonly file: string | null;
  close(): Promise<void>;
}

const ESDB_URL = /^(esdb|kurrentdb|kdb)(\+discover)?:\/\//;

export const eventStoreSettingsFromEnv = (
  env: NodeJS.ProcessEnv,
  defaultPath: string,
): EventStoreSettings => {
  const url = env['EVENTSTORE_URL'];
  if (url) {
    if (!ESDB_URL.test(url))
      throw new Error(`EVENTSTORE_URL must be an esdb:// connection string, got "${url}"`);
    return { kind: 'eventstoredb', url };
  }
  const readAhead = env['EVENT_STORE_READ_AHEAD'] ?? 'off';
  if (readAhead !== 'on' && readAhead !== 'off')
    throw new Error(`EVENT_STORE_READ_AHEAD must be on or off, got "${readAhead}"`);
  const path = env['EVENT_STORE_PATH'] || defaultPath;
  return readAhead === 'on'
    ? { kind: 'embedded', path, readAhead: true }
    : { kind: 'embedded', path };
};

const PING_STREAM = '$health-ping';
/** Two full pages (1,000 events) behind: a catch-up, not a burst of live appends. */
const READ_AHEAD_AFTER_FULL_PAGES = 2;

export const openEventStore = (settings: EventStoreSettings): OpenedEventStore => {
  if (settings.kind === 'eventstoredb') {
    const client = EventStoreDBClient.connectionString(settings.url);
    const store = new EsdbEventStore(client);
    return {
      store,
      checkpoints: new EsdbCheckpointStore(client),
      description: `EventStoreDB at ${settings.url.replace(/\/\/[^@/]*@/, '//***@')}`,
      ping: async () => void (await store.loadStream(PING_STREAM, { maxCount: 1 })),
      diskUsage: null,
      file: null,
      close: () => store.close(),
    };
  }
  const directory = dirname(settings.path);
  mkdirSync(directory, { recursive: true });
  const store = SqliteEventStore.open(
    settings.path,
    settings.readAhead ? { readAhead: { afterFullPages: READ_AHEAD_AFTER_FULL_PAGES } } : {},
  );
  return {
    store,
    checkpoints: store.checkpointStore(),
    description: `embedded SQLite store at ${settings.path}`,
    ping: async () => void (await store.loadStream(PING_STREAM, { maxCount: 1 })),
    diskUsage: () => filesystemUsage(directory),
    file: settings.path,
    close: async () => store.close(),
  };
};
