import { PositionWaiters } from '../read-model/position-waiters';

interface Pending {
  readonly position: number;
  /** The last position received before this one: the checkpoint while this one is pending. */
  readonly before: number;
  done: boolean;
}

/**
 * Which prefix of the subscription is fully handled. Risk events of different customers are
 * handled concurrently and finish out of order; the checkpoint may only cover a position once
 * every event up to it is handled (its alert commands appended).
 */
export class HandledPrefix {
  private readonly pending: Pending[] = [];
  private head = 0;
  private received = 0;
  private readonly waiters = new PositionWaiters();

  constructor(start: number) {
    this.received = start;
  }

  /** Every event up to this position is handled. */
  get position(): number {
    return this.pending[this.head]?.before ?? this.received;
  }

  get lastReceived(): number {
    return this.received;
  }

  get inFlight(): number {
    return this.pending.length - this.head;
  }

  /** An event that needs no work (not a risk event). */
  skip(position: number): void {
    this.received = position;
    if (this.inFlight === 0) this.waiters.reached(position);
  }

  /** An event whose work starts now; returns the call that marks it done. */
  begin(position: number): () => void {
    const entry: Pending = { position, before: this.received, done: false };
    this.pending.push(entry);
    this.received = position;
    return () => {
      entry.done = true;
      this.advance();
    };
  }

  /** Resolves once every event up to `position` is handled. */
  handledUpTo(position: number): Promise<void> {
    return this.position >= position ? Promise.resolve() : this.waiters.wait(position);
  }

  fail(error: Error): void {
    this.waiters.rejectAll(error);
  }

  private advance(): void {
    while (this.pending[this.head]?.done) this.head += 1;
    if (this.head > 1024 && this.head * 2 > this.pending.length) {
      this.pending.splice(0, this.head);
      this.head = 0;
    }
    this.waiters.reached(this.position);
  }
}
