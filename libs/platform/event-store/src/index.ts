export * from './event-store.port';
export * from './event-store.errors';
export * from './checkpoint-store.port';
export * from './decode';
export * from './collect';
export {
  InMemoryEventStore,
  type InMemoryEventStoreOptions,
} from './in-memory/in-memory-event-store';
export { InMemoryCheckpointStore } from './in-memory/in-memory-checkpoint-store';
export { SqliteEventStore, type SqliteEventStoreOptions } from './sqlite/sqlite-event-store';
export { SqliteCheckpointStore } from './sqlite/sqlite-checkpoint-store';
export { StoreFileReader, type FileEvent, type StoreFileRead } from './sqlite/store-file-reader';
export type { SqliteSynchronous } from './sqlite/sqlite-database';
export { EsdbEventStore, type EsdbEventStoreOptions } from './esdb/esdb-event-store';
export { EsdbCheckpointStore } from './esdb/esdb-checkpoint-store';
export * from './config/event-store-settings';
export * from './config/event-store.module';
