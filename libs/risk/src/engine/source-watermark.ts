import type { DayNumber } from '@churn/domain-kernel';

/** How long a quiet source may hold the branch's clock back, and how much may wait for it. */
export interface WatermarkSettings {
  /**
   * A source stops holding the clock once another single source has started
   * this many deliveries (runs of consecutive inputs) since its last fact: a Kafka partition
   * with messages waiting is fetched in every round, so one that sat out this many rounds of
   * another partition had nothing to give (a payroll partition between pay days).
   */
  readonly idleAfterRuns: number;
  /** …or once this many inputs have passed since its last fact, whatever the runs. */
  readonly idleAfterInputs: number;
  /** Most facts held; beyond it the first in merge order is folded at once (and counted). */
  readonly maxHeldFacts: number;
  /**
   * Sources known before they deliver (`topic/partition`, e.g. every partition of the inbound
   * topics): each holds the clock from the start until it delivers or `idleAfterInputs` inputs
   * have passed. Ingestion may drain a few partitions to the end before it first fetches the
   * others, so a partition cannot be known from the feed in time.
   */
  readonly expectedSources?: readonly string[];
  /**
   * …or until another single source has started this many deliveries: a declared partition
   * that has nothing (a feed on partition 0 only) must not hold the clock for long.
   */
  readonly unseenIdleAfterRuns?: number;
}

/**
 * Eight fetch rounds; a declared partition not heard from, 64 deliveries of another (ingestion
 * appends in chunks of 500: 32,000 facts of one partition); 100,000 inputs (about four days of a 213,500-customer branch, two fetch
 * rounds of eighteen 1 MiB partitions); 200,000 facts held (about 200 MB at worst).
 */
export const DEFAULT_WATERMARK: WatermarkSettings = {
  idleAfterRuns: 8,
  unseenIdleAfterRuns: 64,
  idleAfterInputs: 100_000,
  maxHeldFacts: 200_000,
};

/** A fact waiting for the watermark, with where its source put it. */
export interface HeldFact<T> {
  readonly day: DayNumber;
  /** The source's offset (decimal string): the tie-break between sources within a day. */
  readonly offset: string;
  readonly item: T;
}

interface Source<T> {
  readonly key: string;
  /** The latest day this source has delivered (its own order: never an earlier one); null: none yet. */
  frontier: DayNumber | null;
  /** Input number of its last fact. */
  lastInput: number;
  /** Deliveries it has started. */
  runs: number;
  /** Per other source: its `runs` when this one last delivered. */
  readonly runsSeen: Map<Source<T>, number>;
  /** Its facts not yet folded, in its own order (a FIFO with a moving head). */
  readonly queue: HeldFact<T>[];
  head: number;
}

/** Decimal strings without leading zeros: shorter is smaller, then character by character. */
const offsetBefore = (a: string, b: string): boolean =>
  a.length < b.length || (a.length === b.length && a < b);

/**
 * The reorder buffer behind the risk engine's clock: facts from several sources (Kafka
 * partitions, as ingestion recorded them) come in the store's order, which during a backlog
 * runs one partition months ahead of another. Each source keeps its own order; the watermark
 * is the first day some source still holding the clock has not passed; facts of earlier days
 * leave in a k-way merge by (day, offset, source), so the order they are folded in depends on
 * each source's sequence, never on how the sources were interleaved. Deterministic: idleness
 * is counted in inputs and runs, never in wall-clock time.
 */
export class SourceWatermark<T> {
  private readonly sources = new Map<string, Source<T>>();
  private current: Source<T> | undefined;
  private inputs = 0;
  private mostRuns = 0;
  /** Something the watermark depends on changed since it was last worked out… */
  private stale = true;
  /** …or the input count reaches this. */
  private recheckAt = 0;
  private closedBefore: DayNumber | null = null;
  held = 0;

  constructor(readonly settings: WatermarkSettings) {
    for (const key of settings.expectedSources ?? []) this.sourceOf(key, null);
  }

  get sourceCount(): number {
    return this.sources.size;
  }

  /** Every day before it has been passed by every source still holding the clock. */
  get watermark(): DayNumber | null {
    return this.closedBefore;
  }

  /** One fact from `key` of `day`: booked as delivered (its frontier, runs, idleness). */
  arrive(key: string, day: DayNumber): void {
    this.inputs += 1;
    let source = this.current;
    if (source === undefined || source.key !== key) {
      source = this.startRun(key, day);
      this.stale = true;
    }
    source.lastInput = this.inputs;
    if (source.frontier === null || day > source.frontier) {
      source.frontier = day;
      this.stale = true;
    }
  }

  /** Holds a fact of the source that just arrived, behind the watermark. */
  hold(fact: HeldFact<T>): void {
    this.current?.queue.push(fact);
    this.held += 1;
  }

