import type { IngestionLimits } from '../inbound/inbound-envelope';
import { INBOUND_TOPICS } from '@churn/messaging';

/** Everything the ingestion consumer needs from its process; see README "Configuration". */
export interface IngestionSettings {
  readonly brokers: readonly string[];
  readonly clientId: string;
  readonly groupId: string;
  readonly topics: readonly string[];
  /** Create the project's topics (explicit partitions and retention) at start, if missing. */
  readonly ensureTopics: boolean;
  readonly limits?: Partial<IngestionLimits>;
  readonly stallTimeoutMs?: number;
  readonly partitionsConsumedConcurrently?: number;
  /**
   * Parse and validate on a worker thread (`WorkerDecoder`), leaving this thread to Kafka and
   * the store: on two cores the pipeline then runs on both. Off: everything on one thread.
   */
  readonly decodeOnWorker?: boolean;
}

export const defaultIngestionSettings = (brokers: readonly string[]): IngestionSettings => ({
  brokers,
  clientId: 'churn-ingestion',
  groupId: 'churn-ingestion',
  topics: INBOUND_TOPICS,
  ensureTopics: true,
});
