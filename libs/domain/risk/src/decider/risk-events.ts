import type { DomainEvent } from '@churn/domain-kernel';
import type { AssessedCustomer } from '../assessment/assess-customer';
import type { CustomerValue, RiskBand } from '../score/score';
import type { Signal } from '../signals/signal';

/** Bands a raised risk can be in; `none` is the cleared state. */
export type RaisedBand = Exclude<RiskBand, 'none'>;

/** Why a raised risk changed (see `decideRisk`). */
export const RISK_CHANGE_REASONS = [
  'band-raised',
  'band-lowered',
  'signals-added',
  'easing-started',
  'easing-ended',
] as const;
export type RiskChangeReason = (typeof RISK_CHANGE_REASONS)[number];

/**
 * What every risk event records (ARCHITECTURE.md principle 6): the score and band, the signals
 * with their measures and evidence event ids, the policy version, the bank date assessed, and
 * `occurredAt`, the business time of the assessment (never the wall clock). `sequence` is the
 * event's 1-based place among the customer's risk events: part of its derived id.
 */
interface RiskEventData {
  readonly customerId: string;
  readonly sequence: number;
  readonly score: number;
  readonly band: RaisedBand;
  readonly signals: readonly Signal[];
  readonly policyVersion: string;
  readonly assessedOn: string;
  /** The customer when assessed (tier, RM, team, segment): what routing an alert needs. */
  readonly customer: AssessedCustomer;
  /** The value weight: the tier of the peak AUM over the lookback. */
  readonly value: CustomerValue;
}

export type ChurnRiskRaised = DomainEvent<'ChurnRiskRaised', RiskEventData>;

export type ChurnRiskChanged = DomainEvent<
  'ChurnRiskChanged',
  RiskEventData & {
    readonly previousScore: number;
    readonly previousBand: RaisedBand;
    readonly reasons: readonly RiskChangeReason[];
    /** The bank date since which the score has stayed below the clear level, or null. */
    readonly easingSince: string | null;
  }
>;

export type ChurnRiskCleared = DomainEvent<
  'ChurnRiskCleared',
  Omit<RiskEventData, 'band'> & {
    readonly band: 'none';
    readonly previousScore: number;
    readonly previousBand: RaisedBand;
    readonly easingSince: string;
  }
>;

export type ChurnRiskEvent = ChurnRiskRaised | ChurnRiskChanged | ChurnRiskCleared;

/** 2: risk events carry the assessed customer and value (2026-11-23). */
export const CHURN_RISK_SCHEMA_VERSION = 2;
