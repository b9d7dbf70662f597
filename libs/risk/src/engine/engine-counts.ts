import type { ChurnRiskEvent } from '@churn/domain-risk';

/** The counts of what one shard decided (`RiskEngine.handOver`). */
export interface DecisionCounts {
  readonly assessments: number;
  readonly raisedByBand: ReadonlyMap<string, number>;
  readonly changed: number;
  readonly cleared: number;
}

/** What the engine has done, for metrics and the health check; never part of its decisions. */
export class EngineCounts {
  folded = 0;
  assessments = 0;
  employerAssessments = 0;
  /** The engine's own events read back from the store (already in its state). */
  ownEvents = 0;
  /** Events of a type this build does not know: counted, never silently dropped. */
  unknownTypes = 0;
  /** Facts whose occurredAt cannot be read (ingestion refuses those; a damaged store). */
  unreadable = 0;
  /** Facts folded after their bank day had closed (a source idle too long, or a full buffer). */
  lateFacts = 0;
  /** Facts folded ahead of the watermark because the buffer was full (`maxHeldFacts`). */
  forcedReleases = 0;
  readonly raisedByBand = new Map<string, number>();
  changed = 0;
  cleared = 0;

  skip(kind: 'own' | 'unknown' | 'unreadable'): void {
    if (kind === 'own') this.ownEvents += 1;
    else if (kind === 'unknown') this.unknownTypes += 1;
    else this.unreadable += 1;
  }

  decisions(): DecisionCounts {
    const { assessments, changed, cleared } = this;
    return { assessments, raisedByBand: new Map(this.raisedByBand), changed, cleared };
  }

  addDecisions(other: DecisionCounts): void {
    this.assessments += other.assessments;
    for (const [band, count] of other.raisedByBand)
      this.raisedByBand.set(band, (this.raisedByBand.get(band) ?? 0) + count);
    this.changed += other.changed;
    this.cleared += other.cleared;
  }

  decided(event: ChurnRiskEvent): void {
    if (event.type === 'ChurnRiskRaised')
      this.raisedByBand.set(event.data.band, (this.raisedByBand.get(event.data.band) ?? 0) + 1);
    else if (event.type === 'ChurnRiskChanged') this.changed += 1;
    else this.cleared += 1;
  }
}
