import type { BankFact } from '@churn/domain-facts';
import { SECONDS_PER_DAY } from '../calendar/bank-calendar';

/**
 * One bank day's facts, put in time order by a stable counting sort on the second of the day:
 * O(n) for the day's facts, and facts of the same second keep the order they were written in,
 * so each customer's facts stay in the order their acts happened.
 */
export class DayBuffer {
  private facts: BankFact[] = [];
  private seconds: number[] = [];
  private readonly counts = new Int32Array(SECONDS_PER_DAY + 1);

  get size(): number {
    return this.facts.length;
  }

  push(fact: BankFact, second: number): void {
    this.facts.push(fact);
    this.seconds.push(second);
  }

  /** The day's facts in time order; the buffer is empty again afterwards. */
  drain(): BankFact[] {
    const { facts, seconds, counts } = this;
    this.facts = [];
    this.seconds = [];
    if (facts.length < 2) return facts;
    counts.fill(0);
    for (const second of seconds) counts[second + 1] = (counts[second + 1] as number) + 1;
    for (let s = 1; s <= SECONDS_PER_DAY; s++)
      counts[s] = (counts[s] as number) + (counts[s - 1] as number);
    const sorted = new Array<BankFact>(facts.length);
    for (let i = 0; i < facts.length; i++) {
      const second = seconds[i] as number;
      const at = counts[second] as number;
      counts[second] = at + 1;
      sorted[at] = facts[i] as BankFact;
    }
    return sorted;
  }
}
