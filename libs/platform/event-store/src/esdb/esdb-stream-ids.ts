import { StreamNotFoundError } from '@eventstore/db-client';
import type { EsdbClient } from './esdb-client';
import type { StoredRef } from '../idempotency';
import { toRecordedEvent } from './esdb-mapping';

/** What the adapter knows of one stream's ids, up to `lastRevision` (-1: no events). */
export interface StreamIds {
  readonly lastRevision: number;
  readonly byId: ReadonlyMap<string, StoredRef>;
  readonly byRevision: ReadonlyMap<number, StoredRef>;
}

interface MutableStreamIds {
  lastRevision: number;
  readonly byId: Map<string, StoredRef>;
  readonly byRevision: Map<number, StoredRef>;
}

/**
 * Closes EventStoreDB's idempotency gap: the server only recognises a repeated append reliably
 * when it repeats the exact expected revision, and only for recent writes. Before each append the
 * adapter needs every id the stream holds; it keeps them for recently used streams, up to
 * `maxEvents` ids in all (about 100 bytes each), and reads only the tail written since (usually
 * nothing), so a warm append costs one short read. A cold stream is read whole once.
 */
export class EsdbStreamIds {
  private readonly streams = new Map<string, MutableStreamIds>();

  constructor(
    private readonly client: EsdbClient,
    private readonly maxEvents: number,
  ) {}

  async refresh(stream: string): Promise<StreamIds> {
    const known = this.streams.get(stream) ?? {
      lastRevision: -1,
      byId: new Map(),
      byRevision: new Map(),
    };
    try {
      const tail = this.client.readStream(stream, { fromRevision: BigInt(known.lastRevision + 1) });
      for await (const resolved of tail) {
        // Every record moves the revision on, even one that is not ours (non-JSON, written by a tool).
        if (resolved.event)
          known.lastRevision = Math.max(known.lastRevision, Number(resolved.event.revision));
        const event = toRecordedEvent(resolved);
        if (!event) continue;
        const ref = { id: event.id, revision: event.revision, position: event.position };
        known.byId.set(ref.id, ref);
        known.byRevision.set(ref.revision, ref);
      }
    } catch (error) {
      if (!(error instanceof StreamNotFoundError)) throw error;
    }
    this.streams.delete(stream); // re-inserted last: Map order is the LRU order
    this.streams.set(stream, known);
    this.evict(stream);
    return known;
  }

  private evict(keep: string): void {
    let total = 0;
    for (const ids of this.streams.values()) total += ids.byId.size;
    for (const [stream, ids] of this.streams) {
      if (total <= this.maxEvents) return;
      if (stream === keep) continue;
      total -= ids.byId.size;
      this.streams.delete(stream);
    }
  }
}
