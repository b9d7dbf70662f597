import type { BankFact } from '@churn/domain-facts';
import type { EventStore, NewEvent, RecordedEvent } from '@churn/event-store';
import { decodeMessage, factMessage, messageEnvelope } from '@churn/ingestion';
import type { RecordedInput } from '../engine/engine-input';

/** After every test fact's business time, so that no fact is refused for clock skew. */
const NOW = new Date('2100-01-01T00:00:00Z');

/** The appends ingestion would make for `facts`: the same streams and the same event ids. */
export const ingestedAppends = (
  facts: readonly BankFact[],
): { readonly stream: string; readonly event: NewEvent }[] =>
  facts.flatMap((fact, offset) => {
    const envelope = messageEnvelope(factMessage(fact), { offset: String(offset) });
    const decoded = decodeMessage(envelope, { now: NOW });
    if (decoded.kind !== 'facts') throw new Error(`test fact refused: ${decoded.detail}`);
    return decoded.appends;
  });

/**
 * Appends in feed order, a chunk per tick (one transaction on the embedded store); returns the
 * position of the last fact.
 */
export const storeFacts = async (
  store: EventStore,
  facts: readonly BankFact[],
  chunk = 500,
): Promise<number> => appendInChunks(store, ingestedAppends(facts), chunk);

/** Recorded inputs (with their ids and metadata) appended in the given order, 500 a tick. */
export const storeRecorded = (
  store: EventStore,
  inputs: readonly RecordedInput[],
): Promise<number> =>
  appendInChunks(
    store,
    inputs.map(({ stream, id, type, data, metadata }) => ({
      stream,
      event: { id, type, data, metadata: metadata as never },
    })),
  );

/** Appends in the given order, a chunk per tick; returns the position of the last. */
export const appendInChunks = async (
  store: EventStore,
  appends: readonly { readonly stream: string; readonly event: NewEvent }[],
  chunk = 500,
): Promise<number> => {
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

/** Everything the risk engine wrote, in log order, as comparable JSON (recording time left out). */
export const riskEventsJson = async (store: EventStore): Promise<string[]> => {
  const written: string[] = [];
  for await (const e of store.readAll()) {
    if (!isRiskEvent(e)) continue;
    const { id, stream, type, data, metadata } = e;
    written.push(JSON.stringify({ id, stream, type, data, metadata }));
  }
  return written;
};

const RISK_TYPES = new Set([
  'ChurnRiskRaised',
  'ChurnRiskChanged',
  'ChurnRiskCleared',
  'EmployerPayrollAtRisk',
]);

export const isRiskEvent = (e: RecordedEvent): boolean => RISK_TYPES.has(e.type);
