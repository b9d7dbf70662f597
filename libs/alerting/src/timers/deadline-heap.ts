import type { Deadline, SlaRuleId } from '@churn/domain-alert';

/** An open alert's next SLA deadline, as the timers keep it. */
export interface TrackedDeadline {
  readonly alertId: string;
  readonly rule: SlaRuleId;
  readonly dueAt: string;
  readonly dueMs: number;
}

interface Entry extends TrackedDeadline {
  /** In the heap now (false once taken to be fired, until restored or replaced). */
  queued: boolean;
}

interface Tracked {
  readonly revision: number;
  readonly deadline: Entry | null;
}

/**
 * A min-heap of each open alert's next deadline, with lazy deletion: a changed alert pushes its
 * new deadline and the old entry is dropped when it reaches the top. Finding what is due costs
 * O(k log n) for k due deadlines, not a sweep of every open alert.
 */
export class DeadlineHeap {
  private heap: Entry[] = [];
  private readonly tracked = new Map<string, Tracked>();
  private live = 0;

  /** Deadlines currently tracked (one per open alert with a running clock). */
  get size(): number {
    return this.live;
  }

  /** The earliest tracked deadline's instant in ms, or null. */
  get nextDueMs(): number | null {
    this.dropStale();
    return this.heap[0]?.dueMs ?? null;
  }

  /** Keeps `deadline` as the alert's next one; a state older than the one tracked is ignored. */
  track(alertId: string, revision: number, deadline: Deadline | null): void {
    const known = this.tracked.get(alertId);
    if (known !== undefined && known.revision > revision) return;
    const old = known?.deadline ?? null;
    if (
      old !== null &&
      deadline !== null &&
      old.rule === deadline.rule &&
      old.dueAt === deadline.dueAt
    ) {
      this.tracked.set(alertId, { revision, deadline: old });
      if (!old.queued) this.push(old);
      return;
    }
    const entry: Entry | null =
      deadline === null
        ? null
        : { alertId, ...deadline, dueMs: Date.parse(deadline.dueAt), queued: false };
    this.live += (entry === null ? 0 : 1) - (old === null ? 0 : 1);
    this.tracked.set(alertId, { revision, deadline: entry });
    if (entry !== null) this.push(entry);
    if (this.heap.length > 2 * this.live + 1024) this.compact();
  }

  /** The alert's current deadline when it is due at `nowMs` (it stays in the heap), else null. */
  dueFor(alertId: string, nowMs: number): TrackedDeadline | null {
    const entry = this.tracked.get(alertId)?.deadline ?? null;
    return entry !== null && entry.dueMs <= nowMs ? entry : null;
  }

  /** Takes every current deadline due at `nowMs` out of the heap, earliest first. */
  takeDue(nowMs: number): TrackedDeadline[] {
    const due: TrackedDeadline[] = [];
    for (let top = this.heap[0]; top !== undefined && top.dueMs <= nowMs; top = this.heap[0]) {
      this.pop();
      top.queued = false;
      if (this.isCurrent(top)) due.push(top);
    }
    return due;
  }

  /** Puts back a deadline taken but not fired (retried at the next tick), unless it changed. */
  restore(deadline: TrackedDeadline): void {
    const entry = this.tracked.get(deadline.alertId)?.deadline;
    if (entry !== undefined && entry !== null && entry === deadline && !entry.queued)
      this.push(entry);
  }

  private isCurrent(entry: Entry): boolean {
    return this.tracked.get(entry.alertId)?.deadline === entry;
  }

  private dropStale(): void {
    for (let top = this.heap[0]; top !== undefined && !this.isCurrent(top); top = this.heap[0]) {
      this.pop();
      top.queued = false;
    }
  }

  private compact(): void {
    this.heap = this.heap.filter((e) => this.isCurrent(e));
    for (let i = (this.heap.length >> 1) - 1; i >= 0; i--) this.down(i);
  }

  private push(entry: Entry): void {
    entry.queued = true;
    this.heap.push(entry);
    this.up(this.heap.length - 1);
  }

  private pop(): void {
    const last = this.heap.pop();
    if (last !== undefined && this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
  }

  private up(i: number): void {
    const heap = this.heap;
    const entry = heap[i] as Entry;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      const above = heap[parent] as Entry;
      if (above.dueMs <= entry.dueMs) break;
      heap[i] = above;
      i = parent;
    }
    heap[i] = entry;
  }

  private down(i: number): void {
    const heap = this.heap;
    const entry = heap[i] as Entry;
    const n = heap.length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= n) break;
      const right = left + 1;
      const child =
        right < n && (heap[right] as Entry).dueMs < (heap[left] as Entry).dueMs ? right : left;
      if ((heap[child] as Entry).dueMs >= entry.dueMs) break;
      heap[i] = heap[child] as Entry;
      i = child;
    }
    heap[i] = entry;
  }
}
