import type { DayNumber } from '@churn/domain-kernel';
import { bankDayOfInstant } from '@churn/domain-facts';
import {
  cloneCustomer,
  evolveCustomer,
  initialCustomer,
  type CustomerState,
} from '@churn/domain-customer';
import { assessCustomer } from '../assessment/assess-customer';
import { decideRisk } from '../decider/decide-risk';
import type { ChurnRiskEvent } from '../decider/risk-events';
import { riskEventName } from '../decider/risk-event-name';
import { evolveRisk, initialRisk, type RiskState } from '../decider/risk-state';
import { evolveEvidence } from '../evidence/evolve-evidence';
import { cloneEvidence, initialEvidence, type RiskEvidence } from '../evidence/risk-evidence';
import type { RiskPolicy } from '../policy/risk-policy';
import type { StoredFact } from './customer-story';

/** Everything the engine keeps for one customer: a checkpoint is a copy of it and a position. */
export interface EngineState {
  readonly customer: CustomerState;
  readonly evidence: RiskEvidence;
  readonly risk: RiskState;
  /** The bank day of the facts folded since the last assessment, or null. */
  readonly openDay: DayNumber | null;
  /** Stored facts consumed. */
  readonly position: number;
}

export interface NamedRiskEvent {
  readonly name: string;
  readonly event: ChurnRiskEvent;
}

export const freshEngine = (): EngineState => ({
  customer: initialCustomer(),
  evidence: initialEvidence(),
  risk: initialRisk(),
  openDay: null,
  position: 0,
});

export const checkpointOf = (state: EngineState): EngineState => ({
  ...state,
  customer: cloneCustomer(state.customer),
  evidence: cloneEvidence(state.evidence),
});

/**
 * A minimal risk engine over one customer's stored facts, as the feature layer will run it:
 * when a fact of a later bank day arrives, the day that ended is assessed (once), then every
 * following day without facts while a risk is raised (the daily tick), then the fact is folded.
 * Returns the events decided, with their derived id names, and the state to checkpoint.
 */
export const runEngine = (
  stored: readonly StoredFact[],
  policy: RiskPolicy,
  from: EngineState = freshEngine(),
  until = stored.length,
): { readonly events: NamedRiskEvent[]; readonly state: EngineState } => {
  const events: NamedRiskEvent[] = [];
  let { risk, openDay } = from;
  const { customer, evidence } = from;
  const assess = (asOfDay: DayNumber): void => {
    for (const event of decideRisk(assessCustomer(customer, evidence, asOfDay, policy), risk)) {
      events.push({ name: riskEventName(event), event });
      risk = evolveRisk(risk, event);
    }
  };
  for (let position = from.position; position < until; position++) {
    const [eventId, fact] = stored[position] ?? [];
    if (fact === undefined || eventId === undefined) break;
    const factDay = bankDayOfInstant(fact.data.occurredAt) ?? openDay ?? 0;
    if (openDay !== null && factDay > openDay) {
      assess(openDay);
      for (let tick = openDay + 1; tick < factDay && risk.status === 'raised'; tick++) assess(tick);
    }
    evolveCustomer(customer, fact);
    evolveEvidence(evidence, eventId, fact);
    openDay = customer.lastDay;
  }
  return { events, state: { customer, evidence, risk, openDay, position: until } };
};
