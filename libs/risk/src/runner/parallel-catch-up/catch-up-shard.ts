import type { CustomerShard } from '../../engine/customer-shard';
import type { RiskEngineSettings, ShardHandover } from '../../engine/risk-engine';

/** Marks a thread started by `ParallelCatchUp` (the entry does nothing on any other thread). */
export const CATCH_UP_SHARD_MARK = 'risk-engine-catch-up-shard';

/** What a helper thread is given: the store's file, how far to read, its shard, the settings. */
export interface CatchUpShardOrder {
  readonly mark: typeof CATCH_UP_SHARD_MARK;
  readonly file: string;
  readonly streamPrefixes: readonly string[];
  readonly upToPosition: number;
  readonly shard: CustomerShard;
  readonly settings: RiskEngineSettings;
}

/** What it answers once: its customers as of `upToPosition`, or why it could not. */
export type CatchUpShardReply =
  { readonly handover: ShardHandover; readonly inputs: number } | { readonly error: string };
