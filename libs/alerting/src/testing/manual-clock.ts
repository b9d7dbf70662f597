import type { Clock } from '../ports/alerting-ports';

/** A clock the test moves (ARCHITECTURE.md principle 4: tests inject time, never sleep). */
export class ManualClock implements Clock {
  private ms: number;

  constructor(iso: string) {
    this.ms = Date.parse(iso);
  }

  now(): Date {
    return new Date(this.ms);
  }

  get iso(): string {
    return new Date(this.ms).toISOString();
  }

  set(iso: string): void {
    this.ms = Date.parse(iso);
  }

  advance(ms: number): void {
    this.ms += ms;
  }
}
