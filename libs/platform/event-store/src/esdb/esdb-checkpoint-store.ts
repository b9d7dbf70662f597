import { BACKWARDS, END, StreamNotFoundError, jsonEvent } from '@eventstore/db-client';
import type { EsdbClient } from './esdb-client';
import type { CheckpointStore } from '../checkpoint-store.port';

/**
 * Checkpoints as events in `checkpoint-<subscriberId>` streams, capped by `$maxCount` so they do
 * not grow. Subscribers select their streams by prefix, so they never see these.
 */
export class EsdbCheckpointStore implements CheckpointStore {
  private readonly capped = new Set<string>();

  constructor(private readonly client: EsdbClient) {}

  async load(subscriberId: string): Promise<number | undefined> {
    try {
      const read = this.client.readStream(streamOf(subscriberId), {
        direction: BACKWARDS,
        fromRevision: END,
        maxCount: 1,
      });
      for await (const resolved of read) {
        const data = resolved.event?.data as { position?: unknown } | undefined;
        if (typeof data?.position === 'number') return data.position;
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    return undefined;
  }

  async save(subscriberId: string, position: number): Promise<void> {
    const stream = streamOf(subscriberId);
    await this.client.appendToStream(
      stream,
      jsonEvent({ type: 'CheckpointSaved', data: { position } }),
    );
    if (!this.capped.has(stream)) {
      await this.client.setStreamMetadata(stream, { maxCount: 5 });
      this.capped.add(stream);
    }
  }
}

const streamOf = (subscriberId: string): string => `checkpoint-${subscriberId}`;
