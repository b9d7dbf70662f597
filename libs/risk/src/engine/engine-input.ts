import { BANK_FACT_TYPES, type BankFact } from '@churn/domain-facts';
import type { NewEvent } from '@churn/event-store';

/** What the engine reads of a recorded event (neither its stream nor its position). */
export interface EngineInput {
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: { readonly schemaVersion?: number; readonly [key: string]: unknown };
}

/** A recorded event as the store hands it over, with its stream (position not needed). */
export interface RecordedInput extends EngineInput {
  readonly stream: string;
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
export const readInput = (recorded: EngineInput): BankFact | 'own' | 'unknown' => {
  const { type, data } = recorded;
  if (FACT_TYPES.has(type) && typeof data === 'object' && data !== null)
    return { type, schemaVersion: recorded.metadata.schemaVersion ?? 1, data } as BankFact;
  return OWN_EVENT_TYPES.has(type) ? 'own' : 'unknown';
};

/** Where ingestion took a fact from (metadata `source`, libs/ingestion `factAppend`). */
interface SourceCoordinates {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

const isCoordinates = (value: unknown): value is SourceCoordinates =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as SourceCoordinates).topic === 'string' &&
  typeof (value as SourceCoordinates).partition === 'number' &&
  typeof (value as SourceCoordinates).offset === 'string';

/** A fact recorded without coordinates (another writer): its own source, offset 0. */
const NO_SOURCE = { topic: '', partition: 0, offset: '0' } as const;

/**
 * The source a fact came from and where in it: a Kafka partition (`topic/partition`) and the
 * offset. `npm run ingest` and the demo feed record partition 0 of each topic and a line or
 * day-based offset; facts without coordinates are one source of their own.
 */
export class SourceKeys {
  private topic = '';
  private partition = 0;
  private key = '/0';

  of(recorded: EngineInput): { readonly key: string; readonly offset: string } {
    const found = recorded.metadata['source'];
    const source = isCoordinates(found) ? found : NO_SOURCE;
    if (source.topic !== this.topic || source.partition !== this.partition) {
      this.topic = source.topic;
      this.partition = source.partition;
      this.key = `${source.topic}/${source.partition}`;
    }
    return { key: this.key, offset: source.offset };
  }
}

/** ARCHITECTURE.md: `employer-<employerId>`. */
export const employerStreamOf = (employerId: string): string => `employer-${employerId}`;
