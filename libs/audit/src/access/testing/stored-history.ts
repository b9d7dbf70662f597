import type { BankFact } from '@churn/domain-facts';
import type { CheckpointStore, EventStore, NewEvent } from '@churn/event-store';
import { decodeMessage, factMessage, messageEnvelope } from '@churn/ingestion';
import { loadRiskPolicy, RiskEngine, RiskEngineLoop } from '@churn/risk';

/** After every test fact's business time, so that no fact is refused for clock skew. */
const NOW = new Date('2100-01-01T00:00:00Z');
export const SHIPPED_RISK_POLICY = 'deploy/policy/risk-policy.yaml';
/** The version the shipped policy records on every risk event it decides. */
export const SHIPPED_RISK_VERSION = loadRiskPolicy(SHIPPED_RISK_POLICY).policy.version;
const PARTITIONS = 3;

const partitionOf = (key: string): number => {
  let hash = 0;
  for (const char of key) hash = (hash * 31 + char.charCodeAt(0)) >>> 0;
  return hash % PARTITIONS;
};

/**
 * The appends ingestion makes for `facts` as if they came from Kafka: each message on its
 * topic, keyed by customer, on one of three partitions, at the next offset of that partition, so
 * every stored fact carries source coordinates.
 */
export const ingestedAppends = (
  facts: Iterable<BankFact>,
): { readonly stream: string; readonly event: NewEvent }[] => {
  const offsets = new Map<string, number>();
  const appends: { stream: string; event: NewEvent }[] = [];
  for (const fact of facts) {
    const message = factMessage(fact);
    const partition = partitionOf(message.key);
    const at = `${message.topic}/${partition}`;
    const offset = offsets.get(at) ?? 0;
    offsets.set(at, offset + 1);
    const envelope = messageEnvelope(message, { partition, offset: String(offset) });
    const decoded = decodeMessage(envelope, { now: NOW });
    if (decoded.kind !== 'facts') throw new Error(`test fact refused: ${decoded.detail}`);
    appends.push(...decoded.appends);
  }
  return appends;
};

/** Appends in feed order, a chunk per tick; returns the position of the last event. */
export const storeFacts = async (
  store: EventStore,
  facts: Iterable<BankFact>,
  chunk = 1_000,
): Promise<number> => {
  const appends = ingestedAppends(facts);
  let position = 0;
  for (let from = 0; from < appends.length; from += chunk) {
    const results = await Promise.all(
      appends
        .slice(from, from + chunk)
        .map(({ stream, event }) => store.append(stream, [event], { expectedRevision: 'any' })),
    );
    position = results[results.length - 1]?.position ?? position;
  }
  return position;
};

/** The risk engine of libs/risk over the whole store, as the service runs it, until caught up. */
export const runRiskEngine = async (
  store: EventStore,
  checkpoints: CheckpointStore,
  lastPosition: number,
  policyFile = SHIPPED_RISK_POLICY,
): Promise<void> => {
  const loop = new RiskEngineLoop(store, checkpoints, new RiskEngine(loadRiskPolicy(policyFile)), {
    subscriberId: 'risk-engine',
    flushEveryInputs: 2_000,
    flushEveryMs: 20,
  });
  await loop.start();
  await loop.handledUpTo(lastPosition, 120_000);
  await loop.stop();
};