  /**
   * The next fact to fold, in merge order: one of a day the watermark has passed, or, when more
   * than `maxHeldFacts` are held, the first one whatever its day (`forced`). Undefined: wait.
   */
  next(): { readonly fact: HeldFact<T>; readonly forced: boolean } | undefined {
    const first = this.first();
    if (first === undefined) return undefined;
    const fact = first.queue[first.head] as HeldFact<T>;
    const forced = this.held > this.settings.maxHeldFacts;
    if (!forced && (this.closedBefore === null || fact.day >= this.closedBefore)) return undefined;
    this.take(first);
    // Degrade to a single clock: the days before the oldest held fact close now.
    if (forced && (this.closedBefore === null || fact.day > this.closedBefore))
      this.closedBefore = fact.day;
    return { fact, forced };
  }

  /** Moves the watermark on to the first day a holding source has not passed; never back. */
  advance(): DayNumber | null {
    // Within a run on the same day nothing changes but the input count: the next count at
    // which a source turns idle by inputs is known.
    if (!this.stale && this.inputs < this.recheckAt) return this.closedBefore;
    this.stale = false;
    const { idleAfterInputs } = this.settings;
    this.recheckAt = idleAfterInputs;
    if (!this.startedUp()) return this.closedBefore;
    let least: DayNumber | null = null;
    this.recheckAt = Number.POSITIVE_INFINITY;
    for (const source of this.sources.values()) {
      if (!this.holds(source)) continue;
      this.recheckAt = Math.min(this.recheckAt, source.lastInput + idleAfterInputs);
      if (source.frontier === null) return this.closedBefore;
      if (least === null || source.frontier < least) least = source.frontier;
    }
    if (least !== null && (this.closedBefore === null || least > this.closedBefore))
      this.closedBefore = least;
    return this.closedBefore;
  }

  /**
   * Sources not heard from yet hold the clock until one source has come round
   * `idleAfterRuns` times (on a first load every partition has delivered by then) or
   * `idleAfterInputs` inputs have passed (a feed with one source).
   */
  private startedUp(): boolean {
    return (
      this.mostRuns >= this.settings.idleAfterRuns || this.inputs >= this.settings.idleAfterInputs
    );
  }

  /**
   * Idle whether or not it has facts held: those wait in the merge either way, and a source
   * that must hold until its held facts are gone would hold its last day for ever.
   */
  private holds(source: Source<T>): boolean {
    if (this.inputs - source.lastInput >= this.settings.idleAfterInputs) return false;
    const runs =
      source.frontier === null
        ? (this.settings.unseenIdleAfterRuns ?? this.settings.idleAfterRuns)
        : this.settings.idleAfterRuns;
    for (const [other, seen] of source.runsSeen) if (other.runs - seen >= runs) return false;
    return true;
  }

  private startRun(key: string, day: DayNumber): Source<T> {
    const source = this.sourceOf(key, day);
    source.runs += 1;
    if (source.runs > this.mostRuns) this.mostRuns = source.runs;
    for (const [other] of source.runsSeen) source.runsSeen.set(other, other.runs);
    this.current = source;
    return source;
  }

  private sourceOf(key: string, day: DayNumber | null): Source<T> {
    let source = this.sources.get(key);
    if (source === undefined) {
      source = {
        key,
        frontier: day,
        lastInput: 0,
        runs: 0,
        runsSeen: new Map(),
        queue: [],
        head: 0,
      };
      for (const other of this.sources.values()) {
        other.runsSeen.set(source, 0);
        source.runsSeen.set(other, other.runs);
      }
      this.sources.set(key, source);
    }
    return source;
  }

  /** The source whose head comes first by (day, offset, source key). */
  private first(): Source<T> | undefined {
    let best: Source<T> | undefined;
    let bestFact: HeldFact<T> | undefined;
    for (const source of this.sources.values()) {
      const fact = source.queue[source.head];
      if (fact === undefined) continue;
      if (
        bestFact === undefined ||
        fact.day < bestFact.day ||
        (fact.day === bestFact.day &&
          (offsetBefore(fact.offset, bestFact.offset) ||
            (fact.offset === bestFact.offset && source.key < (best as Source<T>).key)))
      ) {
        best = source;
        bestFact = fact;
      }
    }
    return best;
  }

  private take(source: Source<T>): void {
    source.queue[source.head] = undefined as unknown as HeldFact<T>;
    source.head += 1;
    this.held -= 1;
    if (source.head === source.queue.length) {
      source.queue.length = 0;
      source.head = 0;
    } else if (source.head >= 1_024 && source.head * 2 >= source.queue.length) {
      source.queue.splice(0, source.head);
      source.head = 0;
    }
  }
}
