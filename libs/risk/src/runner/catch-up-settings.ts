import { envInteger } from '@churn/config';
import type { RiskLoopOptions } from './risk-engine-loop';
import { DEFAULT_LOOP_OPTIONS } from './risk.module';

export type CatchUpSettings = Required<
  Pick<RiskLoopOptions, 'catchUpThreads' | 'catchUpThreadsFrom'>
>;

/**
 * README "Configuration": `RISK_CATCH_UP_THREADS` (threads the re-fold at start-up runs on, this
 * one included; 1: no shard threads) and `RISK_CATCH_UP_THREADS_FROM` (the checkpoint position
 * from which shard threads are worth their start). EventStoreDB: always one thread.
 */
export const catchUpSettingsFromEnv = (env: NodeJS.ProcessEnv): CatchUpSettings => ({
  catchUpThreads: envInteger(
    env,
    'RISK_CATCH_UP_THREADS',
    DEFAULT_LOOP_OPTIONS.catchUpThreads ?? 1,
    {
      min: 1,
      max: 16,
    },
  ),
  catchUpThreadsFrom: envInteger(
    env,
    'RISK_CATCH_UP_THREADS_FROM',
    DEFAULT_LOOP_OPTIONS.catchUpThreadsFrom ?? 0,
    { min: 0, max: Number.MAX_SAFE_INTEGER },
  ),
});
