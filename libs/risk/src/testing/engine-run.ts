import type { BankFact } from '@churn/domain-facts';
import { DEFAULT_RISK_POLICY } from '@churn/domain-risk';
import type { RecordedInput, RiskOutput } from '../engine/engine-input';
import { RiskEngine, type RiskEngineSettings } from '../engine/risk-engine';
import { DEFAULT_REVIEW_SCHEDULE } from '../engine/review-schedule';
import { ingestedAppends } from './stored-feed';

export const defaultEngine = (): RiskEngine =>
  new RiskEngine({ policy: DEFAULT_RISK_POLICY, reviews: DEFAULT_REVIEW_SCHEDULE });

/** The default policy behind a watermark sized for small test backlogs. */
export const WATERMARKED: RiskEngineSettings = {
  policy: DEFAULT_RISK_POLICY,
  reviews: DEFAULT_REVIEW_SCHEDULE,
  watermark: { idleAfterRuns: 4, idleAfterInputs: 50_000, maxHeldFacts: 50_000 },
};

/** The customers of `inputs`, in the order first seen. */
export const customerIdsOf = (inputs: readonly RecordedInput[]): string[] => [
  ...new Set(inputs.map((input) => (input.data as { customerId: string }).customerId)),
];

/** The recorded events ingestion would store for `facts`, in feed order. */
export const recordedFacts = (facts: readonly BankFact[]) =>
  ingestedAppends(facts).map(({ stream, event }) => ({ ...event, stream }));

/** Feeds `facts` (as ingestion would store them) through `engine`; returns everything it decided. */
export const runFacts = (facts: readonly BankFact[], engine = defaultEngine()): RiskOutput[] =>
  recordedFacts(facts).flatMap((recorded) => engine.handle(recorded));
