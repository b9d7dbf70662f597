import { BANK_FACT_TYPES, type BankFact } from '@churn/domain-facts';
import type { NewEvent } from '@churn/event-store';

/** What the engine reads: a recorded event as the store hands it over (position not needed). */
export interface RecordedInput {
  readonly id: string;
  readonly stream: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: { readonly schemaVersion?: number; readonly [key: string]: unknown };
}

/** One event the engine wants appended, and the stream it belongs to. */
export interface RiskOutput {
  readonly stream: string;
  readonly event: NewEvent;
}

/** The engine's own events: already in its state, re-derived with the same ids on replay. */
export const OWN_EVENT_TYPES: ReadonlySet<string> = new Set([
  'ChurnRiskRaised',
  'ChurnRiskChanged',
  'ChurnRiskCleared',
]);

const FACT_TYPES: ReadonlySet<string> = new Set(BANK_FACT_TYPES);

/**
 * A recorded event as a fact of the catalogue, or why it is not one: the engine's own event, or
 * a type this build does not know (counted, never silently dropped; libs/platform/event-store
 * `decode.ts`). Called for every input: no wrapper object, one Set lookup for a fact.
 */
export const readInput = (recorded: RecordedInput): BankFact | 'own' | 'unknown' => {
  const { type, data } = recorded;
  if (FACT_TYPES.has(type) && typeof data === 'object' && data !== null)
    return { type, schemaVersion: recorded.metadata.schemaVersion ?? 1, data } as BankFact;
  return OWN_EVENT_TYPES.has(type) ? 'own' : 'unknown';
};

/** ARCHITECTURE.md: `employer-<employerId>`. */
export const employerStreamOf = (employerId: string): string => `employer-${employerId}`;
