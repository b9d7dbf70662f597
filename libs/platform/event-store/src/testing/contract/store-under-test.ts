import type { CheckpointStore } from '../../checkpoint-store.port';
import type { EventStore } from '../../event-store.port';

/** What a contract run needs from an adapter: a fresh store (and its checkpoint store). */
export interface StoreUnderTest {
  readonly store: EventStore;
  /** Defaults to an in-memory one when the adapter has none of its own. */
  readonly checkpoints?: CheckpointStore;
  close(): Promise<void>;
}

export type CurrentStore = () => StoreUnderTest;

/** Tests that append or wait a lot: room for a remote EventStoreDB or a busy CI machine. */
export const SLOW_TEST_MS = 30_000;
