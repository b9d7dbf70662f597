import type { ChurnRiskEvent } from './risk-events';

/**
 * Derived event ids (ARCHITECTURE.md principle 3: derived events get ids derived from the events
 * that caused them). The name of a risk event is built from its causes — customer, place in the
 * customer's risk history, event type, bank date assessed, band, policy version and the ids of
 * the evidence events — and the feature layer turns it into a UUID v5. A replay, or a retry after
 * a crash, decides the same event from the same causes and so appends nothing new; `sequence`
 * keeps apart two events that a same-day re-assessment could otherwise give the same causes
 * (watch → warning → watch on one day).
 */
const escapePart = (part: string): string =>
  part.includes('|') || part.includes('%') || part.includes(',')
    ? part.replace(/%/g, '%25').replace(/\|/g, '%7C').replace(/,/g, '%2C')
    : part;

/** The causing event ids of a risk event: every signal's evidence, sorted, without repeats. */
export const causingEventIds = (event: ChurnRiskEvent): readonly string[] =>
  [...new Set(event.data.signals.flatMap((signal) => signal.evidenceEventIds))].sort();

/** E.g. `churn-risk|c-42|3|ChurnRiskChanged|2026-03-11|warning|2026-11-1|e-7,e-9`. */
export const riskEventName = (event: ChurnRiskEvent): string =>
  [
    'churn-risk',
    escapePart(event.data.customerId),
    String(event.data.sequence),
    event.type,
    event.data.assessedOn,
    event.data.band,
    escapePart(event.data.policyVersion),
    causingEventIds(event).map(escapePart).join(','),
  ].join('|');
