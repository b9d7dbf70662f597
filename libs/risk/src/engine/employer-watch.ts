import type { DayNumber } from '@churn/domain-kernel';
import type { BankFact } from '@churn/domain-facts';
import { evolveEmployer, initialEmployer, type EmployerState } from '@churn/domain-employer';
import {
  assessEmployer,
  bankMonthOf,
  initialRetentionHistory,
  recordEmployerRetention,
  NO_BRANCH_CONTEXT,
  type BranchContext,
  type EmployerRetentionHistory,
  type RiskPolicy,
} from '@churn/domain-risk';
import { employerStreamOf, type RiskOutput } from './engine-input';
import { employerAlertId } from './risk-event-ids';

interface EmployerBook {
  readonly state: EmployerState;
  readonly retention: EmployerRetentionHistory;
  /** `<reason>|<month>` already reported: one alert per employer, reason and month. */
  readonly reported: Set<string>;
}

/**
 * The branch's payroll employers (DOMAIN.md §3–4: "a whole employer's batch shrinks or stops"),
 * folded from the customer facts. Only the employers that ever paid a customer see that
 * customer's facts: offering every fact to every employer's fold gives the same states, slower.
 */
export class EmployerWatch {
  private readonly employers = new Map<string, EmployerBook>();
  private readonly employersOf = new Map<string, string[]>();
  private context: BranchContext = NO_BRANCH_CONTEXT;

  constructor(private readonly policy: RiskPolicy) {}

  /** Employers whose whole batch is missing, as of the last day closed. */
  get branchContext(): BranchContext {
    return this.context;
  }

  get size(): number {
    return this.employers.size;
  }

  /** `day`: the fact's own bank day, on which retention books the money (see the history). */
  fold(fact: BankFact, day: DayNumber): void {
    if (fact.type !== 'PayrollCredited' && fact.type !== 'TransactionPosted') return;
    const customerId = fact.data.customerId;
    let known = this.employersOf.get(customerId);
    if (fact.type === 'PayrollCredited' && !known?.includes(fact.data.employerId)) {
      known = [...(known ?? []), fact.data.employerId];
      this.employersOf.set(customerId, known);
    }
    for (const employerId of known ?? []) {
      const book = this.bookOf(employerId);
      evolveEmployer(book.state, fact);
      recordEmployerRetention(book.retention, book.state, day);
    }
  }

  /**
   * Assesses every employer at the close of `day`; returns the alerts not yet reported this
   * month and keeps the branch context for the customer assessments of the same day.
   */
  closeDay(day: DayNumber, causationId: string): RiskOutput[] {
    const outputs: RiskOutput[] = [];
    const missing = new Set<string>();
    const month = bankMonthOf(day);
    for (const [employerId, book] of this.employers) {
      const atRisk = assessEmployer(book.state, book.retention, day, this.policy);
      if (atRisk === null) continue;
      const codes = atRisk.data.reasons.map((r) => r.code);
      if (codes.includes('batch-missing')) missing.add(employerId);
      const fresh = codes.filter((code) => !book.reported.has(`${code}|${month}`)).sort();
      if (fresh.length === 0) continue;
      for (const code of fresh) book.reported.add(`${code}|${month}`);
      const event = {
        id: employerAlertId(atRisk, month, fresh),
        type: atRisk.type,
        data: atRisk.data,
        metadata: {
          occurredAt: atRisk.data.occurredAt,
          schemaVersion: atRisk.schemaVersion,
          causationId,
          policyVersion: this.policy.version,
        },
      };
      outputs.push({ stream: employerStreamOf(employerId), event });
    }
    this.context = missing.size === 0 ? NO_BRANCH_CONTEXT : { employersWithMissingBatch: missing };
    return outputs;
  }

  private bookOf(employerId: string): EmployerBook {
    let book = this.employers.get(employerId);
    if (book === undefined) {
      book = {
        state: initialEmployer(employerId),
        retention: initialRetentionHistory(employerId),
        reported: new Set(),
      };
      this.employers.set(employerId, book);
    }
    return book;
  }
}
