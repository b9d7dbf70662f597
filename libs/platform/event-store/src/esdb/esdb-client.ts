import type { EventStoreDBClient } from '@eventstore/db-client';

/** The part of the client the adapter uses: narrow, so a test double can stand in for it. */
export type EsdbClient = Pick<
  EventStoreDBClient,
  'appendToStream' | 'readStream' | 'readAll' | 'subscribeToAll' | 'setStreamMetadata' | 'dispose'
>;
