import { ignoreUnknown } from '@churn/domain-kernel';
import type { SignalCode } from '../signals/signal';
import type { ChurnRiskEvent, RaisedBand } from './risk-events';

/** A customer's churn risk as the risk events tell it: clear, or raised in a band. */
export type RiskState =
  | { readonly status: 'clear'; readonly sequence: number }
  | {
      readonly status: 'raised';
      readonly sequence: number;
      readonly customerId: string;
      readonly band: RaisedBand;
      readonly score: number;
      /** Signal codes recorded by the latest risk event. */
      readonly signalCodes: readonly SignalCode[];
      readonly raisedOn: string;
      readonly easingSince: string | null;
    };

export const initialRisk = (): RiskState => ({ status: 'clear', sequence: 0 });

/**
 * Folds the customer's risk events. Total: never throws, ignores impossible transitions (a
 * change or clear of a risk that is not raised), and keeps the highest sequence seen.
 */
export const evolveRisk = (state: RiskState, event: ChurnRiskEvent): RiskState => {
  const d = event.data;
  const sequence = Math.max(state.sequence, d.sequence);
  const signalCodes = d.signals.map((s) => s.code);
  switch (event.type) {
    case 'ChurnRiskRaised':
      return {
        status: 'raised',
        sequence,
        customerId: d.customerId,
        band: event.data.band,
        score: d.score,
        signalCodes,
        raisedOn: d.assessedOn,
        easingSince: null,
      };
    case 'ChurnRiskChanged':
      return state.status !== 'raised'
        ? { ...state, sequence }
        : {
            ...state,
            sequence,
            band: event.data.band,
            score: d.score,
            signalCodes,
            easingSince: event.data.easingSince,
          };
    case 'ChurnRiskCleared':
      return { status: 'clear', sequence };
    default:
      ignoreUnknown(event);
      return state;
  }
};
