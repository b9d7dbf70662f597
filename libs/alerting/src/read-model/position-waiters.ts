interface Waiter {
  readonly position: number;
  readonly resolve: () => void;
  readonly reject: (error: Error) => void;
}

/** Promises for "the fold has reached position p", kept in position order. */
export class PositionWaiters {
  private waiting: Waiter[] = [];

  wait(position: number): Promise<void> {
    return new Promise((resolve, reject) => {
      const at = this.waiting.findIndex((w) => w.position > position);
      const waiter = { position, resolve, reject };
      if (at < 0) this.waiting.push(waiter);
      else this.waiting.splice(at, 0, waiter);
    });
  }

  reached(position: number): void {
    if (this.waiting.length === 0 || (this.waiting[0]?.position ?? Infinity) > position) return;
    const due = this.waiting.filter((w) => w.position <= position);
    this.waiting = this.waiting.filter((w) => w.position > position);
    for (const waiter of due) waiter.resolve();
  }

  rejectAll(error: Error): void {
    const all = this.waiting;
    this.waiting = [];
    for (const waiter of all) waiter.reject(error);
  }
}
