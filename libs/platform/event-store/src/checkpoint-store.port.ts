/**
 * Where a subscriber keeps the position of the last event it handled, so that after a restart
 * it resumes with exactly the events it has not yet handled (pass the loaded value as the
 * subscription's exclusive `fromPosition`, or `'start'` when there is none).
 */
export interface CheckpointStore {
  load(subscriberId: string): Promise<number | undefined>;
  save(subscriberId: string, position: number): Promise<void>;
}
