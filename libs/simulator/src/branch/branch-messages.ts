import type { BankFact, PayrollCredited } from '@churn/domain-facts';
import { factMessage, payrollBatchMessage, type FactMessage } from '@churn/ingestion';
import { simulateBranch, type BranchSimulation } from './simulate-branch';
import type { SimulationOptions } from './simulation-options';

/**
 * How salary travels on `payroll.disbursements.v1` (CONTRACTS.md): one `credit` message per
 * employee (the default: every message keyed by its customer), or each employer's run as one
 * `batch` message keyed by the employer, split at the contract's 10,000 credits.
 */
export type PayrollForm = 'credit' | 'batch';

export interface MessageOptions {
  readonly payrollForm?: PayrollForm;
}

export const BATCH_MOST_CREDITS = 10_000;

/** A day's facts as messages; a batch stands where its run's first credit stood. */
const dayMessages = (facts: readonly BankFact[], payrollForm: PayrollForm): FactMessage[] => {
  if (payrollForm === 'credit') return facts.map(factMessage);
  const runs = new Map<string, PayrollCredited[]>();
  const slots: (FactMessage | PayrollCredited[])[] = [];
  for (const fact of facts) {
    if (fact.type !== 'PayrollCredited') {
      slots.push(factMessage(fact));
      continue;
    }
    const run = `${fact.data.employerId}|${fact.data.batchId}|${fact.data.occurredAt}`;
    let credits = runs.get(run);
    if (credits === undefined || credits.length >= BATCH_MOST_CREDITS) {
      credits = [];
      runs.set(run, credits);
      slots.push(credits);
    }
    credits.push(fact);
  }
  return slots.map((slot) => (Array.isArray(slot) ? payrollBatchMessage(slot) : slot));
};

/** The messages that carry a simulated branch's facts, in time order, a day at a time. */
export const branchMessages = (
  simulation: BranchSimulation,
  options: MessageOptions = {},
): Iterable<FactMessage> => ({
  *[Symbol.iterator]() {
    for (const day of simulation.days)
      yield* dayMessages(day.facts, options.payrollForm ?? 'credit');
  },
});

/**
 * The inbound messages of a simulated branch (CONTRACTS.md), for a Kafka producer, a file or
 * straight into ingestion. Take `simulateBranch` first when the labels are wanted too.
 */
export const simulateBranchMessages = (
  options: SimulationOptions & MessageOptions,
): Iterable<FactMessage> => branchMessages(simulateBranch(options), options);
