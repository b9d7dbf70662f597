import { AlertingEngine, type Clock } from '@churn/alerting';
import { RecordingSender } from '@churn/alerting/testing';
import type { RecordedEvent, SqliteEventStore } from '@churn/event-store';
import { simulateBranch, type BranchSimulation } from '@churn/simulator';
import { SHIPPED_CONFIG, temporaryStore } from './audit-test-app';
import { runRiskEngine, storeFacts } from './stored-history';

export interface StoredBranch {
  readonly store: SqliteEventStore;
  readonly simulation: BranchSimulation;
  readonly lastFactPosition: number;
  /** Every risk event the engine wrote, in log order. */
  riskEvents(): Promise<RecordedEvent[]>;
  remove(): void;
}

const RISK_TYPES = new Set(['ChurnRiskRaised', 'ChurnRiskChanged', 'ChurnRiskCleared']);

/**
 * A simulated branch (libs/simulator) stored as ingestion stores it, every fact with its Kafka
 * coordinates, and the risk engine of libs/risk run over it with the shipped policy.
 */
export const storedBranch = async (
  name: string,
  options: { readonly seed: number; readonly customers: number; readonly years: number },
): Promise<StoredBranch> => {
  const { store, remove } = temporaryStore(name);
  const simulation = simulateBranch(options);
  const lastFactPosition = await storeFacts(store, simulation.facts);
  await runRiskEngine(store, store.checkpointStore(), lastFactPosition);
  return {
    store,
    simulation,
    lastFactPosition,
    riskEvents: async () => {
      const events: RecordedEvent[] = [];
      for await (const e of store.readAll({ streamPrefixes: ['customer-'] }))
        if (RISK_TYPES.has(e.type)) events.push(e);
      return events;
    },
    remove,
  };
};

/**
 * The alerting engine (libs/alerting) over the branch's risk events with the shipped policy and
 * staff, on a clock the test moves; the inbox is its only channel (e-mail and webhook fail over
 * to it, as in the demo). Raised, routed and notified before it returns.
 */
export const alertingOver = async (
  branch: StoredBranch,
  clock: Clock,
): Promise<{ engine: AlertingEngine; inbox: RecordingSender }> => {
  const inbox = new RecordingSender('inbox');
  const { store } = branch;
  const engine = new AlertingEngine(
    { store, checkpoints: store.checkpointStore() },
    {
      config: SHIPPED_CONFIG,
      clock,
      senders: [inbox],
      timers: { intervalMs: 0 },
      dispatcher: { intervalMs: 0 },
    },
  );
  await engine.start();
  const risk = await branch.riskEvents();
  await engine.bridge?.settled(risk[risk.length - 1]?.position ?? 0);
  await engine.dispatcher.tick();
  return { engine, inbox };
};
