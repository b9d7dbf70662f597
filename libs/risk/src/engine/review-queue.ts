import type { DayNumber } from '@churn/domain-kernel';

/** Something the queue orders: by due day, then by the order it was first seen (`index`). */
export interface Reviewable {
  readonly index: number;
}

interface Entry<T> {
  readonly day: DayNumber;
  readonly item: T;
}

const before = <T extends Reviewable>(a: Entry<T>, b: Entry<T>): boolean =>
  a.day < b.day || (a.day === b.day && a.item.index < b.item.index);

/**
 * A binary min-heap of (day, customer): the days at whose close customers are next assessed.
 * Only the customers due are touched as the business clock passes a day, instead of a daily
 * sweep of the whole branch (213,500 customers). Ties go to the customer seen first, so the
 * order of assessments, and so of the events appended, is the same on every replay. Entries
 * are never removed early: a caller that reschedules checks the popped day against its own.
 */
export class ReviewQueue<T extends Reviewable> {
  private readonly heap: Entry<T>[] = [];

  get size(): number {
    return this.heap.length;
  }

  push(day: DayNumber, item: T): void {
    const heap = this.heap;
    heap.push({ day, item });
    let at = heap.length - 1;
    while (at > 0) {
      const parent = (at - 1) >> 1;
      const [child, up] = [heap[at] as Entry<T>, heap[parent] as Entry<T>];
      if (!before(child, up)) break;
      heap[at] = up;
      heap[parent] = child;
      at = parent;
    }
  }

  /** The earliest entry due on or before `day`, removed; undefined when none is due. */
  popDue(day: DayNumber): Entry<T> | undefined {
    const heap = this.heap;
    const top = heap[0];
    if (top === undefined || top.day > day) return undefined;
    const last = heap.pop() as Entry<T>;
    if (heap.length > 0) {
      heap[0] = last;
      this.siftDown();
    }
    return top;
  }

  private siftDown(): void {
    const heap = this.heap;
    let at = 0;
    for (;;) {
      const [left, right] = [2 * at + 1, 2 * at + 2];
      let least = at;
      if (left < heap.length && before(heap[left] as Entry<T>, heap[least] as Entry<T>))
        least = left;
      if (right < heap.length && before(heap[right] as Entry<T>, heap[least] as Entry<T>))
        least = right;
      if (least === at) return;
      [heap[at], heap[least]] = [heap[least] as Entry<T>, heap[at] as Entry<T>];
      at = least;
    }
  }
}
