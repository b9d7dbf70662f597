import { evolveCustomer, initialCustomer, type CustomerState } from '@churn/domain-customer';
import { BANK_FACT_TYPES, bankDayOfInstant, type BankFact } from '@churn/domain-facts';
import type { DayNumber } from '@churn/domain-kernel';
import { evolveRisk, initialRisk, type ChurnRiskEvent, type RiskState } from '@churn/domain-risk';
import type { RecordedEvent } from '@churn/event-store';

/** The risk event types the risk engine writes into `customer-<id>`. */
export const RISK_EVENT_TYPES: ReadonlySet<string> = new Set([
  'ChurnRiskRaised',
  'ChurnRiskChanged',
  'ChurnRiskCleared',
]);
const FACT_TYPES: ReadonlySet<string> = new Set(BANK_FACT_TYPES);

/** Salary from one employer over the whole history (the customer fold keeps the last twelve). */
export interface PayrollTally {
  credits: number;
  firstDay: DayNumber;
  /** Distinct pay periods (`2024-05`) credited: the months this employer paid. */
  readonly periods: Set<string>;
}

/**
 * What the bank knew about one customer after a prefix of their stream: the domain's customer
 * fold, the risk the engine had recorded (folded with the domain's `evolveRisk`, and the latest
 * risk event as stored), and what an auditor counts besides. A fold is mutated in place, as the
 * domain's is; `structuredClone` makes a snapshot.
 */
export interface AuditFold {
  readonly customer: CustomerState;
  risk: RiskState;
  latestRisk: RecordedEvent | null;
  readonly payroll: Map<string, PayrollTally>;
  eventsFolded: number;
  /** Events of types neither fact nor risk (counted, never silently dropped). */
  otherEvents: number;
  lastRevision: number;
  lastPosition: number | null;
  /** The latest business time of any event folded (late facts make it more than the last's). */
  maxOccurredMs: number;
  minOccurredMs: number;
}

export const initialAuditFold = (): AuditFold => ({
  customer: initialCustomer(),
  risk: initialRisk(),
  latestRisk: null,
  payroll: new Map(),
  eventsFolded: 0,
  otherEvents: 0,
  lastRevision: -1,
  lastPosition: null,
  maxOccurredMs: Number.NEGATIVE_INFINITY,
  minOccurredMs: Number.POSITIVE_INFINITY,
});

/** Business time of a stored event, in ms; NaN when unreadable (the fold ignores such facts). */
export const occurredMs = (event: RecordedEvent): number => Date.parse(event.metadata.occurredAt);

/** Folds one stored event of the customer's stream, in revision order. */
export const evolveAuditFold = (fold: AuditFold, event: RecordedEvent): AuditFold => {
  if (FACT_TYPES.has(event.type) && typeof event.data === 'object' && event.data !== null) {
    const fact = {
      type: event.type,
      schemaVersion: event.metadata.schemaVersion,
      data: event.data,
    };
    evolveCustomer(fold.customer, fact as BankFact);
    if (fact.type === 'PayrollCredited')
      tallyPayroll(fold, fact as Extract<BankFact, { type: 'PayrollCredited' }>);
  } else if (RISK_EVENT_TYPES.has(event.type)) {
    fold.risk = evolveRisk(fold.risk, { type: event.type, data: event.data } as ChurnRiskEvent);
    fold.latestRisk = event;
  } else fold.otherEvents += 1;
  fold.eventsFolded += 1;
  fold.lastRevision = event.revision;
  fold.lastPosition = event.position;
  const ms = occurredMs(event);
  if (ms > fold.maxOccurredMs) fold.maxOccurredMs = ms;
  if (ms < fold.minOccurredMs) fold.minOccurredMs = ms;
  return fold;
};

const tallyPayroll = (fold: AuditFold, fact: Extract<BankFact, { type: 'PayrollCredited' }>) => {
  const day = bankDayOfInstant(fact.data.occurredAt);
  if (day === undefined) return;
  const tally = fold.payroll.get(fact.data.employerId);
  if (tally === undefined)
    fold.payroll.set(fact.data.employerId, {
      credits: 1,
      firstDay: day,
      periods: new Set([fact.data.payPeriod]),
    });
  else {
    tally.credits += 1;
    tally.periods.add(fact.data.payPeriod);
  }
};

/** A fresh fold of `events` (a prefix of the stream, in revision order). */
export const foldEvents = (
  events: Iterable<RecordedEvent>,
  from = initialAuditFold(),
): AuditFold => {
  for (const event of events) evolveAuditFold(from, event);
  return from;
};
