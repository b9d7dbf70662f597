import type { DayNumber } from '@churn/domain-kernel';
import { bankDayOfInstant } from '@churn/domain-facts';
import type { RecordedInput } from '../engine/engine-input';
import type { RiskEngine } from '../engine/risk-engine';
import { AlertLog } from './alert-log';
import { ActivityModelBaseline } from './activity-model-baseline';
import { SilenceBaseline } from './silence-baseline';

export interface BacktestRun {
  readonly log: AlertLog;
  readonly baseline: SilenceBaseline;
  /** The modified BG/NBD's P(alive), fitted per tier at the end of the warm-up (DOMAIN.md §9). */
  readonly activityModel: ActivityModelBaseline | null;
  /** Relationship managers of the branch at the end of the feed. */
  readonly managers: number;
  readonly customers: number;
  readonly facts: number;
  readonly engineSeconds: number;
}

/**
 * Replays a feed through the engine in file order, as the store would hold it, and records the
 * engine's alerts and the silence baseline's side by side.
 */
export const replayBacktest = async (
  engine: RiskEngine,
  facts: AsyncIterable<RecordedInput>,
  baselineDays: number,
  activityModel?: { readonly calibrationEnd: DayNumber; readonly threshold: number },
): Promise<BacktestRun> => {
  const log = new AlertLog(engine);
  const baseline = new SilenceBaseline(engine, log, baselineDays);
  const model =
    activityModel === undefined
      ? null
      : new ActivityModelBaseline(
          engine,
          log,
          activityModel.calibrationEnd,
          activityModel.threshold,
        );
  const customers = new Set<string>();
  let closedThrough: DayNumber | null = null;
  let count = 0;
  let engineMs = 0;
  for await (const input of facts) {
    const data = input.data as { customerId: string; occurredAt: string };
    const day = bankDayOfInstant(data.occurredAt);
    if (day !== undefined && (closedThrough === null || day - 1 > closedThrough)) {
      if (closedThrough !== null) baseline.closeThrough(day - 1);
      if (closedThrough !== null) model?.closeThrough(day - 1);
      closedThrough = day - 1;
    }
    const started = performance.now();
    log.record(engine.handle(input));
    engineMs += performance.now() - started;
    baseline.noted(data.customerId);
    model?.noted(data.customerId);
    customers.add(data.customerId);
    count += 1;
  }
  const managers = new Set<string>();
  for (const id of customers) {
    const rm = engine.watchOf(id)?.customer.relationshipManager?.rmId;
    if (rm !== undefined) managers.add(rm);
  }
  return {
    log,
    baseline,
    activityModel: model,
    managers: managers.size,
    customers: customers.size,
    facts: count,
    engineSeconds: engineMs / 1000,
  };
};
