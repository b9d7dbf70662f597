import type { Metrics } from '@churn/observability';
import type { EngineCounts } from '../engine/engine-counts';
import type { RiskLoopObserver } from './risk-engine-loop';
import type { LoopStatus } from './loop-status';

/** Per-input engine time: an assessment sweep at a day's close takes far longer than a fold. */
const FOLD_BUCKETS = [0.000_005, 0.000_02, 0.000_1, 0.000_5, 0.002, 0.01, 0.05, 0.25, 1];

/**
 * What operations watch of the risk engine (issue: folded, assessments, raised by band, position,
 * fold duration). Counters follow the engine's own counts at each flush; the engine itself
 * knows nothing of Prometheus.
 */
/** Where the log ends, for the lag gauge; a failed read is reported, not thrown into the scrape. */
export interface StoreHead {
  readonly headPosition: () => Promise<number>;
  readonly onError: (error: unknown) => void;
}

/** The engine's reorder buffer, read at each scrape. */
export interface HeldFacts {
  readonly heldFacts: number;
}

export const riskMetrics = (
  metrics: Metrics,
  counts: EngineCounts,
  status: LoopStatus,
  head?: StoreHead,
  buffer?: HeldFacts,
) => {
  const folded = metrics.counter({
    name: 'risk_events_folded_total',
    help: 'Customer facts folded by the risk engine (rebuilds after a restart included)',
  });
  const assessments = metrics.counter({
    name: 'risk_assessments_total',
    help: 'Customer assessments: signals and score as of the close of a bank day',
  });
  const raised = metrics.counter({
    name: 'risk_events_raised_total',
    help: 'ChurnRiskRaised decided, by band',
    labelNames: ['band'],
  });
  const appended = metrics.counter({
    name: 'risk_events_appended_total',
    help: 'Risk events appended to the store (or found there already), by type',
    labelNames: ['type'],
  });
  const skipped = metrics.counter({
    name: 'risk_events_skipped_total',
    help: "Inputs not folded: the engine's own events, unknown types, unreadable business time",
    labelNames: ['reason'],
  });
  const position = metrics.gauge({
    name: 'risk_engine_position',
    help: 'Global position of the last event the risk engine handled',
  });
  const checkpoint = metrics.gauge({
    name: 'risk_engine_checkpoint',
    help: 'Position of the last checkpoint saved: outputs up to it are in the store',
  });
  // Read at each scrape, not at each flush: the lag of an engine that stopped flushing must grow.
  // prometheus-adapter serves it to the risk engine's autoscaler (deploy/k8s/monitoring).
  if (head)
    metrics.gauge({
      name: 'risk_engine_lag_events',
      help: "The store's head position minus the risk engine's: events not yet handled (on EventStoreDB, log bytes)",
      collect: async (lag) => {
        try {
          lag.set(Math.max(0, (await head.headPosition()) - status.position));
        } catch (error) {
          lag.set(Number.NaN); // unknown, not "caught up"; a label-less gauge cannot be removed
          head.onError(error);
        }
      },
    });
  const late = metrics.counter({
    name: 'risk_engine_late_facts_total',
    help: 'Facts folded after their bank day had closed: a source idle past its bound, or a full buffer',
  });
  const forced = metrics.counter({
    name: 'risk_engine_watermark_forced_releases_total',
    help: 'Facts folded ahead of the watermark because the reorder buffer was full (maxHeldFacts)',
  });
  if (buffer)
    metrics.gauge({
      name: 'risk_engine_held_facts',
      help: 'Facts held behind the per-source watermark, not yet folded',
      collect: (held) => held.set(buffer.heldFacts),
    });
  const duration = metrics.histogram({
    name: 'risk_fold_duration_seconds',
    help: 'Engine time per input event from the subscription (on the embedded store not the re-fold up to the checkpoint at start-up): fold, plus the assessments of any bank day it closes',
    buckets: FOLD_BUCKETS,
  });
  const seen = {
    folded: 0,
    assessments: 0,
    own: 0,
    unknown: 0,
    unreadable: 0,
    late: 0,
    forced: 0,
  };
  const seenRaised = new Map<string, number>();
  const catchUp = (): void => {
    folded.inc(counts.folded - seen.folded);
    assessments.inc(counts.assessments - seen.assessments);
    skipped.inc({ reason: 'own-event' }, counts.ownEvents - seen.own);
    skipped.inc({ reason: 'unknown-type' }, counts.unknownTypes - seen.unknown);
    skipped.inc({ reason: 'unreadable-time' }, counts.unreadable - seen.unreadable);
    late.inc(counts.lateFacts - seen.late);
    forced.inc(counts.forcedReleases - seen.forced);
    for (const [band, n] of counts.raisedByBand) {
      raised.inc({ band }, n - (seenRaised.get(band) ?? 0));
      seenRaised.set(band, n);
    }
    Object.assign(seen, {
      folded: counts.folded,
      assessments: counts.assessments,
      own: counts.ownEvents,
      unknown: counts.unknownTypes,
      unreadable: counts.unreadable,
      late: counts.lateFacts,
      forced: counts.forcedReleases,
    });
    position.set(status.position);
    checkpoint.set(status.checkpoint);
  };
  const observer: RiskLoopObserver = {
    onInput: (seconds) => duration.observe(seconds),
    onFlushed: (outputs) => {
      for (const { event } of outputs) appended.inc({ type: event.type });
      catchUp();
    },
  };
  return { observer, catchUp };
};
