import type { Signal } from '@churn/domain-risk';

/** A risk event as the re-run check compares it (issue 6 §1). */
export interface RiskEventSummary {
  readonly eventId: string;
  readonly type: string;
  readonly sequence: number;
  readonly assessedOn: string;
  readonly score: number;
  readonly band: string;
  readonly signalCodes: readonly string[];
  readonly policyVersion: string;
}

export const COMPARED_FIELDS = [
  'type',
  'sequence',
  'score',
  'band',
  'signalCodes',
  'eventId',
] as const;
export type ComparedField = (typeof COMPARED_FIELDS)[number];

export interface RiskEventDifference {
  readonly sequence: number;
  /** `changed`: both have an event at this sequence; `missing`: only the first; `extra`: only the second. */
  readonly kind: 'changed' | 'missing' | 'extra';
  readonly fields: readonly ComparedField[];
  readonly first: RiskEventSummary | null;
  readonly second: RiskEventSummary | null;
}

export const summaryOf = (eventId: string, type: string, data: unknown): RiskEventSummary => {
  const d = data as {
    sequence: number;
    assessedOn: string;
    score: number;
    band: string;
    signals: readonly Signal[];
    policyVersion: string;
  };
  return {
    eventId,
    type,
    sequence: d.sequence,
    assessedOn: d.assessedOn,
    score: d.score,
    band: d.band,
    signalCodes: d.signals.map((s) => s.code),
    policyVersion: d.policyVersion,
  };
};

const fieldsDiffering = (
  a: RiskEventSummary,
  b: RiskEventSummary,
  fields: readonly ComparedField[],
): ComparedField[] => fields.filter((f) => JSON.stringify(a[f]) !== JSON.stringify(b[f]));

/** Under another policy version every derived id differs: what-if compares the decisions. */
export const WHAT_IF_FIELDS: readonly ComparedField[] = COMPARED_FIELDS.filter(
  (f) => f !== 'eventId',
);

/**
 * Two runs' risk events side by side, by their place in the customer's risk history: the n-th
 * event of one against the n-th of the other. Empty when they agree on every compared field,
 * the derived id included (it is built from the customer, sequence, type, day, band, policy
 * version and evidence ids, so equal ids mean the same causes too).
 */
export const compareRiskEvents = (
  first: readonly RiskEventSummary[],
  second: readonly RiskEventSummary[],
  compared: readonly ComparedField[] = COMPARED_FIELDS,
): RiskEventDifference[] => {
  const differences: RiskEventDifference[] = [];
  const length = Math.max(first.length, second.length);
  for (let i = 0; i < length; i++) {
    const a = first[i] ?? null;
    const b = second[i] ?? null;
    if (a !== null && b !== null) {
      const fields = fieldsDiffering(a, b, compared);
      if (fields.length > 0)
        differences.push({ sequence: a.sequence, kind: 'changed', fields, first: a, second: b });
    } else if (a !== null)
      differences.push({
        sequence: a.sequence,
        kind: 'missing',
        fields: [],
        first: a,
        second: null,
      });
    else if (b !== null)
      differences.push({ sequence: b.sequence, kind: 'extra', fields: [], first: null, second: b });
  }
  return differences;
};
