// A simulated branch (libs/simulator) as the bank's source systems would send it to Kafka, a
// bank day at a time, with how many facts each day must leave in the store. Payroll travels in
// the `batch` form (one message per employer run), as core banking sends it on pay day.
import { bankDayOfInstant } from '@churn/domain-facts';
import { decodeMessage, type FactMessage } from '@churn/ingestion';
import { branchMessages, simulateBranch, type SimulationOptions } from '@churn/simulator';
import type { TopicMessage } from './bank-messages';

/** After any simulated business time, so that the clock-skew rule refuses no history. */
const FAR_FUTURE = new Date('2999-01-01T00:00:00Z');

export interface FeedDay {
  /** The bank day (days since the epoch, Beijing time) every message of it falls on. */
  readonly day: number;
  readonly messages: readonly TopicMessage[];
  /** Facts these messages decode to (a payroll batch gives one per credit). */
  readonly facts: number;
}

export interface BranchFeed {
  readonly options: SimulationOptions;
  /** In the simulator's order: the order the backtest replays. */
  readonly messages: readonly FactMessage[];
  readonly days: readonly FeedDay[];
  readonly facts: number;
  /** Customers the simulator lets leave (its ground truth), for the report. */
  readonly lost: number;
}

export const asTopicMessage = (m: FactMessage): TopicMessage => ({
  topic: m.topic,
  key: m.key,
  value: JSON.stringify(m.value),
});

/** The facts one message decodes to, as ingestion would decode it (coordinates do not matter here). */
export const factsOf = (m: FactMessage, offset = 0): number => {
  const decoded = decodeMessage(
    {
      topic: m.topic,
      partition: 0,
      offset: String(offset),
      key: Buffer.from(m.key, 'utf8'),
      value: Buffer.from(JSON.stringify(m.value), 'utf8'),
      timestamp: '0',
    },
    { now: FAR_FUTURE },
  );
  if (decoded.kind !== 'facts') throw new Error(`simulated message refused: ${decoded.detail}`);
  return decoded.appends.length;
};

const dayOfMessage = (m: FactMessage): number => {
  const day = bankDayOfInstant(String(m.value['occurredAt']));
  if (day === undefined) throw new Error(`no business day in ${JSON.stringify(m.value)}`);
  return day;
};

export const simulatedBranchFeed = (options: SimulationOptions): BranchFeed => {
  const simulation = simulateBranch(options);
  const messages = [...branchMessages(simulation, { payrollForm: 'batch' })];
  const days: FeedDay[] = [];
  let current: { day: number; messages: TopicMessage[]; facts: number } | undefined;
  let facts = 0;
  messages.forEach((m, offset) => {
    const day = dayOfMessage(m);
    if (current === undefined || current.day !== day) {
      if (current !== undefined && day < current.day)
        throw new Error(`the simulator's feed goes back in time at message ${offset}`);
      current = { day, messages: [], facts: 0 };
      days.push(current);
    }
    const n = factsOf(m, offset);
    current.messages.push(asTopicMessage(m));
    current.facts += n;
    facts += n;
  });
  return { options, messages, days, facts, lost: simulation.labels.length };
};
