// A shard thread's program in a parallel catch-up: folds the customers the engine on the main
// thread routes to it (their facts, and every day's close with its branch context), in that
// engine's order, and at the end posts what it holds. `parallel-catch-up.ts` imports this file
// so that a build emits it; anywhere but on a thread it started, it does nothing.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import type { BankFact } from '@churn/domain-facts';
import { RiskEngine } from '../../engine/risk-engine';
import {
  CATCH_UP_SHARD_MARK,
  type CatchUpShardStart,
  type FromShard,
  type ToShard,
} from './catch-up-shard';

/** The shard's customers, `share` per message, then its decision counts. */
const handOver = (port: MessagePort, engine: RiskEngine, share: number): FromShard => {
  const { watches, decisions } = engine.handOver();
  for (let from = 0; from < watches.length; from += share)
    port.postMessage({ customers: watches.slice(from, from + share) } satisfies FromShard);
  return { handedOver: decisions };
};

const serve = (port: MessagePort, { settings, handOverShare }: CatchUpShardStart): void => {
  // The routing engine keeps the clock and the watermark: this one only folds and assesses.
  const engine = new RiskEngine({ policy: settings.policy, reviews: settings.reviews });
  let batches = 0;
  port.on('message', (message: ToShard) => {
    let reply: FromShard;
    try {
      if ('end' in message) reply = handOver(port, engine, handOverShare);
      else {
        for (const item of message.items) {
          if (item[0] === 0) {
            const [, ordinal, eventId, type, schemaVersion, data] = item;
            engine.foldRouted(ordinal, eventId, { type, schemaVersion, data } as BankFact);
          } else {
            const [, day, causationId, missing] = item;
            engine.closeRouted(day, causationId, { employersWithMissingBatch: new Set(missing) });
          }
        }
        reply = { done: ++batches };
      }
    } catch (error) {
      reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
    }
    port.postMessage(reply);
  });
};

const start = workerData as Partial<CatchUpShardStart> | null;
if (parentPort !== null && start?.mark === CATCH_UP_SHARD_MARK)
  serve(parentPort, start as CatchUpShardStart);
