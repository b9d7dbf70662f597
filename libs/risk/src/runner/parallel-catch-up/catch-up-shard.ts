import type { CustomerWatch } from '../../engine/customer-watch';
import type { DecisionCounts } from '../../engine/engine-counts';
import type { RiskEngineSettings } from '../../engine/risk-engine';

/** Marks a thread started by `ParallelCatchUp` (the entry does nothing on any other thread). */
export const CATCH_UP_SHARD_MARK = 'risk-engine-catch-up-shard';

/** What a shard thread is started with. */
export interface CatchUpShardStart {
  readonly mark: typeof CATCH_UP_SHARD_MARK;
  readonly settings: RiskEngineSettings;
  /** Customers per message of the hand-over at the end. */
  readonly handOverShare: number;
}

/** A customer's fact, as the `ordinal`-th the routing engine folded. */
export type RoutedFact = readonly [
  kind: 0,
  ordinal: number,
  eventId: string,
  type: string,
  schemaVersion: number,
  data: unknown,
];
/** The close of a bank day, with the employers whose whole batch is missing. */
export type RoutedClose = readonly [kind: 1, day: number, causationId: string, missing: string[]];

/** To a shard thread: its work in the routing engine's order, or the end of the catch-up. */
export type ToShard =
  { readonly items: readonly (RoutedFact | RoutedClose)[] } | { readonly end: true };

/**
 * From a shard thread: a batch done; at the end its customers, a share per message (so that
 * this thread reads one share while the shard writes the next), then its decision counts; or
 * why it stopped.
 */
export type FromShard =
  | { readonly done: number }
  | { readonly customers: readonly CustomerWatch[] }
  | { readonly handedOver: DecisionCounts }
  | { readonly error: string };
