import type { CheckpointStore } from '../checkpoint-store.port';

export class InMemoryCheckpointStore implements CheckpointStore {
  private readonly positions = new Map<string, number>();

  async load(subscriberId: string): Promise<number | undefined> {
    return this.positions.get(subscriberId);
  }

  async save(subscriberId: string, position: number): Promise<void> {
    this.positions.set(subscriberId, position);
  }
}
