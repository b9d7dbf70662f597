// A helper thread's program in a parallel catch-up: reads the store's file up to the position
// it was given, on a connection of its own, through an engine folding its shard of the
// customers, and posts what it holds. `parallel-catch-up.ts` imports this file so that a build
// emits it; anywhere but on a thread it started, it does nothing.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { StoreFileReader } from '@churn/event-store';
import { RiskEngine } from '../../engine/risk-engine';
import {
  CATCH_UP_SHARD_MARK,
  type CatchUpShardOrder,
  type CatchUpShardReply,
} from './catch-up-shard';

const catchUp = (port: MessagePort, order: CatchUpShardOrder): void => {
  let reply: CatchUpShardReply;
  try {
    const engine = new RiskEngine(order.settings, order.shard);
    const reader = new StoreFileReader(order.file);
    let inputs = 0;
    try {
      const { streamPrefixes, upToPosition } = order;
      for (const recorded of reader.events({ streamPrefixes, upToPosition })) {
        engine.handle(recorded);
        inputs += 1;
      }
    } finally {
      reader.close();
    }
    reply = { handover: engine.handOver(), inputs };
  } catch (error) {
    reply = { error: error instanceof Error ? (error.stack ?? error.message) : String(error) };
  }
  port.postMessage(reply);
};

const order = workerData as Partial<CatchUpShardOrder> | null;
if (parentPort !== null && order?.mark === CATCH_UP_SHARD_MARK)
  catchUp(parentPort, order as CatchUpShardOrder);
