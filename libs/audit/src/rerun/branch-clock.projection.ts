import {
  BANK_FACT_TYPES,
  bankDayOfInstant,
  HOME_CURRENCY,
  type PayrollCredited,
} from '@churn/domain-facts';
import type { DayNumber } from '@churn/domain-kernel';
import type { RecordedEvent } from '@churn/event-store';

const FACT_TYPES: ReadonlySet<string> = new Set(BANK_FACT_TYPES);

/** The first CNY credit of one payroll batch, where the log holds it. */
export interface BatchStart {
  readonly position: number;
  readonly fact: PayrollCredited;
}

/**
 * What the risk engine knew of the branch beyond one customer, from the whole log of customer
 * streams: a read model for re-running one customer exactly as the engine ran the branch.
 *
 * - The branch's business clock. The engine closes a bank day when the first fact of a later
 *   day arrives, whoever's it is (libs/risk README, "How the engine decides when to assess"),
 *   so a quiet customer's salary is found missing because others' facts moved the clock. The
 *   clock is kept as steps: the log positions at which the latest bank day moved, and to which
 *   day. Facts are read as the engine reads them (`readInput`: a known fact type with data).
 * - Each employer's payroll batches, in log order: whether a whole batch is missing (the
 *   employer alert that quiets its employees' payroll-stopped signals, `BranchContext`) depends
 *   only on when each batch was first credited, which the first CNY credit of each batch tells.
 */
export class BranchClock {
  private readonly positions: number[] = [];
  private readonly days: DayNumber[] = [];
  private readonly batches = new Map<string, BatchStart[]>();
  private readonly seenBatches = new Set<string>();
  private latestDay: DayNumber | null = null;
  position = 0;
  events = 0;

  evolve(event: RecordedEvent): void {
    this.position = event.position;
    this.events += 1;
    const data = event.data as { occurredAt?: unknown } | null;
    if (!FACT_TYPES.has(event.type) || typeof data !== 'object' || data === null) return;
    const day = typeof data.occurredAt === 'string' ? bankDayOfInstant(data.occurredAt) : undefined;
    if (day === undefined) return;
    if (this.latestDay === null || day > this.latestDay) {
      this.positions.push(event.position);
      this.days.push(day);
      this.latestDay = day;
    }
    if (event.type === 'PayrollCredited')
      this.noteBatch(event.position, event.data as PayrollCredited['data']);
  }

  /** The clock's steps in log order: at `positions[i]` the latest bank day became `days[i]`. */
  get steps(): { readonly positions: readonly number[]; readonly days: readonly DayNumber[] } {
    return { positions: this.positions, days: this.days };
  }

  get businessDay(): DayNumber | null {
    return this.latestDay;
  }

  /** The employer's batches in the order the log first credited them. */
  batchesOf(employerId: string): readonly BatchStart[] {
    return this.batches.get(employerId) ?? [];
  }

  private noteBatch(position: number, data: PayrollCredited['data']): void {
    if (data.currency !== HOME_CURRENCY) return;
    const key = `${data.employerId}\u0000${data.batchId}`;
    if (this.seenBatches.has(key)) return;
    this.seenBatches.add(key);
    const fact: PayrollCredited = { type: 'PayrollCredited', schemaVersion: 1, data };
    const list = this.batches.get(data.employerId);
    if (list === undefined) this.batches.set(data.employerId, [{ position, fact }]);
    else list.push({ position, fact });
  }
}
